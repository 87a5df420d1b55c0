package io.gdsvault.gds.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.opcua.security.CallerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.AddressSpace.ReferenceResult;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.AccessRestrictionType;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;

/**
 * Who may browse and read the vendor nodes under Objects/GdsVault:
 *
 * <ul>
 *   <li>every node under GdsVault (and GdsVault itself) carries the AccessRestrictions
 *       EncryptionRequired and ApplyRestrictionsToBrowse, so Milo's access controller refuses to
 *       read or browse them from a session that is not SignAndEncrypt and hides them from its
 *       browse results (calls are authorized by the handlers, see GdsMethodServiceSet);
 *   <li>the open requests under GdsVault/CertificateRequests (URIs, subjects, requester names) are,
 *       to a caller who is not an operator of the approval queue (RegistrationAuthorityAdmin or
 *       CertificateAuthorityAdmin on SignAndEncrypt), as if they did not exist: the queue object
 *       browses without them and reading or browsing one is Bad_NodeIdUnknown.
 * </ul>
 *
 * Reads without a session are the server's own and are not restricted.
 */
final class VendorAccess {

  /** AccessRestrictionType bits (Part 3 §8.56): EncryptionRequired | ApplyRestrictionsToBrowse. */
  static final int RESTRICTIONS = 0x2 | 0x8;

  static final String ROOT = "GdsVault";
  static final String REQUESTS = ROOT + "." + CertificateVendorMethods.REQUESTS;
  private static final String EVENT_TYPES = ROOT + ".EventTypes.";

  private final CallerFactory callers;
  private final int namespaceIndex;

  VendorAccess(CallerFactory callers, int namespaceIndex) {
    this.callers = callers;
    this.namespaceIndex = namespaceIndex;
  }

  /** Whether a caller may see the open requests. */
  static boolean requestOperator(Caller c) {
    return c.channelSecurity() == ChannelSecurity.SIGN_AND_ENCRYPT
        && (c.hasRole(Role.REGISTRATION_AUTHORITY_ADMIN)
            || c.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN));
  }

  /** The read results as this session may see them. */
  List<DataValue> read(Optional<Session> session, List<ReadValueId> ids, List<DataValue> values) {
    if (session.isEmpty()) {
      return values;
    }
    List<DataValue> out = new ArrayList<>(values);
    Boolean operator = null;
    for (int i = 0; i < ids.size(); i++) {
      String path = path(ids.get(i).getNodeId());
      if (path == null) {
        continue;
      }
      if (isRequest(path)) {
        if (operator == null) {
          operator = requestOperator(callers.callerOf(session));
        }
        if (!operator) {
          out.set(i, new DataValue(new StatusCode(StatusCodes.Bad_NodeIdUnknown)));
          continue;
        }
      }
      if (AttributeId.AccessRestrictions.uid().equals(ids.get(i).getAttributeId())) {
        out.set(i, new DataValue(new Variant(new AccessRestrictionType(ushort(RESTRICTIONS)))));
      }
    }
    return out;
  }

  /** The browse results as this session may see them. */
  List<ReferenceResult> browse(
      Optional<Session> session, List<NodeId> nodeIds, List<ReferenceResult> results) {
    if (session.isEmpty()) {
      return results;
    }
    List<ReferenceResult> out = new ArrayList<>(results);
    Boolean operator = null;
    for (int i = 0; i < nodeIds.size(); i++) {
      String path = path(nodeIds.get(i));
      if (path == null || !(isRequest(path) || path.equals(REQUESTS))) {
        continue;
      }
      if (operator == null) {
        operator = requestOperator(callers.callerOf(session));
      }
      if (operator) {
        continue;
      }
      if (isRequest(path)) {
        out.set(i, ReferenceResult.unknown());
      } else if (out.get(i) instanceof ReferenceResult.ReferenceList list) {
        out.set(i, ReferenceResult.of(withoutRequests(list.references())));
      }
    }
    return out;
  }

  private List<Reference> withoutRequests(List<Reference> references) {
    List<Reference> kept = new ArrayList<>();
    for (Reference r : references) {
      ExpandedNodeId target = r.getTargetNodeId();
      var index = target.getNamespaceIndex();
      boolean ours =
          VendorNamespace.NAMESPACE_URI.equals(target.getNamespaceUri())
              || (index != null && index.intValue() == namespaceIndex);
      String p = ours && target.getIdentifier() instanceof String s ? s : null;
      if (p == null || !isRequest(p)) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** The vendor path of a restricted node (GdsVault and below, not event types), else null. */
  private @org.jspecify.annotations.Nullable String path(NodeId id) {
    if (id.getNamespaceIndex().intValue() != namespaceIndex
        || !(id.getIdentifier() instanceof String s)) {
      return null;
    }
    if (s.startsWith(EVENT_TYPES) || !(s.equals(ROOT) || s.startsWith(ROOT + "."))) {
      return null;
    }
    return s;
  }

  /**
   * A node of one open request: {@code GdsVault.CertificateRequests.<uuid>[...]} (the queue's own
   * methods, such as {@code ApproveRequest}, are not requests).
   */
  static boolean isRequest(String path) {
    if (!path.startsWith(REQUESTS + ".")) {
      return false;
    }
    String rest = path.substring(REQUESTS.length() + 1);
    int dot = rest.indexOf('.');
    String head = dot < 0 ? rest : rest.substring(0, dot);
    return head.length() == 36 && head.charAt(8) == '-' && head.charAt(13) == '-';
  }
}
