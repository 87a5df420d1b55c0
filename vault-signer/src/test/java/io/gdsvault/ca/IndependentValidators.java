package io.gdsvault.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Validators that share no code with the CA: the JDK's PKIX and the openssl command. */
public final class IndependentValidators {

  private IndependentValidators() {}

  /** JDK PKIX with CRL revocation checking (no OCSP, no fallback); throws if invalid. */
  public static void pkix(X509Certificate leaf, List<X509Certificate> anchors, List<X509CRL> crls)
      throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    CertPath path = cf.generateCertPath(List.of(leaf));
    Set<TrustAnchor> trust = new HashSet<>();
    anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
    PKIXParameters params = new PKIXParameters(trust);
    params.setRevocationEnabled(true);
    params.addCertStore(
        CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
    CertPathValidator validator = CertPathValidator.getInstance("PKIX");
    PKIXRevocationChecker rc = (PKIXRevocationChecker) validator.getRevocationChecker();
    rc.setOptions(
        EnumSet.of(
            PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
    params.addCertPathChecker(rc);
    validator.validate(path, params);
  }

  /** Result of {@code openssl verify}: exit code and combined output. */
  public record OpensslResult(int exitCode, String output) {}

  /** {@code openssl verify -CAfile ca.pem -crl_check -CRLfile crl.pem leaf.pem} in {@code dir}. */
  public static OpensslResult openssl(
      Path dir, X509Certificate leaf, List<X509Certificate> anchors, List<X509CRL> crls)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve("ca.pem"), PemEncoding.pem(anchors));
    StringBuilder crlPem = new StringBuilder();
    crls.forEach(c -> crlPem.append(PemEncoding.pem(c)));
    Files.writeString(dir.resolve("crl.pem"), crlPem);
    Files.writeString(dir.resolve("leaf.pem"), PemEncoding.pem(leaf));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "openssl",
                "verify",
                "-CAfile",
                "ca.pem",
                "-crl_check",
                "-CRLfile",
                "crl.pem",
                "leaf.pem"));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("openssl verify did not finish");
    }
    return new OpensslResult(p.exitValue(), out);
  }
}
