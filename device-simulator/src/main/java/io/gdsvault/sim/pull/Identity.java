package io.gdsvault.sim.pull;

import io.gdsvault.gds.model.net.HostNames;
import io.gdsvault.sim.push.CertificateCodec;
import io.gdsvault.sim.push.PkiDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The device's own certificate chain and key pair, as kept in {@code own/certs} and {@code
 * own/private} of the PKI folder.
 */
record Identity(
    KeyPair keyPair,
    @SuppressWarnings("ArrayRecordComponent") // Milo takes the chain as an array; never compared
        X509Certificate[] chain) {

  /** The file name of the own certificate chain and of its private key. */
  static final String APPLICATION_FILE = "application.pem";

  X509Certificate certificate() {
    return chain[0];
  }

  /** The own folders' new content: this chain and this key, as PEM. */
  Map<String, Map<String, byte[]>> ownFiles() {
    Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
    files.put("own/certs", Map.of(APPLICATION_FILE, pem((Object[]) chain)));
    files.put("own/private", Map.of(APPLICATION_FILE, pem(keyPair.getPrivate())));
    return files;
  }

  /** The identity in {@code pki}, or null when the device has none yet. */
  static @Nullable Identity load(PkiDirectory pki) throws IOException, PullException {
    Path cert = pki.resolve("own/certs/" + APPLICATION_FILE);
    Path key = pki.resolve("own/private/" + APPLICATION_FILE);
    if (!Files.exists(cert) || !Files.exists(key)) {
      return null;
    }
    try {
      List<X509Certificate> chain =
          CertificateCodec.decodeCertificateChain(Files.readAllBytes(cert));
      PrivateKey privateKey =
          CertificateCodec.decodePrivateKey(CertificateCodec.PEM, Files.readAllBytes(key));
      if (!CertificateCodec.matches(chain.get(0).getPublicKey(), privateKey)) {
        throw new PullException(
            "the certificate and private key in " + pki.resolve("own") + " do not match");
      }
      return new Identity(
          new KeyPair(chain.get(0).getPublicKey(), privateKey),
          chain.toArray(new X509Certificate[0]));
    } catch (UaException e) {
      throw new PullException(
          "cannot read the certificate or key in " + pki.resolve("own") + ": " + e.getMessage());
    }
  }

  /** Makes a self-signed bootstrap identity for {@code uri} and commits it to {@code pki}. */
  static Identity createSelfSigned(
      PkiDirectory pki, String uri, String applicationName, List<String> hostnames)
      throws IOException, PullException {
    try {
      KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      var b =
          new SelfSignedCertificateBuilder(kp)
              .setCommonName(applicationName)
              .setOrganization("GDS Vault device-sim")
              .setApplicationUri(uri)
              .setValidityPeriod(Period.ofDays(365));
      for (String h : hostnames) {
        if (HostNames.isIpAddress(h)) {
          b.addIpAddress(h);
        } else {
          b.addDnsName(h);
        }
      }
      Identity bootstrap = new Identity(kp, new X509Certificate[] {b.build()});
      pki.commit(bootstrap.ownFiles());
      return bootstrap;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new PullException(
          "cannot create a bootstrap certificate: " + e.getClass().getSimpleName());
    }
  }

  /** True for a self-signed certificate (a bootstrap certificate, not one from a CA). */
  static boolean isSelfSigned(X509Certificate c) {
    if (!c.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
      return false;
    }
    try {
      c.verify(c.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static byte[] pem(Object... objects) {
    return CertificateCodec.toPem(objects).getBytes(StandardCharsets.US_ASCII);
  }
}
