package io.gdsvault.sim.pull;

import io.gdsvault.sim.push.CertificateCodec;
import java.security.KeyPair;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;

/** The local checks of an issued certificate before anything is written. */
final class IssuedCheck {

  private IssuedCheck() {}

  /**
   * Checks URI, key, chain to a CA of the GDS trust list and revocation at {@code now}; returns the
   * identity to install, its chain running up to the trust anchor.
   */
  static Identity verify(Issued issued, TrustListDataType trustList, String uri, Instant now)
      throws PullException {
    X509Certificate cert = issued.certificate();
    String certUri = CertificateUtil.getSanUri(cert).orElse(null);
    if (!uri.equals(certUri)) {
      throw new PullException("the issued certificate carries the URI " + certUri + ", not " + uri);
    }
    if (!CertificateCodec.matches(cert.getPublicKey(), issued.privateKey())) {
      throw new PullException("the private key does not match the issued certificate");
    }
    try {
      List<X509Certificate> chain = chain(issued, trustList, now);
      return new Identity(
          new KeyPair(cert.getPublicKey(), issued.privateKey()),
          chain.toArray(new X509Certificate[0]));
    } catch (PullException e) {
      throw e;
    } catch (Exception e) {
      throw new PullException(
          "the issued certificate does not chain to a CA of the GDS trust list: " + e.getMessage());
    }
  }

  /** Builds and validates the PKIX path from the issued certificate to a trusted CA. */
  private static List<X509Certificate> chain(
      Issued issued, TrustListDataType trustList, Instant now) throws Exception {
    X509Certificate cert = issued.certificate();
    List<X509Certificate> trusted =
        CertificateCodec.decodeCertificates(trustList.getTrustedCertificates());
    List<X509Certificate> intermediates =
        new ArrayList<>(CertificateCodec.decodeCertificates(trustList.getIssuerCertificates()));
    intermediates.addAll(issued.issuers());
    List<X509CRL> crls = new ArrayList<>(CertificateCodec.decodeCrls(trustList.getTrustedCrls()));
    crls.addAll(CertificateCodec.decodeCrls(trustList.getIssuerCrls()));
    Set<TrustAnchor> anchors = new HashSet<>();
    for (X509Certificate c : trusted) {
      anchors.add(new TrustAnchor(c, null));
    }
    if (anchors.isEmpty()) {
      throw new PullException(
          "the GDS trust list holds no CA certificate to check the issued certificate against");
    }
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(cert);
    PKIXBuilderParameters p = new PKIXBuilderParameters(anchors, target);
    List<Object> store = new ArrayList<>(intermediates);
    store.add(cert);
    store.addAll(crls);
    p.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
    p.setRevocationEnabled(!crls.isEmpty());
    p.setDate(java.util.Date.from(now));
    var built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(p);
    CertPathValidator.getInstance("PKIX").validate(built.getCertPath(), p);
    List<X509Certificate> chain = new ArrayList<>();
    for (var c : built.getCertPath().getCertificates()) {
      chain.add((X509Certificate) c);
    }
    X509Certificate anchor = built.getTrustAnchor().getTrustedCert();
    if (!chain.contains(anchor)) {
      chain.add(anchor);
    }
    return chain;
  }
}
