package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.model.x509.Certificates;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;

/** Builds the {@link Caller} of a method call from the Milo session. */
public final class CallerFactory {

  private final UserService users;
  private volatile MethodCallObserver observer = MethodCallObserver.NONE;

  public CallerFactory(UserService users) {
    this.users = users;
  }

  /** Who is told about every method call (the audit trail). */
  public void setObserver(MethodCallObserver observer) {
    this.observer = observer == null ? MethodCallObserver.NONE : observer;
  }

  public MethodCallObserver observer() {
    return observer;
  }

  /**
   * The caller behind a session; no session (internal call) yields an anonymous caller on an
   * unsecured channel. Roles are read from the user store on every call, so changes apply at once.
   */
  public Caller callerOf(Optional<Session> maybeSession) {
    if (maybeSession.isEmpty()) {
      return new Caller(null, Set.of(), null, null, ChannelSecurity.NONE);
    }
    Session session = maybeSession.get();
    String userName = null;
    Set<Role> roles = Set.of();
    Identity identity = session.getIdentity();
    if (identity instanceof Identity.UsernameIdentity u) {
      userName = u.getUsername();
      roles = users.rolesOf(userName);
    }
    X509Certificate clientCert =
        session.getSecurityConfiguration() == null
            ? null
            : session.getSecurityConfiguration().getClientCertificate();
    ChannelSecurity security =
        session.getSecurityConfiguration() == null
            ? ChannelSecurity.NONE
            : switch (session.getSecurityConfiguration().getSecurityMode()) {
              case SignAndEncrypt -> ChannelSecurity.SIGN_AND_ENCRYPT;
              case Sign -> ChannelSecurity.SIGN;
              default -> ChannelSecurity.NONE;
            };
    return new Caller(
        userName,
        roles,
        clientCert == null ? null : Certificates.thumbprint(clientCert),
        clientCert == null ? null : CertificateUtil.getSanUri(clientCert).orElse(null),
        security);
  }
}
