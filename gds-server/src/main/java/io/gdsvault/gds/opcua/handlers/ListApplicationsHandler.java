package io.gdsvault.gds.opcua.handlers;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.directory.QueryPage;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor ListApplications(StartingRecordId, MaxRecordsToReturn) → (Applications[] of
 * ApplicationRecordDataType, NextRecordId): every registered application in record id order, those
 * with the capability {@code NA} included (that rule is QueryApplications' for discovery clients).
 * Operators only (DiscoveryAdmin, CertificateAuthorityAdmin or RegistrationAuthorityAdmin).
 */
public final class ListApplicationsHandler extends GdsMethodHandler {

  private final DirectoryService directory;

  public ListApplicationsHandler(
      HandlerContext context, UaMethodNode node, DirectoryService directory) {
    super(context, node);
    this.directory = directory;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("StartingRecordId", Arguments.UINT32),
      Arguments.scalar("MaxRecordsToReturn", Arguments.UINT32)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("Applications", Arguments.applicationRecordType(context)),
      Arguments.scalar("NextRecordId", Arguments.UINT32)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    QueryPage page = directory.listAll(caller, uint32(in[0]), uint32(in[1]));
    int ns = context.gdsNamespaceIndex();
    ExtensionObject[] apps =
        page.applications().stream()
            .map(a -> encode(ApplicationRecordMapper.toUa(a.record(), ns)))
            .toArray(ExtensionObject[]::new);
    return new Variant[] {new Variant(apps), new Variant(uint(page.nextRecordId()))};
  }
}
