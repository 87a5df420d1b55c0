package io.gdsvault.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * An issued certificate with its issuer chain (issuing CA first, root last).
 *
 * @param caId the CA generation that issued it (for revocation and CRL lookup)
 */
public record IssuedCertificate(
    X509Certificate certificate, List<X509Certificate> issuerChain, String caId) {

  public IssuedCertificate {
    issuerChain = List.copyOf(issuerChain);
  }

  public BigInteger serialNumber() {
    return certificate.getSerialNumber();
  }

  /** The leaf followed by its issuer chain. */
  public List<X509Certificate> fullChain() {
    List<X509Certificate> all = new ArrayList<>(issuerChain.size() + 1);
    all.add(certificate);
    all.addAll(issuerChain);
    return all;
  }
}
