package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §7.9.10 GetCertificateStatus(ApplicationId, CertificateGroupId, CertificateTypeId) →
 * UpdateRequired.
 */
public final class GetCertificateStatusHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public GetCertificateStatusHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("ApplicationId", Arguments.NODE_ID),
      Arguments.scalar("CertificateGroupId", Arguments.NODE_ID),
      Arguments.scalar("CertificateTypeId", Arguments.NODE_ID)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("UpdateRequired", NodeIds.Boolean)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    boolean required =
        service.updateRequired(
            caller,
            ApplicationRecordMapper.toApplicationId(nodeId(in[0]), context.gdsNamespaceIndex()),
            CertificateNodeIds.groupName(nodeId(in[1]), context.server().getNamespaceTable()),
            CertificateNodeIds.typeName(nodeId(in[2])));
    return new Variant[] {new Variant(required)};
  }
}
