package io.gdsvault.gds.push;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** The certificate a full push installed on the target and verified it presents. */
// DER goes to JDBC as it is; never compared with equals
@SuppressWarnings("ArrayRecordComponent")
public record InstalledCertificate(
    byte[] der, String thumbprint, Instant notBefore, Instant notAfter) {

  static InstalledCertificate of(X509Certificate c) {
    return new InstalledCertificate(
        Thumbprints.der(c),
        Thumbprints.of(c),
        c.getNotBefore().toInstant(),
        c.getNotAfter().toInstant());
  }

  @Override
  public String toString() {
    return "InstalledCertificate[" + thumbprint + ", notAfter=" + notAfter + "]";
  }
}
