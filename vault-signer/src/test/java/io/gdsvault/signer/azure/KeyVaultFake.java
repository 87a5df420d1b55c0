package io.gdsvault.signer.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A protocol-level fake of the Azure Key Vault keys REST API, enough for the real SDK: the bearer
 * challenge, create key, get key (latest or by version) and sign a digest. Keys are real in-memory
 * key pairs; private parts are never sent. HTTPS on 127.0.0.1 with a self-signed certificate that
 * {@link #clientSslContext()} trusts.
 */
final class KeyVaultFake implements AutoCloseable {

  static final String TOKEN = "fake-vault-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record StoredKey(String name, String version, KeyPair pair, String curve) {}

  private final HttpsServer server;
  private final SSLContext clientSsl;
  private final Map<String, List<StoredKey>> keys = new ConcurrentHashMap<>();
  final List<JsonNode> createRequests = new ArrayList<>();
  final AtomicInteger signCount = new AtomicInteger();
  final AtomicInteger unauthenticated = new AtomicInteger();

  KeyVaultFake() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair tls = g.generateKeyPair();
    X500Name name = new X500Name("CN=keyvault-fake");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.TEN,
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            name,
            tls.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(tls.getPrivate())));
    char[] pw = "fake".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, pw);
    ks.setKeyEntry("tls", tls.getPrivate(), pw, new X509Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pw);
    SSLContext serverSsl = SSLContext.getInstance("TLS");
    serverSsl.init(kmf.getKeyManagers(), null, null);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, pw);
    trust.setCertificateEntry("fake", cert);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    clientSsl = SSLContext.getInstance("TLS");
    clientSsl.init(null, tmf.getTrustManagers(), null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverSsl));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  SSLContext clientSslContext() {
    return clientSsl;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (!("Bearer " + TOKEN).equals(auth)) {
        challenge(ex);
        return;
      }
      String[] p =
          Arrays.stream(ex.getRequestURI().getPath().split("/"))
              .filter(s -> !s.isEmpty())
              .toArray(String[]::new);
      byte[] raw = ex.getRequestBody().readAllBytes();
      route(ex, p, ex.getRequestMethod(), raw.length > 0 ? JSON.readTree(raw) : null);
    } catch (Exception e) {
      send(ex, 500, error("InternalError", e.getClass().getSimpleName()));
    }
  }

  /** What Key Vault answers a request without a token: 401 and where to get one. */
  private void challenge(HttpExchange ex) throws IOException {
    unauthenticated.incrementAndGet();
    ex.getRequestBody().readAllBytes();
    ex.getResponseHeaders()
        .add(
            "WWW-Authenticate",
            "Bearer"
                + " authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\","
                + " resource=\"https://vault.azure.net\"");
    send(ex, 401, error("Unauthorized", "AKV10000: Request is missing a Bearer token."));
  }

  /** Dispatches the three operations the backend uses: create, get and sign. */
  private void route(HttpExchange ex, String[] p, String method, JsonNode body) throws Exception {
    if (p.length == 3 && p[0].equals("keys") && p[2].equals("create") && method.equals("POST")) {
      send(ex, 200, create(p[1], body));
    } else if ((p.length == 2 || p.length == 3) && p[0].equals("keys") && method.equals("GET")) {
      StoredKey k = find(p[1], p.length == 3 ? p[2] : null);
      if (k == null) {
        send(
            ex,
            404,
            error(
                "KeyNotFound",
                "A key with (name/id) " + p[1] + " was not found in this key vault."));
      } else {
        send(ex, 200, bundle(k));
      }
    } else if (p.length == 4
        && p[0].equals("keys")
        && p[3].equals("sign")
        && method.equals("POST")) {
      StoredKey k = find(p[1], p[2]);
      if (k == null) {
        send(ex, 404, error("KeyNotFound", "key not found"));
      } else {
        sign(ex, k, body);
      }
    } else {
      send(
          ex,
          400,
          error(
              "BadParameter",
              "unsupported operation " + method + " " + ex.getRequestURI().getPath()));
    }
  }

  private synchronized ObjectNode create(String name, JsonNode body) throws Exception {
    createRequests.add(body);
    String kty = body.path("kty").asText();
    KeyPair pair;
    String curve = null;
    if (kty.startsWith("RSA")) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(body.path("key_size").asInt(2048));
      pair = g.generateKeyPair();
    } else if (kty.startsWith("EC")) {
      curve = body.path("crv").asText();
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve.equals("P-384") ? "secp384r1" : "secp256r1"));
      pair = g.generateKeyPair();
    } else {
      throw new IllegalArgumentException("kty " + kty);
    }
    byte[] v = new byte[16];
    new java.security.SecureRandom().nextBytes(v);
    StoredKey k = new StoredKey(name, HexFormat.of().formatHex(v), pair, curve);
    keys.computeIfAbsent(name, n -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(k);
    return bundle(k);
  }

  private StoredKey find(String name, String version) {
    List<StoredKey> versions = keys.get(name);
    if (versions == null || versions.isEmpty()) {
      return null;
    }
    if (version == null || version.isEmpty()) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream().filter(k -> k.version().equals(version)).findFirst().orElse(null);
  }

  private ObjectNode bundle(StoredKey k) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode key = root.putObject("key");
    key.put("kid", url() + "/keys/" + k.name() + "/" + k.version());
    key.putArray("key_ops").add("sign").add("verify");
    if (k.curve() == null) {
      RSAPublicKey pub = (RSAPublicKey) k.pair().getPublic();
      key.put("kty", "RSA");
      key.put("n", b64(unsigned(pub.getModulus(), 0)));
      key.put("e", b64(unsigned(pub.getPublicExponent(), 0)));
    } else {
      ECPublicKey pub = (ECPublicKey) k.pair().getPublic();
      int len = (pub.getParams().getCurve().getField().getFieldSize() + 7) / 8;
      key.put("kty", "EC");
      key.put("crv", k.curve());
      key.put("x", b64(unsigned(pub.getW().getAffineX(), len)));
      key.put("y", b64(unsigned(pub.getW().getAffineY(), len)));
    }
    ObjectNode attrs = root.putObject("attributes");
    attrs.put("enabled", true);
    attrs.put("exportable", false);
    attrs.put("created", Instant.now().getEpochSecond());
    attrs.put("updated", Instant.now().getEpochSecond());
    attrs.put("recoveryLevel", "Recoverable+Purgeable");
    return root;
  }

  private void sign(HttpExchange ex, StoredKey k, JsonNode body) throws Exception {
    String alg = body.path("alg").asText();
    byte[] digest = Base64.getUrlDecoder().decode(body.path("value").asText());
    byte[] sig;
    if (alg.equals("RS256") && k.curve() == null && digest.length == 32) {
      Signature s = Signature.getInstance("NONEwithRSA");
      s.initSign(k.pair().getPrivate());
      s.update(
          new DigestInfo(
                  new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                  digest)
              .getEncoded());
      sig = s.sign();
    } else if ((alg.equals("ES256") && "P-256".equals(k.curve()) && digest.length == 32)
        || (alg.equals("ES384") && "P-384".equals(k.curve()) && digest.length == 48)) {
      Signature s = Signature.getInstance("NONEwithECDSAinP1363Format");
      s.initSign(k.pair().getPrivate());
      s.update(digest);
      sig = s.sign();
    } else {
      send(ex, 400, error("BadParameter", "algorithm " + alg + " does not fit the key or digest"));
      return;
    }
    signCount.incrementAndGet();
    ObjectNode out = JSON.createObjectNode();
    out.put("kid", url() + "/keys/" + k.name() + "/" + k.version());
    out.put("value", b64(sig));
    send(ex, 200, out);
  }

  private static byte[] unsigned(BigInteger v, int len) {
    byte[] b = v.toByteArray();
    if (b.length > 1 && b[0] == 0) {
      b = Arrays.copyOfRange(b, 1, b.length);
    }
    if (len > b.length) {
      byte[] padded = new byte[len];
      System.arraycopy(b, 0, padded, len - b.length, b.length);
      b = padded;
    }
    return b;
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode err = root.putObject("error");
    err.put("code", code);
    err.put("message", message);
    return root;
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }
}
