package io.gdsvault.web.pages;

import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.certificates.CertificateBundle;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.DownloadedKey;
import io.gdsvault.gds.certificates.PrivateKeyFormat;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.certificates.RequestState;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.web.api.Downloads;
import io.gdsvault.web.api.RequestsApi;
import io.gdsvault.web.api.Services;
import io.gdsvault.web.api.Views;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.WebSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests: the approval queue, a request's details and decisions, its downloads. */
final class RequestPages {

  private final GdsApplication app;
  private final RequestsApi api;

  RequestPages(GdsApplication app, RequestsApi api) {
    this.app = app;
    this.api = api;
  }

  void register(RoutesConfig r) {
    r.get("/requests", this::queue);
    r.get("/requests/{id}", this::details);
    r.post("/requests/{id}/approve", this::approve);
    r.post("/requests/{id}/reject", this::reject);
    r.get("/requests/{id}/certificate", this::certificate);
    r.get("/requests/{id}/device.zip", this::zip);
    r.get("/requests/{id}/private-key", this::privateKey);
    r.post("/requests/{id}/delete-private-key", this::deleteKey);
  }

  private void queue(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    String state = ctx.queryParam("state");
    List<RequestState> states = RequestsApi.states(state);
    List<CertificateRequestRecord> list =
        Services.call(() -> app.certificates().service().list(caller, states));
    StringBuilder b = new StringBuilder("<p class=\"filters\">");
    for (String f : List.of("", "new", "approved", "rejected", "accepted", "revoked", "removed")) {
      b.append("<a href=\"/requests")
          .append(f.isEmpty() ? "" : "?state=" + f)
          .append("\">")
          .append(f.isEmpty() ? "all" : f)
          .append("</a> ");
    }
    b.append("</p><table><thead><tr><th>Application</th><th>Kind</th><th>State</th>")
        .append("<th>Requested by</th><th>Created</th></tr></thead><tbody>");
    for (CertificateRequestRecord r : list) {
      b.append("<tr><td><a href=\"/requests/")
          .append(r.requestId())
          .append("\">")
          .append(Html.esc(r.applicationUri()))
          .append("</a></td><td>")
          .append(r.kind() == RequestKind.NEW_KEY_PAIR ? "new key pair" : "CSR")
          .append("</td><td>")
          .append(Html.badge(r.state().label()))
          .append("</td><td>")
          .append(Html.esc(r.requestedBy()))
          .append("</td><td>")
          .append(Html.time(r.createdAt()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (list.isEmpty()) {
      b.append("<p>No requests.</p>");
    }
    Html.send(ctx, 200, "Requests", s, b.toString());
  }

  private void details(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    Map.Entry<CertificateRequestRecord, List<RequestHistoryEntry>> shown =
        Services.call(() -> app.certificates().service().show(caller, id));
    CertificateRequestRecord r = shown.getKey();
    StringBuilder b = new StringBuilder();
    b.append("<dl class=\"card\"><dt>State</dt><dd id=\"request-state\">")
        .append(Html.badge(r.state().label()))
        .append("</dd><dt>Application</dt><dd><a href=\"/applications/")
        .append(r.applicationId())
        .append("\">")
        .append(Html.esc(r.applicationUri()))
        .append("</a></dd><dt>Kind</dt><dd>")
        .append(r.kind() == RequestKind.NEW_KEY_PAIR ? "new key pair" : "signing request (CSR)")
        .append("</dd><dt>Requested by</dt><dd>")
        .append(Html.esc(r.requestedBy()))
        .append("</dd><dt>Group</dt><dd>")
        .append(Html.esc(r.certificateGroup()))
        .append("</dd><dt>NodeId</dt><dd><code>")
        .append(Html.esc(app.nodeId(id)))
        .append("</code></dd></dl>");
    if (mayDecide(s, r)) {
      b.append(decisionForms(s, id));
    }
    if (r.issued()) {
      b.append(downloads(s, r));
    }
    b.append("<h2>History</h2><table><thead><tr><th>When</th><th>Who</th><th>What</th>")
        .append("<th>Note</th></tr></thead><tbody>");
    for (RequestHistoryEntry h : shown.getValue()) {
      b.append("<tr><td>")
          .append(Html.time(h.at()))
          .append("</td><td>")
          .append(Html.esc(h.actor()))
          .append("</td><td>")
          .append(Html.esc(h.action()))
          .append("</td><td>")
          .append(Html.esc(h.text()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    Html.send(ctx, 200, "Request", s, b.toString());
  }

  /**
   * Whether to show Approve and Reject: a New request and a RegistrationAuthorityAdmin who is not
   * its requester (unless self-approval is allowed). The service decides again on the POST.
   */
  private boolean mayDecide(WebSession s, CertificateRequestRecord r) {
    return r.state() == RequestState.NEW
        && s.has(Role.REGISTRATION_AUTHORITY_ADMIN)
        && (app.settings().certificates().allowSelfApproval()
            || !Caller.userOf(r.requestedBy()).equals(s.user()));
  }

  private static String decisionForms(WebSession s, UUID id) {
    return "<div class=\"card decide\"><form method=\"post\" action=\"/requests/"
        + id
        + "/approve\">"
        + Html.csrf(s)
        + "<label for=\"comment\">Comment</label><input id=\"comment\" name=\"comment\">"
        + "<button type=\"submit\" id=\"approve\">Approve</button></form>"
        + "<form method=\"post\" action=\"/requests/"
        + id
        + "/reject\">"
        + Html.csrf(s)
        + "<label for=\"reason\">Reason</label><input id=\"reason\" name=\"reason\" required>"
        + "<button type=\"submit\" id=\"reject\" class=\"danger\">Reject</button></form></div>";
  }

  private String downloads(WebSession s, CertificateRequestRecord r) {
    UUID id = r.requestId();
    String base = "/requests/" + id;
    StringBuilder b = new StringBuilder("<h2>Downloads</h2><p class=\"downloads\">");
    b.append("<a id=\"download-der\" href=\"")
        .append(base)
        .append("/certificate?format=der\">")
        .append("Certificate (DER)</a> <a id=\"download-pem\" href=\"")
        .append(base)
        .append("/certificate?format=pem\">Certificate (PEM)</a> <a id=\"download-zip\" href=\"")
        .append(base)
        .append("/device.zip\">Device zip (own/ and trusted/)</a></p>");
    byte[] der = r.certificateDer();
    if (der != null) {
      b.append("<label for=\"base64\">Certificate as base64</label>")
          .append("<textarea id=\"base64\" readonly rows=\"5\">")
          .append(Base64.getEncoder().encodeToString(der))
          .append("</textarea><button type=\"button\" id=\"copy-base64\" data-copy=\"base64\">")
          .append("Copy</button>");
    }
    boolean requester = Caller.userOf(r.requestedBy()).equals(s.user());
    if (r.kind() == RequestKind.NEW_KEY_PAIR && requester && r.keyBlob() != null) {
      String label = r.privateKeyFormat() == PrivateKeyFormat.PEM ? "PEM" : "PFX";
      b.append("<p class=\"key\"><a id=\"download-key\" href=\"")
          .append(base)
          .append("/private-key\">Private key (")
          .append(label)
          .append(")</a> ")
          .append(
              Html.postButton(
                  s,
                  base + "/delete-private-key",
                  "Delete private key",
                  "delete-key",
                  "Delete the private key? Download it first: it cannot be recovered."))
          .append("</p>");
    } else if (r.kind() == RequestKind.NEW_KEY_PAIR) {
      b.append("<p class=\"key\">The private key is no longer held by the GDS.</p>");
    }
    return b.toString();
  }

  private void approve(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    String comment = ctx.formParam("comment");
    Services.call(() -> app.certificates().service().approve(caller, id, comment));
    ctx.redirect("/requests/" + id);
  }

  private void reject(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    String reason = ctx.formParam("reason");
    Services.call(() -> app.certificates().service().reject(caller, id, reason));
    ctx.redirect("/requests/" + id);
  }

  private void certificate(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    String format = Downloads.format(ctx.queryParam("format"), "der", "pem", "base64");
    CertificateBundle b = api.bundle(caller, id);
    Downloads.certificate(ctx, b.certificate().certificateDer(), format, "certificate-" + id);
  }

  private void zip(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    CertificateBundle b = api.bundle(caller, id);
    Downloads.send(
        ctx, Downloads.deviceZip(b, "certificate"), "application/zip", "device-" + id + ".zip");
  }

  private void privateKey(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    DownloadedKey key = Services.call(() -> app.certificates().service().privateKey(caller, id));
    boolean pem = key.format() == PrivateKeyFormat.PEM;
    Downloads.send(
        ctx,
        key.key(),
        pem ? "application/x-pem-file" : "application/x-pkcs12",
        "private-key-" + id + (pem ? ".pem" : ".pfx"));
  }

  private void deleteKey(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    try {
      app.certificates().service().deletePrivateKey(caller, id);
    } catch (GdsException e) {
      throw io.gdsvault.web.api.Errors.of(e);
    }
    ctx.redirect("/requests/" + id);
  }
}
