package io.gdsvault.gds.certificates;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.persistence.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who may act for an application: a CertificateAuthorityAdmin for any application; the application
 * itself (ApplicationSelfAdmin) when its session's client certificate carries its registered
 * ApplicationUri and is a certificate this GDS issued to it (not revoked) or one an admin bound to
 * it. A binding ends when the request that made it is rejected, when any certificate of the
 * application is revoked, and when the application is unregistered. Every check needs a
 * SignAndEncrypt channel.
 */
final class ApplicationAccess {

  private final Function<UUID, Optional<ApplicationRecord>> applications;
  private final IssuedCertificateRepository issued;
  private final Transactions tx;

  ApplicationAccess(
      Function<UUID, Optional<ApplicationRecord>> applications,
      IssuedCertificateRepository issued,
      Transactions tx) {
    this.applications = applications;
    this.issued = issued;
    this.tx = tx;
  }

  /** The registered application (Bad_NotFound when the id is missing or unknown). */
  ApplicationRecord application(@Nullable UUID applicationId) {
    if (applicationId == null) {
      throw GdsException.notFound("ApplicationId");
    }
    return applications
        .apply(applicationId)
        .orElseThrow(() -> GdsException.notFound("ApplicationId"));
  }

  /** The application, when the caller may act for it. */
  ApplicationRecord requireAccess(Caller caller, @Nullable UUID applicationId) {
    caller.requireSecureChannel();
    return requireAccess(caller, application(applicationId));
  }

  ApplicationRecord requireAccess(Caller caller, ApplicationRecord app) {
    caller.requireSecureChannel();
    if (caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN) || isSelf(caller, app)) {
      return app;
    }
    throw GdsException.accessDenied(
        "the CertificateAuthorityAdmin role or the application's own certificate is required");
  }

  /** Operators of the approval queue and downloads. */
  static void requireOperator(Caller caller) {
    caller.requireSecureChannel();
    if (!caller.hasRole(Role.REGISTRATION_AUTHORITY_ADMIN)
        && !caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN)) {
      throw GdsException.accessDenied(
          "the RegistrationAuthorityAdmin or CertificateAuthorityAdmin role is required");
    }
  }

  /**
   * When a CertificateAuthorityAdmin files for the application from a session whose client
   * certificate carries its ApplicationUri, the admin vouches for that certificate: the application
   * may act for itself with it from now on. Joins the open (filing) transaction.
   */
  void vouchForClientCertificate(Caller caller, ApplicationRecord app, Instant at) {
    String thumbprint = caller.clientCertificateThumbprint();
    if (caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN)
        && thumbprint != null
        && app.applicationUri().equals(caller.clientApplicationUri())) {
      issued.bind(app.id(), thumbprint, caller.describe(), at);
    }
  }

  /**
   * Ends the binding the rejected request {@code r} made when it was filed, unless another request
   * of the application from the same client certificate still stands (open or delivered). Joins the
   * open transaction.
   */
  void unbindRejected(CertificateRequestRecord r, List<CertificateRequestRecord> ofApplication) {
    String thumbprint = r.requesterThumbprint();
    if (thumbprint == null) {
      return;
    }
    boolean stillStands =
        ofApplication.stream()
            .anyMatch(
                o ->
                    !o.requestId().equals(r.requestId())
                        && thumbprint.equals(o.requesterThumbprint())
                        && (o.state().isOpen() || o.state() == RequestState.ACCEPTED));
    if (!stillStands) {
      issued.removeBinding(r.applicationId(), thumbprint);
    }
  }

  /**
   * Ends every binding of the application (it was unregistered, or a certificate of it revoked).
   * Joins the open transaction.
   */
  void unbindAll(UUID applicationId) {
    issued.removeBindings(applicationId);
  }

  private boolean isSelf(Caller caller, ApplicationRecord app) {
    String thumbprint = caller.clientCertificateThumbprint();
    if (thumbprint == null || !app.applicationUri().equals(caller.clientApplicationUri())) {
      return false;
    }
    return tx.read(
        () ->
            issued
                    .findByThumbprint(thumbprint)
                    .filter(c -> c.applicationId().equals(app.applicationId()) && !c.revoked())
                    .isPresent()
                || issued.isBound(app.id(), thumbprint));
  }
}
