package io.gdsvault.gds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * A client application instance certificate kept in a directory (the CLI uses {@code
 * ~/.gds-vault/cli}), created on first use: RSA 2048, self-signed, SAN URI {@code
 * urn:gdsvault:cli:<random>}.
 */
public record ClientIdentity(KeyPair keyPair, X509Certificate certificate, String applicationUri) {

  private static final char[] STORE_PASSWORD = "gds-cli".toCharArray();
  private static final String ALIAS = "client";

  /** Loads the identity from {@code dir/client.pfx}, creating it (and {@code dir}) when missing. */
  public static synchronized ClientIdentity loadOrCreate(Path dir, String commonName)
      throws Exception {
    Files.createDirectories(dir);
    restrict(dir, "rwx------");
    Path file = dir.resolve("client.pfx");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    if (!Files.exists(file)) {
      KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      String uri = "urn:gdsvault:cli:" + UUID.randomUUID();
      X509Certificate cert =
          new SelfSignedCertificateBuilder(kp)
              .setCommonName(commonName)
              .setOrganization("GDS Vault")
              .setApplicationUri(uri)
              .addDnsName("localhost")
              .setValidityPeriod(Period.ofYears(3))
              .build();
      ks.load(null, STORE_PASSWORD);
      ks.setKeyEntry(ALIAS, kp.getPrivate(), STORE_PASSWORD, new X509Certificate[] {cert});
      Path tmp = dir.resolve("client.pfx.tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ks.store(out, STORE_PASSWORD);
      }
      restrict(tmp, "rw-------");
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, STORE_PASSWORD);
    }
    X509Certificate cert = (X509Certificate) ks.getCertificate(ALIAS);
    PrivateKey key = (PrivateKey) ks.getKey(ALIAS, STORE_PASSWORD);
    String uri = CertificateUtil.getSanUri(cert).orElseThrow();
    return new ClientIdentity(new KeyPair(cert.getPublicKey(), key), cert, uri);
  }

  private static void restrict(Path p, String perms) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException | IOException ignored) {
      // non-POSIX file system
    }
  }
}
