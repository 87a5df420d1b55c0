package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.auth.SessionAdmission;
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
  private final SessionAdmission admission;
  private volatile MethodCallObserver observer = MethodCallObserver.NONE;
  private volatile MethodTimingListener timing = MethodTimingListener.NONE;

  public CallerFactory(UserService users, SessionAdmission admission) {
    this.users = users;
    this.admission = admission;
  }

  /** Who is told about every method call (the audit trail). */
  public void setObserver(MethodCallObserver observer) {
    this.observer = observer == null ? MethodCallObserver.NONE : observer;
  }

  public MethodCallObserver observer() {
    return observer;
  }

  /** Who is told how long every method call took (latency metrics). */
  public void setTiming(MethodTimingListener timing) {
    this.timing = timing;
  }

  public MethodTimingListener timing() {
    return timing;
  }

  /**
   * The caller behind a session; no session (internal call) yields an anonymous caller on an
   * unsecured channel. Roles are those resolved when the session was activated, refreshed when the
   * user changes ({@link SessionAdmission#refreshRoles}); no database access per call.
   */
  public Caller callerOf(Optional<Session> maybeSession) {
    if (maybeSession.isEmpty()) {
      return new Caller(null, Set.of(), null, null, ChannelSecurity.NONE);
    }
    Session session = maybeSession.get();
    String key = MiloSessions.key(session);
    String userName = null;
    Set<Role> roles = Set.of();
    Identity identity = session.getIdentity();
    if (identity instanceof Identity.UsernameIdentity u) {
      String name = u.getUsername();
      userName = name;
      roles = admission.roles(key, name).orElseGet(() -> users.rolesOf(name));
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
        security,
        key);
  }
}
