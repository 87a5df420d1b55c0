package io.gdsvault.gds.push;

import io.gdsvault.gds.trust.TrustListContent;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The GDS's CAs as push sees them: one {@link TestCa}, a CRL (bytes) and the GDS certificate. */
final class FakeTrust implements TrustSource {

  private final TestCa ca;
  private final X509Certificate gds;
  private final List<Runnable> listeners = new ArrayList<>();
  final Map<String, Standing> standings = new HashMap<>();
  volatile byte[] crl = "crl 1".getBytes(StandardCharsets.US_ASCII);

  FakeTrust(TestCa ca, X509Certificate gds) {
    this.ca = ca;
    this.gds = gds;
  }

  @Override
  public TrustListContent trustList() {
    return new TrustListContent(
        List.of(ca.der(), Thumbprints.der(gds)), List.of(crl), List.of(), List.of());
  }

  /** The types our CAs issue (the group's default first). */
  volatile List<String> issued = List.of(CertificateTypePolicy.RSA_SHA256);

  @Override
  public List<String> issuedTypes() {
    return issued;
  }

  @Override
  public boolean isGood(byte[] certificateDer) {
    X509Certificate c = Thumbprints.parse(certificateDer);
    return ca.issued(c) && standing(c) != Standing.REVOKED;
  }

  @Override
  public Standing standing(X509Certificate certificate) {
    Standing s = standings.get(Thumbprints.of(certificate));
    if (s != null) {
      return s;
    }
    return ca.issued(certificate) ? Standing.CURRENT : Standing.NOT_OURS;
  }

  @Override
  public List<byte[]> issuerChain(X509Certificate certificate) {
    return ca.issued(certificate) ? List.of(ca.der()) : List.of();
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** A CRL was reissued: the trust list changes and listeners hear of it. */
  void crlChanged(String text) {
    crl = text.getBytes(StandardCharsets.US_ASCII);
    listeners.forEach(Runnable::run);
  }
}
