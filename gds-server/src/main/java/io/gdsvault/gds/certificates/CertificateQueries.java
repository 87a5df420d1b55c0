package io.gdsvault.gds.certificates;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What applications and operators read about certificates: the Part 12 per-application queries
 * (GetCertificateGroups, GetTrustList, GetCertificateStatus, GetCertificates) and the operators'
 * lists and downloads.
 */
final class CertificateQueries {

  private final ApplicationAccess access;
  private final CertificateRequestRepository requests;
  private final IssuedCertificateRepository issued;
  private final CertificateGroupService groups;
  private final Transactions tx;
  private final Clock clock;

  CertificateQueries(
      ApplicationAccess access,
      CertificateRequestRepository requests,
      IssuedCertificateRepository issued,
      CertificateGroupService groups,
      Transactions tx,
      Clock clock) {
    this.access = access;
    this.requests = requests;
    this.issued = issued;
    this.groups = groups;
    this.tx = tx;
    this.clock = clock;
  }

  /** GetCertificateGroups: the groups the application may use. */
  List<String> certificateGroups(Caller caller, @Nullable UUID applicationId) {
    access.requireAccess(caller, applicationId);
    return groups.groups().stream().map(CertificateGroup::name).toList();
  }

  /**
   * GetTrustList: the group (null: DefaultApplicationGroup) whose TrustList the caller may read.
   */
  CertificateGroup trustListGroup(
      Caller caller, @Nullable UUID applicationId, @Nullable String groupName) {
    access.requireAccess(caller, applicationId);
    return groups.requireGroup(RequestInputs.groupOf(groupName));
  }

  /**
   * GetCertificateStatus: true when the application has no valid certificate of the type from this
   * GDS, it was revoked, its CA is no longer the issuing one, or a third of its life is left.
   */
  boolean updateRequired(
      Caller caller,
      @Nullable UUID applicationId,
      @Nullable String groupName,
      @Nullable String typeName) {
    access.requireAccess(caller, applicationId);
    CertificateGroup group = groups.requireGroup(RequestInputs.groupOf(groupName));
    GroupCertificateType type = groups.requireType(group, typeName);
    Instant now = clock.instant();
    UUID id = Objects.requireNonNull(applicationId, "requireAccess found the application");
    Optional<IssuedCertificateRecord> latest =
        tx.read(() -> issued.findByApplication(id)).stream()
            .filter(
                c ->
                    c.certificateGroup().equals(group.name())
                        && c.certificateType().equals(type.name()))
            .filter(c -> !c.revoked() && c.notAfter().isAfter(now))
            .findFirst();
    if (latest.isEmpty()) {
      return true;
    }
    X509Certificate cert = DerCertificates.parse(latest.get().certificateDer());
    if (!type.ca().currentCaId().equals(latest.get().caId())) {
      return true;
    }
    Duration life =
        Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
    return Duration.between(now, cert.getNotAfter().toInstant()).compareTo(life.dividedBy(3)) < 0;
  }

  /** GetCertificates: the newest valid certificate per type of the group (null: every group). */
  List<IssuedCertificateRecord> certificates(
      Caller caller, @Nullable UUID applicationId, @Nullable String groupName) {
    access.requireAccess(caller, applicationId);
    if (groupName != null) {
      groups.requireGroup(groupName);
    }
    UUID id = Objects.requireNonNull(applicationId, "requireAccess found the application");
    Map<String, IssuedCertificateRecord> newest = new LinkedHashMap<>();
    for (IssuedCertificateRecord c : tx.read(() -> issued.findByApplication(id))) {
      if (c.revoked() || (groupName != null && !groupName.equals(c.certificateGroup()))) {
        continue;
      }
      newest.putIfAbsent(c.certificateGroup() + "/" + c.certificateType(), c);
    }
    return List.copyOf(newest.values());
  }

  /** Issued certificates, of one application or all (CertificateAuthorityAdmin). */
  List<IssuedCertificateRecord> issuedCertificates(Caller caller, @Nullable UUID applicationId) {
    caller.requireRole(Role.CERTIFICATE_AUTHORITY_ADMIN);
    return tx.inTransaction(
        () ->
            applicationId == null
                ? issued.list(ApprovalQueue.MAX_LIST)
                : issued.findByApplication(applicationId));
  }

  /**
   * The certificate of a request (when issued) or the newest valid one of an application, with its
   * chain and the group's CRLs (CertificateAuthorityAdmin or RegistrationAuthorityAdmin).
   */
  CertificateBundle bundle(Caller caller, UUID requestOrApplicationId) {
    ApplicationAccess.requireOperator(caller);
    IssuedCertificateRecord cert = tx.inTransaction(() -> certificateOf(requestOrApplicationId));
    X509Certificate x = DerCertificates.parse(cert.certificateDer());
    List<byte[]> chain =
        groups.issuerOf(x).map(CertificateGroupService.Issuer::chain).orElse(List.of()).stream()
            .map(DerCertificates::encoded)
            .toList();
    List<byte[]> crls =
        groups.trustList(groups.requireGroup(cert.certificateGroup())).trustedCrls();
    return new CertificateBundle(cert, chain, crls);
  }

  private IssuedCertificateRecord certificateOf(UUID requestOrApplicationId) {
    Optional<CertificateRequestRecord> r = requests.find(requestOrApplicationId);
    if (r.isPresent()) {
      if (!r.get().issued()) {
        throw new GdsException(Reason.NOTHING_TO_DO, "the request has no certificate yet");
      }
      String caId = r.get().caId();
      String serial = r.get().serial();
      if (caId == null || serial == null) {
        throw GdsException.notFound("certificate");
      }
      return issued.find(caId, serial).orElseThrow(() -> GdsException.notFound("certificate"));
    }
    return issued.findByApplication(requestOrApplicationId).stream()
        .filter(c -> !c.revoked())
        .findFirst()
        .orElseThrow(() -> GdsException.notFound("certificate of this application"));
  }
}
