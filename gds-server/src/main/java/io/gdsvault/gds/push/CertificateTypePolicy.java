package io.gdsvault.gds.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of the certificate types a target lists the GDS gives a certificate, and from which of its
 * own types (CA lines): a type our DefaultApplicationGroup issues by the same name; {@code
 * RsaMinApplicationCertificateType} (the Basic128Rsa15 and Basic256 endpoints) from the RSA line,
 * whose 2048-bit SHA-256 certificates the RsaMin profile accepts; any other type is skipped, and
 * push status says why. The primary type (RsaSha256 when listed, else the first issued) comes
 * first: it is the one verified in the handshake.
 */
final class CertificateTypePolicy {

  static final String RSA_SHA256 = "RsaSha256ApplicationCertificateType";
  static final String RSA_MIN = "RsaMinApplicationCertificateType";

  private CertificateTypePolicy() {}

  /** The slots for a target listing {@code listed}, primary first, skipped ones last. */
  static List<CertificateSlot> plan(List<String> listed, List<String> issued) {
    List<CertificateSlot> out = new ArrayList<>();
    List<CertificateSlot> skipped = new ArrayList<>();
    for (String type : listed.stream().distinct().toList()) {
      if (issuingType(type, issued).isPresent()) {
        out.add(CertificateSlot.issued(type, null));
      } else {
        skipped.add(
            CertificateSlot.skipped(type, "the GDS's CAs do not issue " + type + " certificates"));
      }
    }
    out.sort((a, b) -> Boolean.compare(!a.type().equals(RSA_SHA256), !b.type().equals(RSA_SHA256)));
    out.addAll(skipped);
    return out;
  }

  /** Our type (CA line) that issues certificates of the target's {@code type}, if any. */
  static Optional<String> issuingType(String type, List<String> issued) {
    if (issued.contains(type)) {
      return Optional.of(type);
    }
    if (type.equals(RSA_MIN) && issued.contains(RSA_SHA256)) {
      return Optional.of(RSA_SHA256);
    }
    return Optional.empty();
  }
}
