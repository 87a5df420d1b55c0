package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.items.BaseMonitoredItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredEventItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.subscriptions.Subscription;

/**
 * Delivers the GDS's audit events only to subscribers allowed to see them. Milo's event notifier
 * hands every event to every event item on the Server object, whatever the session: on the None
 * endpoint an anonymous subscription received every audit event (AddUser with the roles granted,
 * the approval queue). These events go instead to the enabled event items on namespace-0 nodes (the
 * Server object: what Milo's own namespace registers with the notifier) of the sessions whose
 * caller passes the audience, decided per session with its current roles.
 */
public final class EventAudience {

  /** The audit trail: SecurityAdmin on a SignAndEncrypt channel. */
  public static final Predicate<Caller> SECURITY_ADMINS =
      c -> encrypted(c) && c.hasRole(Role.SECURITY_ADMIN);

  /**
   * Certificate request events: the approvers (RegistrationAuthorityAdmin) and whoever may read the
   * whole audit trail anyway (SecurityAdmin), on a SignAndEncrypt channel.
   */
  public static final Predicate<Caller> REQUEST_OPERATORS =
      c ->
          encrypted(c)
              && (c.hasRole(Role.REGISTRATION_AUTHORITY_ADMIN) || c.hasRole(Role.SECURITY_ADMIN));

  /** Registration changes: DiscoveryAdmin or SecurityAdmin on a SignAndEncrypt channel. */
  public static final Predicate<Caller> DIRECTORY_OPERATORS =
      c -> encrypted(c) && (c.hasRole(Role.DISCOVERY_ADMIN) || c.hasRole(Role.SECURITY_ADMIN));

  private final OpcUaServer server;
  private final CallerFactory callers;

  public EventAudience(OpcUaServer server, CallerFactory callers) {
    this.server = server;
    this.callers = callers;
  }

  private static boolean encrypted(Caller c) {
    return c.channelSecurity() == ChannelSecurity.SIGN_AND_ENCRYPT;
  }

  /** Whether any subscription exists (else building an event is work for nobody). */
  public boolean anySubscriber() {
    return !server.getSubscriptions().isEmpty();
  }

  /**
   * Hands {@code event} to every enabled event item on a namespace-0 node whose session's caller
   * passes {@code audience}; returns how many items got it.
   */
  public int deliver(BaseEventTypeNode event, Predicate<Caller> audience) {
    Map<Session, Boolean> allowed = new HashMap<>();
    int delivered = 0;
    for (Subscription s : server.getSubscriptions().values()) {
      Session session = s.getSession();
      if (session == null
          || !allowed.computeIfAbsent(
              session, x -> audience.test(callers.callerOf(Optional.of(x))))) {
        continue;
      }
      for (BaseMonitoredItem<?> item : s.getMonitoredItems().values()) {
        if (item instanceof MonitoredEventItem e
            && e.isSamplingEnabled()
            && e.getReadValueId().getNodeId().getNamespaceIndex().intValue() == 0) {
          e.onEvent(event);
          delivered++;
        }
      }
    }
    return delivered;
  }
}
