package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Part 12 §7.9.2 StartSigningRequest(ApplicationId, CertificateGroupId, CertificateTypeId,
 * CertificateRequest) → RequestId. CertificateAuthorityAdmin, or the application itself.
 */
public final class StartSigningRequestHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public StartSigningRequestHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("ApplicationId", Arguments.NODE_ID),
      Arguments.scalar("CertificateGroupId", Arguments.NODE_ID),
      Arguments.scalar("CertificateTypeId", Arguments.NODE_ID),
      Arguments.scalar("CertificateRequest", NodeIds.ByteString)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("RequestId", Arguments.NODE_ID)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    UUID id =
        service.startSigningRequest(
            caller,
            ApplicationRecordMapper.toApplicationId(nodeId(in[0]), ns),
            CertificateNodeIds.groupName(nodeId(in[1]), context.server().getNamespaceTable()),
            CertificateNodeIds.typeName(nodeId(in[2])),
            bytes(in[3]));
    return new Variant[] {new Variant(RequestIds.toNodeId(id, ns))};
  }

  static byte @Nullable [] bytes(Variant v) {
    Object o = v.value();
    return o == null ? null : ((ByteString) o).bytesOrEmpty();
  }
}
