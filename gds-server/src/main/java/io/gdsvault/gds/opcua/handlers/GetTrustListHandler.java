package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Part 12 §7.9.9 GetTrustList(ApplicationId, CertificateGroupId) → TrustListId. */
public final class GetTrustListHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public GetTrustListHandler(HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("ApplicationId", Arguments.NODE_ID),
      Arguments.scalar("CertificateGroupId", Arguments.NODE_ID)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("TrustListId", Arguments.NODE_ID)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    var ns = context.server().getNamespaceTable();
    var group =
        service.trustListGroup(
            caller,
            ApplicationRecordMapper.toApplicationId(nodeId(in[0]), context.gdsNamespaceIndex()),
            CertificateNodeIds.groupName(nodeId(in[1]), ns));
    return new Variant[] {new Variant(CertificateNodeIds.trustListNodeId(group.name(), ns))};
  }
}
