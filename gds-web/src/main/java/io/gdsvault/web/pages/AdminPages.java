package io.gdsvault.web.pages;

import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.audit.AuditRecord;
import io.gdsvault.gds.audit.AuditVerification;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.User;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.web.api.ApiException;
import io.gdsvault.web.api.Services;
import io.gdsvault.web.api.Views;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.Logins;
import io.gdsvault.web.security.WebSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Push (targets, state, last error, run now), Audit (trail, verification), Users. */
final class AdminPages {

  private static final int AUDIT_ROWS = 200;

  private final GdsApplication app;
  private final Logins logins;

  AdminPages(GdsApplication app, Logins logins) {
    this.app = app;
    this.logins = logins;
  }

  void register(RoutesConfig r) {
    r.get("/push", this::push);
    r.post("/push/{id}/run", this::runPush);
    r.get("/audit", this::audit);
    r.get("/users", this::users);
    r.post("/users", this::addUser);
    r.post("/users/{name}/password", this::password);
    r.post("/users/{name}/remove", this::removeUser);
  }

  private void push(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    List<PushTarget> targets = Services.call(() -> app.push().engine().status(caller, null));
    StringBuilder b =
        new StringBuilder(
            "<table><thead><tr><th>Application</th><th>Endpoint</th><th>State</th>"
                + "<th>Last push</th><th>Last error</th><th></th></tr></thead><tbody>");
    for (PushTarget t : targets) {
      b.append("<tr><td><a href=\"/applications/")
          .append(t.applicationId())
          .append("\">")
          .append(t.applicationId())
          .append("</a></td><td>")
          .append(Html.esc(t.access().endpointUrl()))
          .append("</td><td>")
          .append(Html.badge(t.job().state().label()))
          .append("</td><td>")
          .append(Html.time(t.job().lastPush()))
          .append("</td><td>")
          .append(Html.esc(t.job().lastError()))
          .append("</td><td>")
          .append(
              Html.postButton(
                  s,
                  "/push/" + t.applicationId() + "/run",
                  "Run now",
                  "run-" + t.applicationId(),
                  null))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (targets.isEmpty()) {
      b.append("<p>No push targets. Enable push with <code>./gds push enable</code>.</p>");
    }
    Html.send(ctx, 200, "Push", s, b.toString());
  }

  private void runPush(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    Services.run(() -> app.push().engine().run(caller, id));
    ctx.redirect("/push");
  }

  private void audit(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    AuditVerification v = Services.call(() -> app.auditTrail().verify(caller));
    List<AuditRecord> rows =
        Services.call(() -> app.auditTrail().list(caller, null, AuditTrailLimit.ROWS));
    StringBuilder b = new StringBuilder("<p id=\"audit-verification\" class=\"card\">");
    b.append(
            v.intact()
                ? "Chain verified: " + v.rows() + " rows intact."
                : "Chain BROKEN at row " + v.brokenSeq() + ": " + Html.esc(v.problem()))
        .append("</p><table><thead><tr><th>#</th><th>When</th><th>Who</th><th>What</th>")
        .append("<th>Target</th><th>Detail</th><th>Outcome</th></tr></thead><tbody>");
    int from = Math.max(0, rows.size() - AUDIT_ROWS);
    for (int i = rows.size() - 1; i >= from; i--) {
      AuditRecord r = rows.get(i);
      b.append("<tr><td>")
          .append(r.seq())
          .append("</td><td>")
          .append(Html.time(r.at()))
          .append("</td><td>")
          .append(Html.esc(r.actor()))
          .append("</td><td>")
          .append(Html.esc(r.action()))
          .append("</td><td>")
          .append(Html.esc(r.target()))
          .append("</td><td>")
          .append(Html.esc(r.detail()))
          .append("</td><td>")
          .append(Html.esc(r.outcome()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    Html.send(ctx, 200, "Audit", s, b.toString());
  }

  /** How many audit rows are read for the page (the newest are shown). */
  private static final class AuditTrailLimit {
    static final int ROWS = io.gdsvault.gds.audit.AuditTrail.MAX_LIST;
  }

  private void users(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    List<User> users = Services.call(() -> app.users().list(caller));
    StringBuilder b =
        new StringBuilder(
            "<table><thead><tr><th>User</th><th>Roles</th><th></th></tr></thead><tbody>");
    for (User u : users) {
      b.append("<tr><td>").append(Html.esc(u.name())).append("</td><td>");
      u.roles().forEach(r -> b.append(r.partName()).append(' '));
      b.append("</td><td><form method=\"post\" class=\"inline\" action=\"/users/")
          .append(Html.esc(u.name()))
          .append("/password\">")
          .append(Html.csrf(s))
          .append("<input type=\"password\" name=\"password\" placeholder=\"new password\"")
          .append(" autocomplete=\"new-password\" required><button type=\"submit\">")
          .append("Change password</button></form> ")
          .append(
              Html.postButton(
                  s,
                  "/users/" + u.name() + "/remove",
                  "Remove",
                  "remove-" + u.name(),
                  "Remove user " + u.name() + "?"))
          .append("</td></tr>");
    }
    b.append("</tbody></table><h2>Add user</h2><form method=\"post\" action=\"/users\"")
        .append(" class=\"card\">")
        .append(Html.csrf(s))
        .append(Html.input("name", "User name", "", null, true))
        .append("<label for=\"new-password\">Password (at least 12 characters)</label>")
        .append("<input type=\"password\" id=\"new-password\" name=\"password\" required")
        .append(" autocomplete=\"new-password\"><fieldset><legend>Roles</legend>");
    for (Role r : Role.values()) {
      b.append("<label class=\"check\"><input type=\"checkbox\" name=\"role\" value=\"")
          .append(r.partName())
          .append("\"> ")
          .append(r.partName())
          .append("</label>");
    }
    b.append("</fieldset><button type=\"submit\" id=\"add-user\">Add user</button></form>");
    Html.send(ctx, 200, "Users", s, b.toString());
  }

  private void addUser(Context ctx) {
    Caller caller = Guard.caller(ctx);
    String name = ctx.formParam("name");
    String password = ctx.formParam("password");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : ctx.formParams("role")) {
      roles.add(Role.fromName(r).orElseThrow(() -> ApiException.invalid("role", "unknown role")));
    }
    if (name == null || password == null) {
      throw ApiException.invalid("name", "user name and password are required");
    }
    Services.run(() -> app.users().addUser(caller, name, password.toCharArray(), roles));
    ctx.redirect("/users");
  }

  private void password(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    String name = ctx.pathParam("name");
    String password = ctx.formParam("password");
    if (password == null) {
      throw ApiException.invalid("password", "is required");
    }
    Services.run(() -> app.users().setPassword(caller, name, password.toCharArray()));
    logins.passwordChanged(name, s.id());
    ctx.redirect("/users");
  }

  private void removeUser(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    String name = ctx.pathParam("name");
    Services.run(() -> app.users().removeUser(caller, name));
    logins.passwordChanged(name, s.id());
    ctx.redirect("/users");
  }
}
