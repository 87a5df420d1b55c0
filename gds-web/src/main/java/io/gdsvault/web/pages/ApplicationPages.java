package io.gdsvault.web.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.web.api.ApiException;
import io.gdsvault.web.api.ApplicationsApi;
import io.gdsvault.web.api.Json;
import io.gdsvault.web.api.Services;
import io.gdsvault.web.api.Views;
import io.gdsvault.web.security.Guard;
import io.gdsvault.web.security.WebSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Applications: search, Register New, details with certificates, New Request. */
final class ApplicationPages {

  private static final int MAX_CSR_BYTES = 65_536;

  private final GdsApplication app;
  private final ApplicationsApi api;

  ApplicationPages(GdsApplication app, ApplicationsApi api) {
    this.app = app;
    this.api = api;
  }

  void register(RoutesConfig r) {
    r.get("/applications", this::list);
    r.get("/applications/new", ctx -> registerForm(ctx, Map.of(), null, null));
    r.post("/applications", this::create);
    r.get("/applications/{id}", this::details);
    r.get("/applications/{id}/new-request", ctx -> newRequest(ctx, null));
    r.post("/applications/{id}/signing-request", this::signingRequest);
    r.post("/applications/{id}/key-pair-request", this::keyPairRequest);
  }

  private void list(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    String q = ctx.queryParam("q");
    String pattern = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
    List<ApplicationRecord> found = Services.call(() -> api.search(caller, null, pattern, null));
    if (pattern != null) {
      List<ApplicationRecord> byUri = Services.call(() -> api.search(caller, pattern, null, null));
      found = java.util.stream.Stream.concat(found.stream(), byUri.stream()).distinct().toList();
    }
    StringBuilder b = new StringBuilder();
    b.append("<form method=\"get\" action=\"/applications\" class=\"search\">")
        .append("<input name=\"q\" placeholder=\"Search name or ApplicationUri\" value=\"")
        .append(Html.esc(q))
        .append("\"><button type=\"submit\">Search</button>")
        .append(
            " <a class=\"button\" id=\"register-new\" href=\"/applications/new\">Register New</a>")
        .append("</form><table><thead><tr><th>Name</th><th>ApplicationUri</th><th>Type</th>")
        .append("</tr></thead><tbody>");
    for (ApplicationRecord a : found) {
      b.append("<tr><td><a href=\"/applications/")
          .append(a.id())
          .append("\">")
          .append(Html.esc(a.defaultName()))
          .append("</a></td><td>")
          .append(Html.esc(a.applicationUri()))
          .append("</td><td>")
          .append(Views.typeName(a.applicationType()))
          .append("</td></tr>");
    }
    b.append("</tbody></table>");
    if (found.isEmpty()) {
      b.append("<p>No applications found.</p>");
    }
    Html.send(ctx, 200, "Applications", s, b.toString());
  }

  private void registerForm(
      Context ctx, Map<String, String> values, @Nullable String field, @Nullable String error) {
    WebSession s = Pages.session(ctx);
    StringBuilder b = new StringBuilder();
    b.append(field == null ? Html.message(error) : "")
        .append("<form method=\"post\" action=\"/applications\" class=\"card\">")
        .append(Html.csrf(s))
        .append(
            Html.input(
                "applicationUri",
                "ApplicationUri (urn:HOST:COMPANY:PRODUCT)",
                values.get("applicationUri"),
                "applicationUri".equals(field) ? error : null,
                true))
        .append(
            Html.input(
                "applicationName",
                "Application name",
                values.get("applicationName"),
                "applicationNames".equals(field) ? error : null,
                true))
        .append("<label for=\"applicationType\">Type</label><select id=\"applicationType\"")
        .append(" name=\"applicationType\">");
    for (String t : List.of("Server", "Client", "ClientAndServer")) {
      b.append("<option")
          .append(t.equals(values.get("applicationType")) ? " selected" : "")
          .append(">")
          .append(t)
          .append("</option>");
    }
    b.append("</select>")
        .append(
            Html.input(
                "productUri",
                "ProductUri",
                values.get("productUri"),
                "productUri".equals(field) ? error : null,
                false))
        .append(
            Html.input(
                "discoveryUrls",
                "Discovery URLs (opc.tcp://host:port, separated by spaces; servers need one)",
                values.get("discoveryUrls"),
                "discoveryUrls".equals(field) ? error : null,
                false))
        .append(
            Html.input(
                "serverCapabilities",
                "Server capabilities (e.g. DA HD, separated by spaces)",
                values.get("serverCapabilities"),
                "serverCapabilities".equals(field) ? error : null,
                false))
        .append("<button type=\"submit\" id=\"register\">Register</button></form>");
    Html.send(ctx, error == null ? 200 : 400, "Register New application", s, b.toString());
  }

  private void create(Context ctx) {
    Caller caller = Guard.caller(ctx);
    Map<String, String> values = form(ctx);
    ObjectNode body = Json.object();
    body.put("applicationUri", values.get("applicationUri"));
    body.put("applicationType", values.get("applicationType"));
    body.putArray("applicationNames").add(values.get("applicationName"));
    body.put("productUri", values.get("productUri"));
    words(body.putArray("discoveryUrls"), values.get("discoveryUrls"));
    words(body.putArray("serverCapabilities"), values.get("serverCapabilities"));
    try {
      ApplicationRecord r = Views.applicationBody(body, null);
      UUID id = app.directory().register(caller, r);
      ctx.redirect("/applications/" + id);
    } catch (ApiException e) {
      if (e.status() != 400) {
        throw e;
      }
      registerForm(ctx, values, e.field(), e.getMessage());
    } catch (GdsException e) {
      ApiException mapped = io.gdsvault.web.api.Errors.of(e);
      if (mapped.status() != 400 && mapped.status() != 409) {
        throw mapped;
      }
      String message = e.getMessage() == null ? "invalid" : e.getMessage();
      registerForm(ctx, values, fieldOf(message, mapped.status()), message);
    }
  }

  /** The form field a directory message is about (it names Part 12 fields). */
  static String fieldOf(String message, int status) {
    String m = message.toLowerCase(Locale.ROOT);
    if (status == 409 || m.contains("applicationuri")) {
      return "applicationUri";
    }
    if (m.contains("applicationname") || m.contains("name")) {
      return "applicationNames";
    }
    if (m.contains("discovery")) {
      return "discoveryUrls";
    }
    if (m.contains("producturi")) {
      return "productUri";
    }
    if (m.contains("capabilit")) {
      return "serverCapabilities";
    }
    return "applicationUri";
  }

  private static void words(ArrayNode array, @Nullable String text) {
    if (text != null) {
      Arrays.stream(text.trim().split("[\\s,]+")).filter(w -> !w.isEmpty()).forEach(array::add);
    }
  }

  private static Map<String, String> form(Context ctx) {
    java.util.HashMap<String, String> m = new java.util.HashMap<>();
    for (String k :
        List.of(
            "applicationUri",
            "applicationName",
            "applicationType",
            "productUri",
            "discoveryUrls",
            "serverCapabilities")) {
      String v = ctx.formParam(k);
      m.put(k, v == null ? "" : v);
    }
    return m;
  }

  private void details(Context ctx) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    ApplicationRecord a = Services.call(() -> app.directory().get(caller, id));
    StringBuilder b = new StringBuilder();
    b.append("<dl class=\"card\"><dt>ApplicationUri</dt><dd id=\"application-uri\">")
        .append(Html.esc(a.applicationUri()))
        .append("</dd><dt>Type</dt><dd>")
        .append(Views.typeName(a.applicationType()))
        .append("</dd><dt>NodeId</dt><dd><code>")
        .append(Html.esc(app.nodeId(id)))
        .append("</code></dd><dt>ProductUri</dt><dd>")
        .append(Html.esc(a.productUri()))
        .append("</dd><dt>Discovery URLs</dt><dd>")
        .append(Html.esc(String.join(" ", a.discoveryUrls())))
        .append("</dd></dl><p><a class=\"button\" id=\"new-request\" href=\"/applications/")
        .append(id)
        .append("/new-request\">New Request</a></p><h2>Certificates</h2>");
    b.append(certificates(caller, id));
    Html.send(ctx, 200, a.defaultName(), s, b.toString());
  }

  private String certificates(Caller caller, UUID id) {
    List<IssuedCertificateRecord> certs;
    try {
      certs = app.certificates().service().issuedCertificates(caller, id);
    } catch (GdsException e) {
      return "<p>" + Html.esc(e.getMessage()) + "</p>";
    }
    if (certs.isEmpty()) {
      return "<p>No certificates issued yet.</p>";
    }
    StringBuilder b =
        new StringBuilder(
            "<table><thead><tr><th>Serial</th><th>Group</th><th>Expires</th><th>State</th>"
                + "<th>Request</th></tr></thead><tbody>");
    for (IssuedCertificateRecord c : certs) {
      b.append("<tr><td><code>")
          .append(Html.esc(c.serial()))
          .append("</code></td><td>")
          .append(Html.esc(c.certificateGroup()))
          .append("</td><td>")
          .append(Html.time(c.notAfter()))
          .append("</td><td>")
          .append(c.revoked() ? "revoked" : "valid")
          .append("</td><td>");
      if (c.requestId() != null) {
        b.append("<a href=\"/requests/").append(c.requestId()).append("\">details</a>");
      }
      b.append("</td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private void newRequest(Context ctx, @Nullable String error) {
    WebSession s = Pages.session(ctx);
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    ApplicationRecord a = Services.call(() -> app.directory().get(caller, id));
    String base = "/applications/" + id;
    StringBuilder b = new StringBuilder(Html.message(error));
    b.append("<p>For <strong>")
        .append(Html.esc(a.defaultName()))
        .append("</strong> (")
        .append(Html.esc(a.applicationUri()))
        .append(")</p><h2>Signing request (CSR)</h2><form method=\"post\" action=\"")
        .append(base)
        .append("/signing-request\" enctype=\"multipart/form-data\" class=\"card\">")
        .append(Html.csrf(s))
        .append("<label for=\"csrFile\">CSR file (PEM or DER)</label>")
        .append("<input type=\"file\" id=\"csrFile\" name=\"csrFile\">")
        .append("<label for=\"csr\">or paste the PEM</label>")
        .append("<textarea id=\"csr\" name=\"csr\" rows=\"6\"></textarea>")
        .append("<button type=\"submit\" id=\"submit-csr\">Submit signing request</button></form>")
        .append("<h2>New key pair</h2><form method=\"post\" action=\"")
        .append(base)
        .append("/key-pair-request\" class=\"card\">")
        .append(Html.csrf(s))
        .append(Html.input("subject", "Subject", "CN=" + a.defaultName(), null, true))
        .append(Html.input("domainNames", "Domain names (separated by spaces)", "", null, false))
        .append("<label for=\"privateKeyFormat\">Private key format</label>")
        .append("<select id=\"privateKeyFormat\" name=\"privateKeyFormat\">")
        .append("<option>PFX</option><option>PEM</option></select>")
        .append("<label for=\"keyPassword\">Password (protects the PFX or PEM key)</label>")
        .append("<input type=\"password\" id=\"keyPassword\" name=\"password\"")
        .append(" autocomplete=\"new-password\">")
        .append(
            "<button type=\"submit\" id=\"submit-key-pair\">Request new key pair</button></form>");
    Html.send(ctx, error == null ? 200 : 400, "New Request", s, b.toString());
  }

  private void signingRequest(Context ctx) throws IOException {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    byte[] csr;
    try {
      csr = csrOf(ctx);
    } catch (ApiException e) {
      newRequest(ctx, e.getMessage());
      return;
    }
    UUID requestId =
        Services.call(
            () -> app.certificates().service().startSigningRequest(caller, id, null, null, csr));
    ctx.redirect("/requests/" + requestId);
  }

  private static byte[] csrOf(Context ctx) throws IOException {
    UploadedFile file = ctx.uploadedFile("csrFile");
    if (file != null && file.size() > 0) {
      if (file.size() > MAX_CSR_BYTES) {
        throw ApiException.invalid("csrFile", "is larger than " + MAX_CSR_BYTES + " bytes");
      }
      byte[] raw;
      try (InputStream in = file.content()) {
        raw = in.readNBytes(MAX_CSR_BYTES + 1);
      }
      String text = new String(raw, StandardCharsets.US_ASCII);
      return text.contains("-----BEGIN") ? ApplicationsApi.csrBytes(text) : raw;
    }
    String pasted = ctx.formParam("csr");
    if (pasted == null || pasted.isBlank()) {
      throw ApiException.invalid("csr", "upload a CSR file or paste a PEM");
    }
    if (pasted.length() > MAX_CSR_BYTES * 2) {
      throw ApiException.invalid("csr", "is too long");
    }
    return ApplicationsApi.csrBytes(pasted);
  }

  private void keyPairRequest(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    String subject = ctx.formParam("subject");
    String domains = ctx.formParam("domainNames");
    String format = ctx.formParam("privateKeyFormat");
    String password = ctx.formParam("password");
    List<String> names =
        domains == null || domains.isBlank()
            ? List.of()
            : Arrays.asList(domains.trim().split("[\\s,]+"));
    try {
      UUID requestId =
          app.certificates()
              .service()
              .startNewKeyPairRequest(
                  caller,
                  id,
                  null,
                  null,
                  subject,
                  names,
                  format,
                  password == null || password.isEmpty() ? null : password.toCharArray());
      ctx.redirect("/requests/" + requestId);
    } catch (GdsException e) {
      ApiException mapped = io.gdsvault.web.api.Errors.of(e);
      if (mapped.status() != 400) {
        throw mapped;
      }
      newRequest(ctx, e.getMessage());
    }
  }
}
