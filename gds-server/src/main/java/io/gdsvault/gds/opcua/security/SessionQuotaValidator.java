package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.model.x509.Certificates;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.SignatureData;
import org.eclipse.milo.opcua.stack.core.types.structured.UserIdentityToken;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Caps the activated sessions of one client (its application instance certificate) at
 * ActivateSession: the next one gets Bad_TooManySessions, so one client cannot use up the server's
 * session limit. Sessions without a client certificate (the None endpoint, which serves discovery
 * only) fall under the server-wide limit alone. A cap, not an exact limit: two sessions activated
 * at the same instant may pass it by one.
 */
public final class SessionQuotaValidator implements IdentityValidator {

  private final IdentityValidator delegate;
  private final int maxSessionsPerClient;

  public SessionQuotaValidator(IdentityValidator delegate, int maxSessionsPerClient) {
    this.delegate = delegate;
    this.maxSessionsPerClient = maxSessionsPerClient;
  }

  @Override
  public Identity validateIdentityToken(
      Session session, UserIdentityToken token, UserTokenPolicy policy, SignatureData signature)
      throws UaException {
    X509Certificate cert = clientCertificate(session);
    if (cert != null) {
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
    return delegate.validateIdentityToken(session, token, policy, signature);
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
