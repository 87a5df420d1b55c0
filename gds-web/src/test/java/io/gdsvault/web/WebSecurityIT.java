package io.gdsvault.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.web.WebFixture.Auth;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * TLS, headers, cookies, login throttling, sessions ending, the login form and /metrics. The
 * throttling test runs last: it blocks further logins from the loopback address.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSecurityIT {

  static WebFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = WebFixture.start(t -> ((ObjectNode) t.get("web")).put("maxLoginFailures", 3));
    f.addUser("carol", Role.DISCOVERY_ADMIN, Role.CERTIFICATE_AUTHORITY_ADMIN);
    f.addUser("erin", Role.REGISTRATION_AUTHORITY_ADMIN, Role.SECURITY_ADMIN);
  }

  @AfterAll
  static void stop() throws Exception {
    f.close();
  }

  @Test
  void everyResponseCarriesTheSecurityHeadersAndTheCookieIsStrict() throws Exception {
    HttpResponse<String> login =
        f.send(
            "POST",
            "/api/v1/login",
            Auth.NONE,
            WebFixture.json("username", "carol", "password", WebFixture.PASSWORD));
    assertThat(login.statusCode()).isEqualTo(200);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict");
    for (HttpResponse<String> r :
        java.util.List.of(
            login,
            f.send("GET", "/login", Auth.NONE, ""),
            f.send("GET", "/api/v1/applications", Auth.NONE, ""))) {
      var h = r.headers();
      assertThat(h.firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
      assertThat(h.firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void tls11IsRefusedAndTls12Accepted() throws Exception {
    assertThatThrownBy(() -> handshake("TLSv1.1")).isInstanceOf(javax.net.ssl.SSLException.class);
    assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
  }

  private static String handshake(String protocol) throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new TrustAll()}, null);
    try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", f.web.port())) {
      s.setEnabledProtocols(new String[] {protocol});
      s.setSoTimeout(10_000);
      s.startHandshake();
      return s.getSession().getProtocol();
    }
  }

  /** Only to see which protocol the server agrees to; the chain is checked by every other test. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

    @Override
    public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

    @Override
    public java.security.cert.X509Certificate[] getAcceptedIssuers() {
      return new java.security.cert.X509Certificate[0];
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void repeatedFailedLoginsAreThrottledWith429() throws Exception {
    String body = WebFixture.json("username", "nobody", "password", "wrong password 1");
    assertThat(f.send("POST", "/api/v1/login", Auth.NONE, body).statusCode()).isEqualTo(401);
    f.send("POST", "/api/v1/login", Auth.NONE, body);
    f.send("POST", "/api/v1/login", Auth.NONE, body);
    HttpResponse<String> r = f.send("POST", "/api/v1/login", Auth.NONE, body);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(WebFixture.read(r).get("error").asText()).isEqualTo("too_many_attempts");
    assertThat(r.body()).doesNotContain("Exception");
    // the address is throttled too: a right password from it waits as well
    HttpResponse<String> right =
        f.send(
            "POST",
            "/api/v1/login",
            Auth.NONE,
            WebFixture.json("username", "carol", "password", WebFixture.PASSWORD));
    assertThat(right.statusCode()).isEqualTo(429);
  }

  @Test
  void theLoginPageHasItsInputsAndABadPasswordSaysSo() throws Exception {
    HttpResponse<String> page = f.send("GET", "/login", Auth.NONE, "");
    assertThat(page.body())
        .contains("name=\"username\"")
        .contains("name=\"password\"")
        .contains("type=\"submit\"")
        .doesNotContain("<script>");
    HttpResponse<String> protectedPage = f.send("GET", "/applications", Auth.NONE, "");
    assertThat(protectedPage.statusCode()).isEqualTo(302);
    assertThat(protectedPage.headers().firstValue("Location")).hasValue("/login");
  }

  @Test
  void aPasswordChangeOverOpcUaOrARemovalEndsTheUsersWebSessionsAndTokens() throws Exception {
    f.addUser("grace", Role.DISCOVERY_ADMIN);
    f.addUser("heidi", Role.DISCOVERY_ADMIN);
    Auth graceSession = f.session("grace");
    Auth graceToken = f.token("grace");
    Auth heidi = f.session("heidi");
    Auth erin = f.session("erin");
    assertThat(f.send("GET", "/api/v1/applications", graceSession, "").statusCode()).isEqualTo(200);
    // a SecurityAdmin's OPC UA session (a change names the session that made it)
    io.gdsvault.gds.auth.Caller opcUaAdmin =
        new io.gdsvault.gds.auth.Caller(
            "erin",
            java.util.Set.of(Role.SECURITY_ADMIN),
            null,
            "urn:localhost:some-client",
            io.gdsvault.gds.auth.ChannelSecurity.SIGN_AND_ENCRYPT,
            "ns=1;i=4711");
    f.gds.app().users().setPassword(opcUaAdmin, "grace", "a new long password 3".toCharArray());
    assertThat(f.send("GET", "/api/v1/applications", graceSession, "").statusCode()).isEqualTo(401);
    assertThat(f.send("GET", "/api/v1/applications", graceToken, "").statusCode()).isEqualTo(401);
    assertThat(f.send("GET", "/api/v1/applications", heidi, "").statusCode()).isEqualTo(200);
    f.gds.app().users().removeUser(opcUaAdmin, "heidi");
    assertThat(f.send("GET", "/api/v1/applications", heidi, "").statusCode()).isEqualTo(401);
    assertThat(f.send("GET", "/api/v1/applications", erin, "").statusCode()).isEqualTo(200);
  }

  @Test
  void aPasswordChangeInTheConsoleEndsTheUsersOtherSessions() throws Exception {
    f.addUser("frank", Role.DISCOVERY_ADMIN);
    Auth other = f.session("frank");
    Auth admin = f.session("erin");
    HttpRequest change =
        HttpRequest.newBuilder(URI.create(f.base + "/users/frank/password"))
            .header("Cookie", admin.value())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "_csrf=" + admin.csrf() + "&password=another+long+password+2"))
            .build();
    assertThat(f.http.send(change, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(302);
    assertThat(f.send("GET", "/api/v1/applications", other, "").statusCode()).isEqualTo(401);
    assertThat(f.send("GET", "/api/v1/applications", admin, "").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsParseAndChangeWhenARequestIsFiledAndApproved() throws Exception {
    Map<String, Double> before = metrics();
    assertThat(before)
        .containsKey("gds_requests{state=\"new\"}")
        .containsKey("gds_certificates_expiring{within_days=\"7\"}")
        .containsKey("gds_certificates_expiring{within_days=\"30\"}")
        .containsKey("gds_opcua_sessions")
        .containsKey("gds_database_size_bytes")
        .containsKey("gds_push_targets{state=\"failed\"}");
    Auth carol = f.token("carol");
    Auth erin = f.token("erin");
    String uri = "urn:localhost:metrics:" + System.nanoTime();
    String app = f.register(carol, uri);
    String req =
        WebFixture.read(
                f.send(
                    "POST",
                    "/api/v1/applications/" + app + "/signing-requests",
                    carol,
                    WebFixture.json("csr", WebFixture.csrPem(uri))))
            .get("requestId")
            .asText();
    io.gdsvault.testing.Await.until("the new request is counted")
        .atMost(java.time.Duration.ofSeconds(10))
        .isTrue(
            () ->
                metrics().get("gds_requests{state=\"new\"}")
                    == before.get("gds_requests{state=\"new\"}") + 1);
    assertThat(f.send("POST", "/api/v1/requests/" + req + "/approve", erin, "").statusCode())
        .isEqualTo(200);
    io.gdsvault.testing.Await.until("the approval is counted")
        .atMost(java.time.Duration.ofSeconds(10))
        .isTrue(
            () -> {
              Map<String, Double> m = metrics();
              return m.get("gds_requests{state=\"new\"}")
                      .equals(before.get("gds_requests{state=\"new\"}"))
                  && m.get("gds_requests{state=\"approved\"}")
                      == before.get("gds_requests{state=\"approved\"}") + 1
                  && m.get("gds_certificates_expiring{within_days=\"30\"}")
                      >= before.get("gds_certificates_expiring{within_days=\"30\"}");
            });
  }

  @Test
  void metricsTimeOpcUaMethodCallsByMethodAndOutcome() throws Exception {
    String good = "gds_opcua_calls_seconds_count{method=\"FindApplications\",outcome=\"good\"}";
    double before = metrics().getOrDefault(good, 0.0);
    org.eclipse.milo.opcua.sdk.client.OpcUaClient c =
        io.gdsvault.gds.testing.TestClients.admin(f.gds);
    try {
      var ns = c.getNamespaceTable();
      var result =
          c.call(
                  java.util.List.of(
                      new org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest(
                          io.gdsvault.gds.model.ua.GdsNodeIds.resolve(
                              io.gdsvault.gds.model.ua.GdsNodeIds.Directory, ns),
                          io.gdsvault.gds.model.ua.GdsNodeIds.resolve(
                              io.gdsvault.gds.model.ua.GdsNodeIds.FindApplications, ns),
                          new org.eclipse.milo.opcua.stack.core.types.builtin.Variant[] {
                            new org.eclipse.milo.opcua.stack.core.types.builtin.Variant(
                                "urn:localhost:metrics:none")
                          })))
              .getResults()[0];
      assertThat(result.getStatusCode().isGood()).as("%s", result.getStatusCode()).isTrue();
    } finally {
      io.gdsvault.gds.testing.TestClients.disconnect(c);
    }
    Map<String, Double> after = metrics();
    assertThat(after.get(good)).as("calls counted: %s", after.keySet()).isEqualTo(before + 1);
    assertThat(after)
        .containsKey(
            "gds_opcua_calls_seconds_bucket{method=\"FindApplications\",outcome=\"good\",le=\"+Inf\"}");
  }

  private static Map<String, Double> metrics() throws Exception {
    HttpResponse<String> r = f.send("GET", "/metrics", Auth.NONE, "");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    return PrometheusText.parse(r.body());
  }
}
