package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.model.net.HostNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The server's own PKI in {@code DATA/pki}: {@code own}, {@code trusted}, {@code issuer} and {@code
 * rejected}, each with {@code certs} and {@code crl}. The application instance certificate (RSA
 * 2048, SHA-256, SAN URI + host names + 127.0.0.1) lives in a PKCS#12 keystore under {@code
 * own/private}, protected by a random password kept beside it (mode 0600).
 */
public final class ServerPki {

  private final Path root;

  public ServerPki(Path pkiDir) {
    this.root = pkiDir;
  }

  public Path root() {
    return root;
  }

  public Path ownCerts() {
    return root.resolve("own").resolve("certs");
  }

  public Path rejectedCerts() {
    return root.resolve("rejected").resolve("certs");
  }

  public Path keyStore() {
    return root.resolve("own").resolve("private").resolve("gds-server.pfx");
  }

  /** Creates every directory of the layout. */
  public void createDirectories() throws IOException {
    for (String area : new String[] {"own", "trusted", "issuer", "rejected"}) {
      Files.createDirectories(root.resolve(area).resolve("certs"));
      Files.createDirectories(root.resolve(area).resolve("crl"));
    }
    Path privateDir = root.resolve("own").resolve("private");
    Files.createDirectories(privateDir);
    restrict(privateDir, "rwx------");
  }

  /** The keystore password, generated on first use. */
  public char[] keyStorePassword() throws IOException {
    Path file = root.resolve("own").resolve("private").resolve("keystore-password");
    if (!Files.exists(file)) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
      restrict(file, "rw-------");
    }
    return Files.readString(file).trim().toCharArray();
  }

  /** Writes the server certificate as DER to {@code own/certs} for operators to hand out. */
  public void publish(X509Certificate certificate) throws Exception {
    Files.write(ownCerts().resolve("gds-server.der"), certificate.getEncoded());
  }

  /** A Milo certificate factory that issues the self-signed application certificate. */
  public static RsaSha256CertificateFactory certificateFactory(
      String applicationUri, String applicationName, Set<String> hostnames) {
    return new RsaSha256CertificateFactory() {
      @Override
      protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair)
          throws Exception {
        SelfSignedCertificateBuilder b =
            new SelfSignedCertificateBuilder(keyPair)
                .setCommonName(applicationName)
                .setOrganization("GDS Vault")
                .setApplicationUri(applicationUri)
                .setValidityPeriod(Period.ofYears(5));
        Set<String> names = new LinkedHashSet<>(hostnames);
        names.add("localhost");
        for (String n : names) {
          if (HostNames.isIpAddress(n)) {
            b.addIpAddress(n);
          } else {
            b.addDnsName(n);
          }
        }
        b.addIpAddress("127.0.0.1");
        return new X509Certificate[] {b.build()};
      }
    };
  }

  static void restrict(Path path, String perms) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException | IOException e) {
      // non-POSIX file systems: keep the default permissions
    }
  }
}
