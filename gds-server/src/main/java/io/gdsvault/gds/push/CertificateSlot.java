package io.gdsvault.gds.push;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One certificate type a target lists for its DefaultApplicationGroup (e.g. {@code
 * RsaSha256ApplicationCertificateType}, {@code RsaMinApplicationCertificateType}) and what push
 * does with it: either it is skipped by policy (the GDS's CAs do not issue it), or it gets a
 * certificate, with the request of the push under way and the certificate installed last.
 *
 * @param type the target's CertificateType (its BrowseName, or its NodeId when unknown to us)
 * @param skipped why the GDS does not issue this type; null when it does
 * @param inFlight the request of the push under way for this type
 * @param installed the certificate the last full push installed for this type
 */
public record CertificateSlot(
    String type,
    @Nullable String skipped,
    @Nullable InFlight inFlight,
    @Nullable InstalledCertificate installed) {

  /**
   * A certificate request filed for a push, remembered so every retry uses the same one; the key
   * the GDS generated is kept sealed until the target is verified to use the new certificate.
   */
  // sealed bytes go to JDBC and the cipher as they are; never compared with equals
  @SuppressWarnings("ArrayRecordComponent")
  public record InFlight(UUID requestId, byte @Nullable [] keyBlob) {
    @Override
    public String toString() {
      return "InFlight[requestId=" + requestId + "]";
    }
  }

  static CertificateSlot issued(String type, @Nullable InstalledCertificate installed) {
    return new CertificateSlot(type, null, null, installed);
  }

  static CertificateSlot skipped(String type, String why) {
    return new CertificateSlot(type, why, null, null);
  }

  boolean isSkipped() {
    return skipped != null;
  }

  CertificateSlot withInFlight(@Nullable InFlight next) {
    return new CertificateSlot(type, skipped, next, installed);
  }

  CertificateSlot installed(InstalledCertificate c) {
    return new CertificateSlot(type, skipped, null, c);
  }

  /** For {@code push status}: {@code type=installed;thumbprint=..;notAfter=..} and the like. */
  String describe() {
    if (skipped != null) {
      return type + "=skipped;reason=" + skipped;
    }
    InFlight f = inFlight;
    InstalledCertificate c = installed;
    StringBuilder b = new StringBuilder(type).append('=');
    b.append(f != null ? "requested;request=" + f.requestId() : c != null ? "installed" : "none");
    if (c != null) {
      b.append(";thumbprint=").append(c.thumbprint()).append(";notAfter=").append(c.notAfter());
    }
    return b.toString();
  }
}
