package io.gdsvault.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.testing.GdsTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A GDS with its web console on a free loopback port, and an HTTPS client that trusts only the
 * console's CA (DATA/pki/https/ca.pem), so every test also checks the certificate chain and name.
 */
final class WebFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "correct horse battery staple";

  final GdsTestServer gds;
  final WebServer web;
  final HttpClient http;
  final String base;

  private WebFixture(GdsTestServer gds, WebServer web, HttpClient http) {
    this.gds = gds;
    this.web = web;
    this.http = http;
    this.base = "https://127.0.0.1:" + web.port();
  }

  static WebFixture start() throws Exception {
    return start(t -> {});
  }

  static WebFixture start(Consumer<ObjectNode> overrides) throws Exception {
    int port = GdsTestServer.freePort();
    GdsTestServer gds =
        GdsTestServer.start(
            tree -> {
              ((ObjectNode) tree.get("web")).put("port", port);
              overrides.accept(tree);
            });
    try {
      WebServer web = WebServer.start(gds.app(), Clock.systemUTC());
      return new WebFixture(gds, web, client(gds.dataDir().resolve("pki/https/ca.pem")));
    } catch (Exception | Error e) {
      gds.close();
      throw e;
    }
  }

  static HttpClient client(Path caPem) throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    X509Certificate ca;
    try (var in = Files.newInputStream(caPem)) {
      ca = (X509Certificate) cf.generateCertificate(in);
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(ssl)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Adds a user with the roles (through the service, as the CLI would). */
  void addUser(String name, Role... roles) {
    gds.app().users().addUser(Caller.system(), name, PASSWORD.toCharArray(), Set.of(roles));
  }

  /** A signed-in REST caller: bearer token or session cookie plus CSRF token. */
  record Auth(String header, String value, String csrf) {
    static final Auth NONE = new Auth("", "", "");
  }

  Auth token(String user) throws Exception {
    HttpResponse<String> r =
        send("POST", "/api/v1/tokens", Auth.NONE, json("username", user, "password", PASSWORD));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
    }
    return new Auth("Authorization", "Bearer " + JSON.readTree(r.body()).get("token").asText(), "");
  }

  Auth session(String user) throws Exception {
    HttpResponse<String> r =
        send("POST", "/api/v1/login", Auth.NONE, json("username", user, "password", PASSWORD));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login: " + r.statusCode() + " " + r.body());
    }
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    return new Auth("Cookie", cookie, JSON.readTree(r.body()).get("csrfToken").asText());
  }

  HttpResponse<String> send(String method, String path, Auth auth, String body) throws Exception {
    return http.send(request(method, path, auth, body, true), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> bytes(String method, String path, Auth auth) throws Exception {
    return http.send(
        request(method, path, auth, "", true), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpRequest request(String method, String path, Auth auth, String body, boolean withCsrf) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!body.isEmpty()) {
      b.header("Content-Type", "application/json");
    }
    if (!auth.header().isEmpty()) {
      b.header(auth.header(), auth.value());
    }
    if (withCsrf && !auth.csrf().isEmpty()) {
      b.header("X-CSRF-Token", auth.csrf());
    }
    return b.build();
  }

  static String json(String... kv) {
    ObjectNode n = JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      n.put(kv[i], kv[i + 1]);
    }
    return n.toString();
  }

  static JsonNode read(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  /** Registers a server application over the API; its id. */
  String register(Auth auth, String uri) throws Exception {
    ObjectNode n = JSON.createObjectNode();
    n.put("applicationUri", uri);
    n.put("applicationType", "Server");
    n.putArray("applicationNames").add("Pump " + uri.hashCode());
    n.putArray("discoveryUrls").add("opc.tcp://localhost:4840");
    HttpResponse<String> r = send("POST", "/api/v1/applications", auth, n.toString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("register: " + r.statusCode() + " " + r.body());
    }
    return read(r).get("applicationId").asText();
  }

  /** A PKCS#10 request (PEM) naming {@code uri} in its SAN, as a device would make it. */
  static String csrPem(String uri) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, uri),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    var csr =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Pump, O=Test"), kp.getPublic())
            .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()));
    return io.gdsvault.ca.PemEncoding.block("CERTIFICATE REQUEST", csr.getEncoded());
  }

  static X509Certificate parse(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    try {
      web.close();
    } finally {
      gds.close();
    }
  }
}
