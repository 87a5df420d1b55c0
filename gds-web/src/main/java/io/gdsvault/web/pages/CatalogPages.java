package io.gdsvault.web.pages;

import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.web.api.ApiException;
import io.gdsvault.web.api.CatalogApi;
import io.gdsvault.web.api.Services;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.WebSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/** Certificates (issued, expiring, revoked; revoke) and Certificate groups (CA, CRL). */
final class CatalogPages {

  private final GdsApplication app;
  private final CatalogApi api;
  private final Clock clock;

  CatalogPages(GdsApplication app, CatalogApi api, Clock clock) {
    this.app = app;
    this.api = api;
    this.clock = clock;
  }

  void register(RoutesConfig r) {
    r.get("/certificates", this::certificates);
    r.post("/certificates/{serial}/revoke", this::revoke);
    r.get("/groups", this::groups);
  }

  private void certificates(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    String days = ctx.queryParam("expiringWithinDays");
    String revoked = ctx.queryParam("revoked");
    List<IssuedCertificateRecord> list = api.issued(caller, days, revoked);
    StringBuilder b =
        new StringBuilder(
            "<p class=\"filters\"><a href=\"/certificates\">all</a>"
                + " <a href=\"/certificates?expiringWithinDays=7\">expiring within 7 days</a>"
                + " <a href=\"/certificates?expiringWithinDays=30\">within 30 days</a>"
                + " <a href=\"/certificates?revoked=true\">revoked</a></p>");
    b.append("<table><thead><tr><th>Serial</th><th>Application</th><th>Group</th>")
        .append("<th>Expires</th><th>State</th><th></th></tr></thead><tbody>");
    for (IssuedCertificateRecord c : list) {
      b.append("<tr><td><code>")
          .append(Html.esc(c.serial()))
          .append("</code></td><td>")
          .append("<a href=\"/applications/")
          .append(c.applicationId())
          .append("\">")
          .append(c.applicationId())
          .append("</a></td><td>")
          .append(Html.esc(c.certificateGroup()))
          .append("</td><td>")
          .append(Html.time(c.notAfter()))
          .append(c.notAfter().isBefore(clock.instant()) ? " (expired)" : "")
          .append("</td><td>")
          .append(c.revoked() ? "revoked " + Html.time(c.revokedAt()) : "valid")
          .append("</td><td>");
      if (c.requestId() != null) {
        b.append("<a href=\"/requests/").append(c.requestId()).append("\">downloads</a> ");
      }
      if (!c.revoked()) {
        b.append(
            Html.postButton(
                s,
                "/certificates/"
                    + URLEncoder.encode(c.serial(), StandardCharsets.UTF_8)
                    + "/revoke",
                "Revoke",
                "revoke-" + c.serial(),
                "Revoke certificate " + c.serial() + "? Devices using it will be refused."));
      }
      b.append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (list.isEmpty()) {
      b.append("<p>No certificates.</p>");
    }
    Html.send(ctx, 200, "Certificates", s, b.toString());
  }

  private void revoke(Context ctx) {
    Caller caller = Guard.caller(ctx);
    String serial = ctx.pathParam("serial");
    if (!serial.matches("[0-9a-fA-F]{1,64}")) {
      throw ApiException.invalid("serial", "must be hexadecimal");
    }
    List<IssuedCertificateRecord> done =
        Services.call(() -> app.certificates().service().revokeSerial(caller, serial));
    if (done.isEmpty()) {
      throw ApiException.notFound("certificate");
    }
    ctx.redirect("/certificates?revoked=true");
  }

  private void groups(Context ctx) {
    WebSession s = Pages.session(ctx);
    StringBuilder b = new StringBuilder();
    for (CertificateGroup g : app.certificates().groups().groups()) {
      b.append("<h2>")
          .append(Html.esc(g.name()))
          .append("</h2><table><thead><tr>")
          .append("<th>Type</th><th>CA</th><th>Expires</th><th>Thumbprint</th>")
          .append("<th>Downloads</th></tr></thead><tbody>");
      for (GroupCertificateType t : g.types()) {
        X509Certificate ca = t.ca().currentCaCertificate();
        String q = "?type=" + URLEncoder.encode(t.name(), StandardCharsets.UTF_8);
        String base = "/api/v1/groups/" + g.name();
        b.append("<tr><td>")
            .append(Html.esc(t.name()))
            .append("</td><td>")
            .append(Html.esc(ca.getSubjectX500Principal().getName()))
            .append("</td><td>")
            .append(Html.time(ca.getNotAfter().toInstant()))
            .append("</td><td><code>")
            .append(Html.esc(CertificateAuthority.thumbprint(ca)))
            .append("</code></td><td>")
            .append(link(base + "/ca" + q + "&format=der", "CA (DER)", g, t, "ca-der"))
            .append(link(base + "/ca" + q + "&format=pem", "CA (PEM)", g, t, "ca-pem"))
            .append(link(base + "/crl" + q + "&format=der", "CRL (DER)", g, t, "crl-der"))
            .append(link(base + "/crl" + q + "&format=pem", "CRL (PEM)", g, t, "crl-pem"))
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    Html.send(ctx, 200, "Certificate groups", s, b.toString());
  }

  private static String link(
      String href, String text, CertificateGroup g, GroupCertificateType t, String kind) {
    String id = (g.name() + "-" + t.name() + "-" + kind).replaceAll("[^A-Za-z0-9-]", "");
    return "<a id=\"" + id + "\" href=\"" + Html.esc(href) + "\">" + Html.esc(text) + "</a> ";
  }
}
