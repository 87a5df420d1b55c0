package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.trust.CertificateGroupService;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GDS trusts its own CAs: every group CA certificate goes to the server's trusted store and
 * their current CRLs replace older CRLs of the same issuers, so an application that just got a
 * certificate can connect with it (also in strict mode) and a revoked one cannot.
 */
public final class ServerTrustPublisher {

  private static final Logger log = LoggerFactory.getLogger(ServerTrustPublisher.class);

  private final TrustListManager trustList;

  public ServerTrustPublisher(TrustListManager trustList) {
    this.trustList = trustList;
  }

  public synchronized void publish(CertificateGroupService groups) {
    Set<X509Certificate> present = new HashSet<>(trustList.getTrustedCertificates());
    for (X509Certificate ca : groups.allCaCertificates()) {
      if (!present.contains(ca)) {
        trustList.addTrustedCertificate(ca);
      }
    }
    List<X509CRL> ours = groups.allCrls();
    Set<X500Principal> issuers = new HashSet<>();
    ours.forEach(c -> issuers.add(c.getIssuerX500Principal()));
    List<X509CRL> crls = new ArrayList<>();
    for (X509CRL c : trustList.getTrustedCrls()) {
      if (!issuers.contains(c.getIssuerX500Principal())) {
        crls.add(c);
      }
    }
    crls.addAll(ours);
    trustList.setTrustedCrls(crls);
    log.debug(
        "published {} CA certificates and {} CRLs to the server trust list",
        groups.allCaCertificates().size(),
        ours.size());
  }
}
