package io.gdsvault.gds.trust;

import java.util.List;

/**
 * The four lists of a Part 12 TrustListDataType, as DER encodings. A group's trust list carries its
 * CA certificates and their CRLs as trusted entries.
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

  /**
   * Bytes of this list as a UA Binary TrustListDataType: the UInt32 SpecifiedLists, then four
   * ByteString arrays (Int32 length, each element an Int32 length and its bytes).
   */
  public long encodedSize() {
    long size = 4;
    for (List<byte[]> list :
        List.of(trustedCertificates, trustedCrls, issuerCertificates, issuerCrls)) {
      size += 4;
      for (byte[] b : list) {
        size += 4L + b.length;
      }
    }
    return size;
  }
}
