package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Part 12 §7.9.8 GetCertificateGroups(ApplicationId) → CertificateGroupIds[]. */
public final class GetCertificateGroupsHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public GetCertificateGroupsHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("ApplicationId", Arguments.NODE_ID)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.array("CertificateGroupIds", Arguments.NODE_ID)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    var ns = context.server().getNamespaceTable();
    NodeId[] ids =
        service
            .certificateGroups(
                caller,
                ApplicationRecordMapper.toApplicationId(nodeId(in[0]), context.gdsNamespaceIndex()))
            .stream()
            .map(g -> CertificateNodeIds.groupNodeId(g, ns))
            .toArray(NodeId[]::new);
    return new Variant[] {new Variant(ids)};
  }
}
