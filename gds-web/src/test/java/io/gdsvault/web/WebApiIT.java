package io.gdsvault.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.web.WebFixture.Auth;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every REST endpoint of WEB.md, its refusals (401/403/404/409/429), CSRF and hostile input. */
class WebApiIT {

  static WebFixture f;
  static Auth admin;
  static Auth operator;
  static Auth discovery;

  @BeforeAll
  static void start() throws Exception {
    f =
        WebFixture.start(
            t -> ((ObjectNode) t.get("quotas")).put("maxOpenRequestsPerApplication", 3));
    // the requester files; another person approves (four-eyes)
    f.addUser(
        "alice",
        Role.DISCOVERY_ADMIN,
        Role.CERTIFICATE_AUTHORITY_ADMIN,
        Role.REGISTRATION_AUTHORITY_ADMIN);
    f.addUser("bob", Role.REGISTRATION_AUTHORITY_ADMIN, Role.CERTIFICATE_AUTHORITY_ADMIN);
    f.addUser("dora", Role.DISCOVERY_ADMIN);
    admin = f.token("alice");
    operator = f.token("bob");
    discovery = f.token("dora");
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  static String uri() {
    return "urn:localhost:test:" + UUID.randomUUID();
  }

  @Test
  void withoutCredentialsEveryApiCallIs401AsJson() throws Exception {
    for (String path :
        new String[] {
          "/api/v1/applications", "/api/v1/requests", "/api/v1/groups", "/api/v1/certificates"
        }) {
      HttpResponse<String> r = f.send("GET", path, Auth.NONE, "");
      assertThat(r.statusCode()).as(path).isEqualTo(401);
      assertThat(WebFixture.read(r).get("error").asText()).isEqualTo("unauthorized");
    }
    Auth forged = new Auth("Authorization", "Bearer not-a-token", "");
    assertThat(f.send("GET", "/api/v1/applications", forged, "").statusCode()).isEqualTo(401);
  }

  @Test
  void applicationsRegisterFindUpdateDeleteWithConflictsAndRoles() throws Exception {
    String uri = uri();
    String id = f.register(admin, uri);
    JsonNode got = WebFixture.read(f.send("GET", "/api/v1/applications/" + id, admin, ""));
    assertThat(got.get("applicationUri").asText()).isEqualTo(uri);
    assertThat(got.get("nodeId").asText()).endsWithIgnoringCase(";g=" + id);
    JsonNode found = WebFixture.read(f.send("GET", "/api/v1/applications?uri=" + uri, admin, ""));
    assertThat(found.get("items")).hasSize(1);
    // the same ApplicationUri again: 409
    ObjectNode dup = (ObjectNode) got.deepCopy();
    HttpResponse<String> again = f.send("POST", "/api/v1/applications", admin, dup.toString());
    assertThat(again.statusCode()).isEqualTo(409);
    // a user without DiscoveryAdmin may not register: 403
    f.addUser("reader" + System.nanoTime() % 100000, Role.REGISTRATION_AUTHORITY_ADMIN);
    HttpResponse<String> byOperator = f.send("POST", "/api/v1/applications", operator, body(uri()));
    assertThat(byOperator.statusCode()).isEqualTo(403);
    ObjectNode changed = (ObjectNode) got.deepCopy();
    changed.putArray("applicationNames").add("Renamed pump");
    assertThat(f.send("PUT", "/api/v1/applications/" + id, admin, changed.toString()).statusCode())
        .isEqualTo(200);
    assertThat(
            WebFixture.read(f.send("GET", "/api/v1/applications/" + id, admin, ""))
                .get("applicationNames")
                .get(0)
                .asText())
        .isEqualTo("Renamed pump");
    assertThat(f.send("DELETE", "/api/v1/applications/" + id, admin, "").statusCode())
        .isEqualTo(204);
    assertThat(f.send("GET", "/api/v1/applications/" + id, admin, "").statusCode()).isEqualTo(404);
  }

  static String body(String uri) {
    ObjectNode n = WebFixture.JSON.createObjectNode();
    n.put("applicationUri", uri).put("applicationType", "Server");
    n.putArray("applicationNames").add("Pump");
    n.putArray("discoveryUrls").add("opc.tcp://localhost:4840");
    return n.toString();
  }

  @Test
  void hostileInputGets4xxWithFieldNamesNever500() throws Exception {
    // wrong JSON types, named
    HttpResponse<String> wrongType =
        f.send(
            "POST",
            "/api/v1/applications",
            admin,
            "{\"applicationUri\": 5, \"applicationType\": \"Server\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(WebFixture.read(wrongType).get("field").asText()).isEqualTo("applicationUri");
    HttpResponse<String> names =
        f.send(
            "POST",
            "/api/v1/applications",
            admin,
            "{\"applicationUri\": \"urn:x:y\", \"applicationType\": \"Server\","
                + " \"applicationNames\": {\"a\": 1}}");
    assertThat(WebFixture.read(names).get("field").asText()).isEqualTo("applicationNames");
    // not JSON, not an object
    assertThat(f.send("POST", "/api/v1/applications", admin, "{nope").statusCode()).isEqualTo(400);
    assertThat(f.send("POST", "/api/v1/applications", admin, "[1,2]").statusCode()).isEqualTo(400);
    // a relative ApplicationUri: the directory's rule, reported as 400
    HttpResponse<String> relative = f.send("POST", "/api/v1/applications", admin, body("pump-7"));
    assertThat(relative.statusCode()).isEqualTo(400);
    assertThat(relative.body()).contains("ApplicationUri");
    // an oversized body: 413
    String huge = "{\"applicationUri\": \"" + "a".repeat(1_200_000) + "\"}";
    assertThat(f.send("POST", "/api/v1/applications", admin, huge).statusCode()).isEqualTo(413);
    // ids that are no UUIDs, path traversal included
    for (String bad :
        new String[] {"..%2F..%2Fetc%2Fpasswd", "1%20or%201=1", "ns=2;g=x", "%2e%2e"}) {
      int status = f.send("GET", "/api/v1/applications/" + bad, admin, "").statusCode();
      assertThat(status).as(bad).isBetween(400, 404);
    }
    assertThat(f.send("GET", "/api/v1/requests?state=bogus", admin, "").statusCode())
        .isEqualTo(400);
    assertThat(f.send("GET", "/api/v1/certificates?expiringWithinDays=x", admin, "").statusCode())
        .isEqualTo(400);
    assertThat(f.send("POST", "/api/v1/certificates/zz-not-hex/revoke", admin, "").statusCode())
        .isEqualTo(400);
    String app = f.register(admin, uri());
    HttpResponse<String> badCsr =
        f.send(
            "POST",
            "/api/v1/applications/" + app + "/signing-requests",
            admin,
            WebFixture.json("csr", "!!!not base64!!!"));
    assertThat(badCsr.statusCode()).isEqualTo(400);
    assertThat(WebFixture.read(badCsr).get("field").asText()).isEqualTo("csr");
    HttpResponse<String> garbageCsr =
        f.send(
            "POST",
            "/api/v1/applications/" + app + "/signing-requests",
            admin,
            WebFixture.json("csr", "AAAA"));
    assertThat(garbageCsr.statusCode()).isEqualTo(400);
  }

  @Test
  void aSessionCookieNeedsTheCsrfTokenForEveryStateChange() throws Exception {
    Auth session = f.session("alice");
    // GET works with the cookie alone
    assertThat(f.send("GET", "/api/v1/applications", session, "").statusCode()).isEqualTo(200);
    // the same POST without the token: 403, and nothing was registered
    String uri = uri();
    var withoutToken = f.request("POST", "/api/v1/applications", session, body(uri), false);
    HttpResponse<String> refused = f.http.send(withoutToken, HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            WebFixture.read(f.send("GET", "/api/v1/applications?uri=" + uri, admin, ""))
                .get("items"))
        .isEmpty();
    Auth wrongToken = new Auth(session.header(), session.value(), "forged");
    assertThat(f.send("POST", "/api/v1/applications", wrongToken, body(uri)).statusCode())
        .isEqualTo(403);
    // a cross-site Origin is refused even with the token
    var crossSite =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base + "/api/v1/applications"))
            .header("Cookie", session.value())
            .header("X-CSRF-Token", session.csrf())
            .header("Origin", "https://evil.example")
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body(uri)))
            .build();
    assertThat(f.http.send(crossSite, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(403);
    assertThat(f.send("POST", "/api/v1/applications", session, body(uri)).statusCode())
        .isEqualTo(201);
    // logout ends the session
    assertThat(f.send("POST", "/api/v1/logout", session, "").statusCode()).isEqualTo(204);
    assertThat(f.send("GET", "/api/v1/applications", session, "").statusCode()).isEqualTo(401);
  }

  @Test
  void signingRequestFourEyesApprovalDownloadsAndWrongState() throws Exception {
    String uri = uri();
    String app = f.register(admin, uri);
    HttpResponse<String> filed =
        f.send(
            "POST",
            "/api/v1/applications/" + app + "/signing-requests",
            admin,
            WebFixture.json("csr", WebFixture.csrPem(uri)));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String req = WebFixture.read(filed).get("requestId").asText();
    JsonNode shown = WebFixture.read(f.send("GET", "/api/v1/requests/" + req, admin, ""));
    assertThat(shown.get("state").asText()).isEqualTo("new");
    assertThat(shown.get("requestedBy").asText()).isEqualTo("alice via api");
    assertThat(
            WebFixture.read(f.send("GET", "/api/v1/requests?state=new", operator, ""))
                .get("items")
                .findValuesAsText("requestId"))
        .contains(req);
    // not issued yet: no certificate
    assertThat(f.send("GET", "/api/v1/requests/" + req + "/certificate", admin, "").statusCode())
        .isIn(404, 409);
    // the requester may not approve her own request; a DiscoveryAdmin may not approve at all
    HttpResponse<String> self = f.send("POST", "/api/v1/requests/" + req + "/approve", admin, "");
    assertThat(self.statusCode()).isEqualTo(403);
    assertThat(f.send("POST", "/api/v1/requests/" + req + "/approve", discovery, "").statusCode())
        .isEqualTo(403);
    HttpResponse<String> approved =
        f.send(
            "POST",
            "/api/v1/requests/" + req + "/approve",
            operator,
            WebFixture.json("comment", "checked the asset list"));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(WebFixture.read(approved).get("state").asText()).isEqualTo("approved");
    // a second decision: wrong state
    assertThat(
            f.send(
                    "POST",
                    "/api/v1/requests/" + req + "/reject",
                    operator,
                    WebFixture.json("reason", "late"))
                .statusCode())
        .isEqualTo(409);
    HttpResponse<byte[]> der =
        f.bytes("GET", "/api/v1/requests/" + req + "/certificate?format=der", admin);
    assertThat(der.statusCode()).isEqualTo(200);
    X509Certificate cert = WebFixture.parse(der.body());
    assertThat(cert.getSubjectAlternativeNames().toString()).contains(uri);
    String b64 =
        f.send("GET", "/api/v1/requests/" + req + "/certificate?format=base64", admin, "").body();
    assertThat(java.util.Base64.getDecoder().decode(b64)).isEqualTo(der.body());
    String pem =
        f.send("GET", "/api/v1/requests/" + req + "/certificate?format=pem", admin, "").body();
    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(
            f.send("GET", "/api/v1/requests/" + req + "/certificate?format=txt", admin, "")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<byte[]> zip = f.bytes("GET", "/api/v1/requests/" + req + "/device.zip", admin);
    assertThat(zip.statusCode()).isEqualTo(200);
    java.util.List<String> entries = new java.util.ArrayList<>();
    try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(e.getName());
      }
    }
    assertThat(entries)
        .anyMatch(n -> n.startsWith("own/certs/"))
        .anyMatch(n -> n.startsWith("trusted/certs/"))
        .anyMatch(n -> n.startsWith("trusted/crl/"));
    // the audit trail shows the channel
    assertThat(f.gds.app().auditTrail().list(io.gdsvault.gds.auth.Caller.system(), null, 10_000))
        .anyMatch(a -> a.actor().contains("bob via api") && a.target().contains(req));
    assertThat(f.send("GET", "/api/v1/requests/" + UUID.randomUUID(), admin, "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void keyPairPfxOnlyForTheRequesterThenDeletedAnd404() throws Exception {
    String uri = uri();
    String app = f.register(admin, uri);
    ObjectNode body = WebFixture.JSON.createObjectNode();
    body.put("subject", "CN=Valve 3")
        .put("privateKeyFormat", "PFX")
        .put("password", "pfx-secret-1");
    body.putArray("domainNames").add("localhost");
    HttpResponse<String> filed =
        f.send(
            "POST", "/api/v1/applications/" + app + "/key-pair-requests", admin, body.toString());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String req = WebFixture.read(filed).get("requestId").asText();
    io.gdsvault.testing.Await.until("the key pair is generated")
        .atMost(java.time.Duration.ofMinutes(2))
        .every(java.time.Duration.ofMillis(200))
        .isTrue(
            () ->
                WebFixture.read(f.send("GET", "/api/v1/requests/" + req, admin, ""))
                    .get("privateKeyAvailable")
                    .asBoolean());
    assertThat(f.send("POST", "/api/v1/requests/" + req + "/approve", operator, "").statusCode())
        .isEqualTo(200);
    // not the requester: refused
    assertThat(f.bytes("GET", "/api/v1/requests/" + req + "/private-key", operator).statusCode())
        .isEqualTo(403);
    HttpResponse<byte[]> pfx = f.bytes("GET", "/api/v1/requests/" + req + "/private-key", admin);
    assertThat(pfx.statusCode()).isEqualTo(200);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(new ByteArrayInputStream(pfx.body()), "pfx-secret-1".toCharArray());
    String alias = ks.aliases().nextElement();
    assertThat(ks.getKey(alias, "pfx-secret-1".toCharArray())).isNotNull();
    assertThat(
            f.send("DELETE", "/api/v1/requests/" + req + "/private-key", operator, "").statusCode())
        .isEqualTo(403);
    assertThat(f.send("DELETE", "/api/v1/requests/" + req + "/private-key", admin, "").statusCode())
        .isEqualTo(204);
    assertThat(f.bytes("GET", "/api/v1/requests/" + req + "/private-key", admin).statusCode())
        .isEqualTo(404);
    assertThat(f.send("DELETE", "/api/v1/requests/" + req + "/private-key", admin, "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theOpenRequestQuotaGives429() throws Exception {
    String uri = uri();
    String app = f.register(admin, uri);
    int last = 0;
    for (int i = 0; i < 4; i++) {
      last =
          f.send(
                  "POST",
                  "/api/v1/applications/" + app + "/signing-requests",
                  admin,
                  WebFixture.json("csr", WebFixture.csrPem(uri)))
              .statusCode();
    }
    assertThat(last).isEqualTo(429);
  }

  @Test
  void groupsCaCrlCertificatesAndRevocation() throws Exception {
    JsonNode groups = WebFixture.read(f.send("GET", "/api/v1/groups", discovery, ""));
    assertThat(groups.get("items").findValuesAsText("name"))
        .contains("DefaultApplicationGroup", "DefaultHttpsGroup", "DefaultUserTokenGroup");
    HttpResponse<byte[]> ca =
        f.bytes("GET", "/api/v1/groups/DefaultApplicationGroup/ca", discovery);
    assertThat(ca.statusCode()).isEqualTo(200);
    X509Certificate caCert = WebFixture.parse(ca.body());
    assertThat(caCert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    HttpResponse<byte[]> crl =
        f.bytes("GET", "/api/v1/groups/DefaultApplicationGroup/crl?format=der", discovery);
    assertThat(crl.statusCode()).isEqualTo(200);
    var parsed =
        (java.security.cert.X509CRL)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(crl.body()));
    parsed.verify(caCert.getPublicKey());
    assertThat(f.bytes("GET", "/api/v1/groups/NoSuchGroup/ca", discovery).statusCode())
        .isEqualTo(404);
    // issue one, then revoke it by serial
    String uri = uri();
    String app = f.register(admin, uri);
    String req =
        WebFixture.read(
                f.send(
                    "POST",
                    "/api/v1/applications/" + app + "/signing-requests",
                    admin,
                    WebFixture.json("csr", WebFixture.csrPem(uri))))
            .get("requestId")
            .asText();
    f.send("POST", "/api/v1/requests/" + req + "/approve", operator, "");
    String serial =
        WebFixture.read(f.send("GET", "/api/v1/requests/" + req, admin, "")).get("serial").asText();
    JsonNode expiring =
        WebFixture.read(f.send("GET", "/api/v1/certificates?expiringWithinDays=36500", admin, ""));
    assertThat(expiring.get("items").findValuesAsText("serial")).contains(serial);
    assertThat(
            f.send("POST", "/api/v1/certificates/" + serial + "/revoke", discovery, "")
                .statusCode())
        .isEqualTo(403);
    assertThat(f.send("POST", "/api/v1/certificates/" + serial + "/revoke", admin, "").statusCode())
        .isEqualTo(200);
    assertThat(
            WebFixture.read(f.send("GET", "/api/v1/certificates?revoked=true", admin, ""))
                .get("items")
                .findValuesAsText("serial"))
        .contains(serial);
    assertThat(f.send("POST", "/api/v1/certificates/abcdef0123/revoke", admin, "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theOpenApiDocumentDescribesExactlyTheApiRoutes() throws Exception {
    JsonNode doc = WebFixture.read(f.send("GET", "/api/v1/openapi.json", Auth.NONE, ""));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    java.util.Set<String> documented = new java.util.TreeSet<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m ->
                            documented.add(
                                m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
    java.util.Set<String> routed = new java.util.TreeSet<>();
    for (String r : f.web.routes()) {
      String path = r.substring(r.indexOf(' ') + 1);
      if (path.startsWith("/api/") || path.equals("/metrics") || path.equals("/health")) {
        routed.add(r);
      }
    }
    assertThat(documented).isEqualTo(routed);
  }

  @Test
  void healthIsUp() throws Exception {
    HttpResponse<String> r = f.send("GET", "/health", Auth.NONE, "");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(WebFixture.read(r).get("status").asText()).isEqualTo("up");
  }
}
