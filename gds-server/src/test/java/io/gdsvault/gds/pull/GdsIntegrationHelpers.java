package io.gdsvault.gds.pull;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;

/** Record helpers for tests that run their own GDS instead of the shared test base. */
final class GdsIntegrationHelpers {

  private GdsIntegrationHelpers() {}

  static ApplicationRecord server(String name) {
    return new ApplicationRecord(
        null,
        "urn:it:" + name + ":" + UUID.randomUUID(),
        ApplicationType.CLIENT_AND_SERVER,
        List.of(new LocalizedName("en", name)),
        "urn:it:product",
        List.of("opc.tcp://" + name + ".example:4840"),
        List.of());
  }

  static ExtensionObject encode(OpcUaClient client, ApplicationRecord r) {
    int ns = client.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
    return ExtensionObject.encode(
        client.getStaticEncodingContext(), ApplicationRecordMapper.toUa(r, ns));
  }
}
