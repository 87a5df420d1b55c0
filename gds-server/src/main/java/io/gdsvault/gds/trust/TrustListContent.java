package io.gdsvault.gds.trust;

import java.util.List;

/**
 * The four lists of a Part 12 TrustListDataType, as DER encodings. A group's trust list carries
 * its CA certificates and their CRLs as trusted entries.
 */
public record TrustListContent(
    List<byte[]> trustedCertificates,
    List<byte[]> trustedCrls,
    List<byte[]> issuerCertificates,
    List<byte[]> issuerCrls) {

  public TrustListContent {
    trustedCertificates = List.copyOf(trustedCertificates);
    trustedCrls = List.copyOf(trustedCrls);
    issuerCertificates = List.copyOf(issuerCertificates);
    issuerCrls = List.copyOf(issuerCrls);
  }

  /** Only the lists selected by Part 12 TrustListMasks bits (1, 2, 4, 8). */
  public TrustListContent masked(long masks) {
    return new TrustListContent(
        (masks & 1) != 0 ? trustedCertificates : List.of(),
        (masks & 2) != 0 ? trustedCrls : List.of(),
        (masks & 4) != 0 ? issuerCertificates : List.of(),
        (masks & 8) != 0 ? issuerCrls : List.of());
  }
}
