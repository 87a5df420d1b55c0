package io.gdsvault.gds.push;

import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.gds.trust.RevocationStatus;
import io.gdsvault.gds.trust.TrustListContent;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link TrustSource} over the GDS's certificate groups and its own application certificate. */
public final class GroupTrust implements TrustSource {

  private final CertificateGroupService groups;
  private final Supplier<X509Certificate> gdsCertificate;

  public GroupTrust(CertificateGroupService groups, Supplier<X509Certificate> gdsCertificate) {
    this.groups = groups;
    this.gdsCertificate = gdsCertificate;
  }

  @Override
  public TrustListContent trustList() {
    CertificateGroup g = groups.requireGroup(CertificateGroup.DEFAULT_APPLICATION_GROUP);
    TrustListContent ours = groups.trustList(g);
    List<byte[]> trusted = new ArrayList<>(ours.trustedCertificates());
    trusted.add(Thumbprints.der(gdsCertificate.get()));
    return new TrustListContent(trusted, ours.trustedCrls(), List.of(), List.of());
  }

  @Override
  public List<String> issuedTypes() {
    return groups.requireGroup(CertificateGroup.DEFAULT_APPLICATION_GROUP).types().stream()
        .map(GroupCertificateType::name)
        .toList();
  }

  @Override
  public boolean isGood(byte[] certificateDer) {
    return groups.revocationStatus(certificateDer).status() == RevocationStatus.Status.GOOD;
  }

  @Override
  public Standing standing(X509Certificate certificate) {
    Optional<CertificateGroupService.Issuer> issuer = groups.issuerOf(certificate);
    if (issuer.isEmpty()) {
      return Standing.NOT_OURS;
    }
    if (!issuer.get().chain().get(0).equals(issuer.get().type().ca().currentCaCertificate())) {
      return Standing.PREVIOUS_CA;
    }
    RevocationStatus.Status s = groups.revocationStatus(Thumbprints.der(certificate)).status();
    return s == RevocationStatus.Status.REVOKED ? Standing.REVOKED : Standing.CURRENT;
  }

  @Override
  public List<byte[]> issuerChain(X509Certificate certificate) {
    List<byte[]> out = new ArrayList<>();
    for (X509Certificate c :
        groups.issuerOf(certificate).map(CertificateGroupService.Issuer::chain).orElse(List.of())) {
      out.add(Thumbprints.der(c));
    }
    return out;
  }

  @Override
  public void onChange(Runnable listener) {
    groups.onChange(g -> listener.run());
  }
}
