package io.gdsvault.web.pages;

import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.web.api.ApiException;
import io.gdsvault.web.api.ApplicationsApi;
import io.gdsvault.web.api.CatalogApi;
import io.gdsvault.web.api.RequestsApi;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.Logins;
import io.gdsvault.web.security.WebSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Login, logout, and the registration of every page. */
public final class Pages {

  private final GdsApplication app;
  private final Logins logins;
  private final Guard guard;
  private final ApplicationsApi applications;
  private final RequestsApi requests;
  private final CatalogApi catalog;
  private final Clock clock;

  public Pages(
      GdsApplication app,
      Logins logins,
      Guard guard,
      ApplicationsApi applications,
      RequestsApi requests,
      CatalogApi catalog,
      Clock clock) {
    this.app = app;
    this.logins = logins;
    this.guard = guard;
    this.applications = applications;
    this.requests = requests;
    this.catalog = catalog;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.get("/", ctx -> ctx.redirect("/applications"));
    r.get("/login", this::loginPage);
    r.post("/login", this::login);
    r.post("/logout", this::logout);
    new ApplicationPages(app, applications).register(r);
    new RequestPages(app, requests).register(r);
    new CatalogPages(app, catalog, clock).register(r);
    new AdminPages(app, logins).register(r);
  }

  private void loginPage(Context ctx) {
    if (guard.cookieSession(ctx).isPresent()) {
      ctx.redirect("/applications");
      return;
    }
    Html.send(ctx, 200, "Log in", null, loginForm(null));
  }

  private static String loginForm(@Nullable String error) {
    return Html.message(error)
        + "<form method=\"post\" action=\"/login\" class=\"card\">"
        + Html.input("username", "User name", "", null, true)
        + "<label for=\"password\">Password</label>"
        + "<input id=\"password\" name=\"password\" type=\"password\" required"
        + " autocomplete=\"current-password\">"
        + "<button type=\"submit\" id=\"login\">Log in</button></form>";
  }

  private void login(Context ctx) {
    String user = ctx.formParam("username");
    String password = ctx.formParam("password");
    try {
      logins.login(ctx, user == null ? "" : user, (password == null ? "" : password).toCharArray());
      ctx.redirect("/applications");
    } catch (ApiException e) {
      Html.send(ctx, e.status(), "Log in", null, loginForm(e.getMessage()));
    }
  }

  private void logout(Context ctx) {
    WebSession s = Guard.session(ctx).orElseThrow(() -> ApiException.unauthorized("not logged in"));
    logins.logout(ctx, s);
    ctx.redirect("/login");
  }

  /** A refusal on a page: the login page for 401 (a redirect for GET), else an error page. */
  public static void refused(Context ctx, ApiException e) {
    if (e.status() == 401) {
      if (ctx.method().equals(HandlerType.GET)) {
        ctx.redirect("/login");
      } else {
        Html.send(ctx, 401, "Log in", null, loginForm(e.getMessage()));
      }
      return;
    }
    WebSession s = Guard.session(ctx).orElse(null);
    Html.send(
        ctx,
        e.status(),
        e.status() == 404 ? "Not found" : "Refused",
        s,
        Html.message(e.getMessage())
            + "<p class=\"status\">HTTP "
            + e.status()
            + "</p><p><a href=\"/applications\">Back to Applications</a></p>");
  }

  /** The session of a page request (pages run only after the guard found one). */
  static WebSession session(Context ctx) {
    return Guard.session(ctx).orElseThrow(() -> ApiException.unauthorized("not logged in"));
  }
}
