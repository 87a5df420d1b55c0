package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.SessionAdmission;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.model.x509.Certificates;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.SignatureData;
import org.eclipse.milo.opcua.stack.core.types.structured.UserIdentityToken;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Admission at ActivateSession. Caps the activated sessions of one client (its application instance
 * certificate): the next one gets Bad_TooManySessions, so one client cannot use up the server's
 * session limit. Then classifies the session for {@link SessionAdmission}: a user with a role or a
 * client certificate that validates against the server's trust list (GDS-issued, not revoked) is
 * privileged; anyone else is unauthenticated and refused (Bad_TooManySessions) once the
 * unauthenticated share of MaxSessions is used. The user's roles are resolved here, once per
 * session.
 */
public final class SessionQuotaValidator implements IdentityValidator {

  private final IdentityValidator delegate;
  private final int maxSessionsPerClient;
  private final SessionAdmission admission;
  private final UserService users;
  private final CertificateValidator trusted;

  public SessionQuotaValidator(
      IdentityValidator delegate,
      int maxSessionsPerClient,
      SessionAdmission admission,
      UserService users,
      CertificateValidator trusted) {
    this.delegate = delegate;
    this.maxSessionsPerClient = maxSessionsPerClient;
    this.admission = admission;
    this.users = users;
    this.trusted = trusted;
  }

  @Override
  public Identity validateIdentityToken(
      Session session, UserIdentityToken token, UserTokenPolicy policy, SignatureData signature)
      throws UaException {
    X509Certificate cert = clientCertificate(session);
    if (cert != null) {
      checkPerClient(session, cert);
    }
    String key = MiloSessions.key(session);
    admission.activating(key);
    Identity identity;
    try {
      identity = delegate.validateIdentityToken(session, token, policy, signature);
    } catch (UaException | RuntimeException e) {
      admission.activationFailed(key);
      throw e;
    }
    String user = identity instanceof Identity.UsernameIdentity u ? u.getUsername() : null;
    Set<Role> roles =
        user == null
            ? Set.of()
            : identity instanceof GdsUsernameIdentity g ? g.roles() : users.rolesOf(user);
    try {
      admission.activated(key, user, roles, cert != null && trusted(session, cert));
    } catch (SessionAdmission.Refused e) {
      throw new UaException(StatusCodes.Bad_TooManySessions, e.getMessage());
    }
    return identity;
  }

  private void checkPerClient(Session session, X509Certificate cert) throws UaException {
    String thumbprint = Certificates.thumbprint(cert);
    long others =
        session.getServer().getSessionManager().getAllSessions().stream()
            .filter(s -> s != session && s.getIdentity() != null)
            .filter(
                s -> {
                  X509Certificate c = clientCertificate(s);
                  return c != null && thumbprint.equals(Certificates.thumbprint(c));
                })
            .count();
    if (others >= maxSessionsPerClient) {
      throw new UaException(StatusCodes.Bad_TooManySessions, "too many sessions for this client");
    }
  }

  private boolean trusted(Session session, X509Certificate cert) {
    List<X509Certificate> chain = session.getSecurityConfiguration().getClientCertificateChain();
    try {
      trusted.validateCertificateChain(
          chain == null || chain.isEmpty() ? List.of(cert) : chain, null, null);
      return true;
    } catch (UaException e) {
      return false;
    }
  }

  private static @Nullable X509Certificate clientCertificate(Session s) {
    return s.getSecurityConfiguration() == null
        ? null
        : s.getSecurityConfiguration().getClientCertificate();
  }

  @Override
  public Set<UserTokenType> getSupportedTokenTypes() {
    return delegate.getSupportedTokenTypes();
  }
}
