package io.gdsvault.gds.auth;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: built by the OPC UA layer from the session for every call and passed to services,
 * which decide with {@link #requireSecureChannel()} and {@link #requireRole(Role)}.
 *
 * @param userName the authenticated user, or null for an anonymous session
 * @param roles the user's roles (empty for anonymous)
 * @param clientCertificateThumbprint SHA-1 hex of the client application certificate, or null
 * @param clientApplicationUri the SAN URI of the client application certificate, or null
 * @param channelSecurity the channel's security mode
 * @param sessionId the OPC UA session the call came in, or null (in-process callers)
 */
public record Caller(
    @Nullable String userName,
    Set<Role> roles,
    @Nullable String clientCertificateThumbprint,
    @Nullable String clientApplicationUri,
    ChannelSecurity channelSecurity,
    @Nullable String sessionId) {

  /** A caller outside any session. */
  public Caller(
      @Nullable String userName,
      Set<Role> roles,
      @Nullable String clientCertificateThumbprint,
      @Nullable String clientApplicationUri,
      ChannelSecurity channelSecurity) {
    this(userName, roles, clientCertificateThumbprint, clientApplicationUri, channelSecurity, null);
  }

  /** The {@code clientApplicationUri} of a web console user signed in with a session cookie. */
  public static final String VIA_WEB = "web";

  /** The {@code clientApplicationUri} of a REST API script authenticated with a bearer token. */
  public static final String VIA_API = "api";

  public Caller {
    roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    if (channelSecurity == null) {
      channelSecurity = ChannelSecurity.NONE;
    }
  }

  /** An in-process caller with every role over an encrypted channel (CLI bootstrap, tests). */
  public static Caller system() {
    return new Caller(
        "system", EnumSet.allOf(Role.class), null, null, ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  /**
   * A signed-in user of the web console ({@link #VIA_WEB}) or the REST API ({@link #VIA_API}): no
   * client certificate; the HTTPS channel counts as encrypted.
   */
  public static Caller console(String userName, Set<Role> roles, String via) {
    return new Caller(userName, roles, null, via, ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  /** Whether this caller came through the web console or the REST API. */
  public boolean viaConsole() {
    return userName != null
        && clientCertificateThumbprint == null
        && (VIA_WEB.equals(clientApplicationUri) || VIA_API.equals(clientApplicationUri));
  }

  /**
   * The name a request records as its requester: the user, with {@code via web} / {@code via api}
   * for console callers; {@code app:URI} for a session without a user.
   */
  public String requesterName() {
    if (userName == null) {
      return "app:" + clientApplicationUri;
    }
    return viaConsole() ? userName + " via " + clientApplicationUri : userName;
  }

  /** The user part of a recorded requester ({@link #requesterName()}); user names hold no space. */
  public static String userOf(String requesterName) {
    int via = requesterName.indexOf(" via ");
    return via < 0 ? requesterName : requesterName.substring(0, via);
  }

  public Optional<String> user() {
    return Optional.ofNullable(userName);
  }

  public boolean isAnonymous() {
    return userName == null;
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** Part 12 GDS methods need an encrypted channel; a Sign-only or None channel is refused. */
  public void requireSecureChannel() {
    if (channelSecurity != ChannelSecurity.SIGN_AND_ENCRYPT) {
      throw new GdsException(
          Reason.SECURITY_MODE_INSUFFICIENT, "this method needs a SignAndEncrypt channel");
    }
  }

  /** Requires an encrypted channel and the role. */
  public void requireRole(Role role) {
    requireSecureChannel();
    if (!hasRole(role)) {
      throw GdsException.accessDenied("the " + role.partName() + " role is required");
    }
  }

  /** A short description for logs and audit records (never secrets). */
  public String describe() {
    return (userName == null ? "anonymous" : userName)
        + (clientApplicationUri == null ? "" : " via " + clientApplicationUri);
  }
}
