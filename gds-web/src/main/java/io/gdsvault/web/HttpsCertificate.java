package io.gdsvault.web;

import io.gdsvault.ca.ApplicationType;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.IssuanceRequest;
import io.gdsvault.ca.IssuedKeyPair;
import io.gdsvault.ca.PemEncoding;
import io.gdsvault.gds.model.net.HostNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's TLS certificate, issued by the GDS's own DefaultHttpsGroup CA and kept in {@code
 * DATA/pki/https/}: {@code console.p12} (key and chain, its password in {@code console.secret},
 * both mode 0600), {@code console.pem} (the chain) and {@code ca.pem} (the CA to trust). Issued on
 * first start and again when it nears expiry, no longer chains to the current CA, or no longer
 * names the configured hosts.
 */
public final class HttpsCertificate {

  private static final Logger log = LoggerFactory.getLogger(HttpsCertificate.class);
  static final String ALIAS = "console";

  private final Path dir;
  private final CertificateAuthority ca;
  private final List<String> hosts;
  private final Duration renewBefore;
  private final Clock clock;

  /**
   * @param hosts the host names and addresses the certificate names (localhost and 127.0.0.1 are
   *     always added)
   */
  public HttpsCertificate(
      Path dir, CertificateAuthority ca, List<String> hosts, Duration renewBefore, Clock clock) {
    this.dir = dir;
    this.ca = ca;
    Set<String> all = new LinkedHashSet<>(hosts);
    all.add("localhost");
    all.add("127.0.0.1");
    all.removeIf(h -> h.isBlank() || "0.0.0.0".equals(h) || "::".equals(h));
    this.hosts = List.copyOf(all);
    this.renewBefore = renewBefore;
    this.clock = clock;
  }

  /** The key store to serve with: the stored one, or a new one when it is due. */
  public Loaded current() throws Exception {
    Loaded stored = load();
    if (stored != null && !due(stored.certificate())) {
      return stored;
    }
    return issue();
  }

  /** A new certificate when the stored one is due (scheduled check); null when it is not. */
  public @Nullable Loaded renewIfDue() throws Exception {
    Loaded stored = load();
    return stored != null && !due(stored.certificate()) ? null : issue();
  }

  /** The key store with its password. */
  // char[] component: the password is handed to Jetty as it is; not compared
  @SuppressWarnings("ArrayRecordComponent")
  public record Loaded(KeyStore keyStore, char[] password, X509Certificate certificate) {}

  boolean due(X509Certificate cert) {
    Instant now = clock.instant();
    if (!cert.getNotAfter().toInstant().minus(renewBefore).isAfter(now)) {
      return true;
    }
    return !namesAll(cert);
  }

  private boolean namesAll(X509Certificate cert) {
    try {
      Set<String> names = new LinkedHashSet<>();
      var sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          names.add(String.valueOf(san.get(1)));
        }
      }
      return names.containsAll(hosts);
    } catch (java.security.cert.CertificateParsingException e) {
      return false;
    }
  }

  private Loaded issue() throws Exception {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (String h : hosts) {
      (HostNames.isIpAddress(h) ? ips : dns).add(h);
    }
    IssuedKeyPair issued =
        ca.issueWithNewKeyPair(
            new IssuanceRequest(
                "urn:" + dns.get(0) + ":gdsvault:web-console",
                "CN=GDS Vault web console, O=GDS Vault",
                dns,
                ips,
                ApplicationType.SERVER),
            2048);
    List<X509Certificate> chain = new ArrayList<>(issued.issued().fullChain());
    char[] password = newPassword();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry(ALIAS, issued.privateKey(), password, chain.toArray(new Certificate[0]));
    save(ks, password, chain);
    X509Certificate leaf = chain.get(0);
    log.info(
        "issued the web console certificate serial={} notAfter={}",
        leaf.getSerialNumber().toString(16),
        leaf.getNotAfter().toInstant());
    return new Loaded(ks, password, leaf);
  }

  private void save(KeyStore ks, char[] password, List<X509Certificate> chain)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    ByteArrayOutputStream p12 = new ByteArrayOutputStream();
    ks.store(p12, password);
    writePrivate(
        dir.resolve("console.secret"), new String(password).getBytes(StandardCharsets.UTF_8));
    writePrivate(dir.resolve("console.p12"), p12.toByteArray());
    Files.writeString(dir.resolve("console.pem"), PemEncoding.pem(chain));
    Files.writeString(dir.resolve("ca.pem"), PemEncoding.pem(chain.get(chain.size() - 1)));
  }

  private @Nullable Loaded load() {
    Path p12 = dir.resolve("console.p12");
    Path secret = dir.resolve("console.secret");
    if (!Files.isRegularFile(p12) || !Files.isRegularFile(secret)) {
      return null;
    }
    try {
      char[] password = Files.readString(secret).trim().toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(Files.readAllBytes(p12)), password);
      Certificate[] chain = ks.getCertificateChain(ALIAS);
      if (chain == null || chain.length < 2 || !(chain[0] instanceof X509Certificate leaf)) {
        return null;
      }
      leaf.verify(((X509Certificate) chain[1]).getPublicKey());
      if (!ca.isIssuerKey(chain[1].getPublicKey())) {
        return null; // the CA rolled over: issue from the current one
      }
      return new Loaded(ks, password, leaf);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      log.warn(
          "the stored web console certificate cannot be used ({}); issuing a new one",
          e.toString());
      return null;
    }
  }

  private static char[] newPassword() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
  }

  private static void writePrivate(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.write(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
