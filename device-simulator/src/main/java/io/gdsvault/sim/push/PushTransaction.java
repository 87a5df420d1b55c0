package io.gdsvault.sim.push;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Changes one session has staged and not yet applied: new credentials, regenerated keys waiting for
 * their certificate, and new trust lists, each per certificate group. Guarded by the owning {@link
 * ServerConfigurationSupport}'s lock.
 */
final class PushTransaction {

  final NodeId sessionId;
  final Map<NodeId, PushCertificateGroup.Credentials> credentials = new LinkedHashMap<>();
  final Map<NodeId, KeyPair> regeneratedKeys = new LinkedHashMap<>();
  final Map<NodeId, TrustListContent> trustLists = new LinkedHashMap<>();

  PushTransaction(NodeId sessionId) {
    this.sessionId = sessionId;
  }

  boolean isEmpty() {
    return credentials.isEmpty() && regeneratedKeys.isEmpty() && trustLists.isEmpty();
  }
}
