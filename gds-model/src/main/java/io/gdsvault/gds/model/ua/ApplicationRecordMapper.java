package io.gdsvault.gds.model.ua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.IdType;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ServerOnNetwork;
import org.jspecify.annotations.Nullable;

/**
 * Converts between domain {@link ApplicationRecord}s and their OPC UA forms. ApplicationIds are
 * Guid NodeIds in the GDS namespace, whose index the caller passes in.
 */
public final class ApplicationRecordMapper {

  private ApplicationRecordMapper() {}

  /** The UA form of a record; {@code gdsNamespaceIndex} qualifies the ApplicationId. */
  public static ApplicationRecordDataType toUa(ApplicationRecord r, int gdsNamespaceIndex) {
    return new ApplicationRecordDataType(
        toNodeId(r.applicationId(), gdsNamespaceIndex),
        r.applicationUri(),
        r.applicationType().value(),
        r.applicationNames().stream()
            .map(n -> new LocalizedText(n.locale().isEmpty() ? null : n.locale(), n.text()))
            .toArray(LocalizedText[]::new),
        r.productUri(),
        r.discoveryUrls().toArray(String[]::new),
        r.serverCapabilities().toArray(String[]::new));
  }

  /**
   * The domain form of a record sent by a client. Its ApplicationId is decoded with {@link
   * #toApplicationId}; an unknown ApplicationType or a null name is an invalid argument.
   */
  public static ApplicationRecord fromUa(ApplicationRecordDataType ua, int gdsNamespaceIndex) {
    ApplicationType type =
        ApplicationType.fromValue(ua.getApplicationType())
            .orElseThrow(() -> GdsException.invalid("ApplicationType is not valid"));
    List<LocalizedName> names = new ArrayList<>();
    if (ua.getApplicationNames() != null) {
      for (LocalizedText t : ua.getApplicationNames()) {
        if (t == null || t.text() == null) {
          throw GdsException.invalid("ApplicationNames contains an empty name");
        }
        String locale = t.locale();
        names.add(new LocalizedName(locale == null ? "" : locale, t.text()));
      }
    }
    return new ApplicationRecord(
        toApplicationId(ua.getApplicationId(), gdsNamespaceIndex),
        ua.getApplicationUri(),
        type,
        names,
        ua.getProductUri(),
        nonNullList(ua.getDiscoveryUrls(), "DiscoveryUrls"),
        nonNullList(ua.getServerCapabilities(), "ServerCapabilities"));
  }

  /** A Guid NodeId in the GDS namespace, or the null NodeId for a null id. */
  public static NodeId toNodeId(@Nullable UUID applicationId, int gdsNamespaceIndex) {
    return applicationId == null ? NodeId.NULL_VALUE : new NodeId(gdsNamespaceIndex, applicationId);
  }

  /**
   * The domain id behind an ApplicationId NodeId: null for a null NodeId; a NodeId that the GDS
   * cannot have issued (other namespace or identifier type) is reported as not found.
   */
  public static @Nullable UUID toApplicationId(@Nullable NodeId nodeId, int gdsNamespaceIndex) {
    if (nodeId == null || nodeId.isNull()) {
      return null;
    }
    if (nodeId.getNamespaceIndex().intValue() != gdsNamespaceIndex
        || nodeId.getType() != IdType.Guid) {
      throw GdsException.notFound("ApplicationId");
    }
    return (UUID) nodeId.getIdentifier();
  }

  /** The ApplicationDescription returned by QueryApplications. */
  public static ApplicationDescription toApplicationDescription(ApplicationRecord r) {
    return new ApplicationDescription(
        r.applicationUri(),
        r.productUri(),
        r.applicationNames().isEmpty()
            ? LocalizedText.NULL_VALUE
            : new LocalizedText(
                r.applicationNames().get(0).locale().isEmpty()
                    ? null
                    : r.applicationNames().get(0).locale(),
                r.applicationNames().get(0).text()),
        org.eclipse.milo.opcua.stack.core.types.enumerated.ApplicationType.from(
            r.applicationType().value()),
        null,
        null,
        r.discoveryUrls().toArray(String[]::new));
  }

  /** The ServerOnNetwork entries of a record for QueryServers: one per DiscoveryUrl. */
  public static List<ServerOnNetwork> toServersOnNetwork(long recordId, ApplicationRecord r) {
    List<ServerOnNetwork> out = new ArrayList<>();
    for (String url : r.discoveryUrls()) {
      out.add(
          new ServerOnNetwork(
              uint(recordId), r.defaultName(), url, r.serverCapabilities().toArray(String[]::new)));
    }
    return out;
  }

  private static List<String> nonNullList(String[] values, String field) {
    if (values == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(values.length);
    for (String v : values) {
      if (v == null) {
        throw GdsException.invalid(field + " contains a null entry");
      }
      out.add(v);
    }
    return out;
  }
}
