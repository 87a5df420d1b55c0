package io.gdsvault.sim.e2e;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads a target's TrustList back through the GDS's own push connector (Open/Read/Close). */
final class TrustLists {

  record Content(List<X509Certificate> trustedCertificates, List<X509CRL> trustedCrls) {}

  private TrustLists() {}

  static Content read(PushFixture f, String endpoint) throws Exception {
    return read(
        f.gds.server().applicationKeyPair(),
        f.gds.server().certificate(),
        f.gds.server().applicationUri(),
        endpoint);
  }

  /** As the given client identity (one the target trusts, e.g. the GDS's). */
  static Content read(
      java.security.KeyPair keyPair, X509Certificate cert, String uri, String endpoint)
      throws Exception {
    var connector =
        new io.gdsvault.gds.opcua.push.MiloTargetConnector(() -> keyPair, () -> cert, uri, 5000);
    try (var s =
        connector.connect(
            endpoint,
            PushFixture.POLICY,
            PushFixture.TARGET_ADMIN,
            PushFixture.TARGET_PASSWORD.toCharArray(),
            c -> true)) {
      var t = s.readTrustList();
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certs = new ArrayList<>();
      for (byte[] b : t.trustedCertificates()) {
        certs.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b)));
      }
      List<X509CRL> crls = new ArrayList<>();
      for (byte[] b : t.trustedCrls()) {
        crls.add((X509CRL) cf.generateCRL(new ByteArrayInputStream(b)));
      }
      return new Content(certs, crls);
    }
  }
}
