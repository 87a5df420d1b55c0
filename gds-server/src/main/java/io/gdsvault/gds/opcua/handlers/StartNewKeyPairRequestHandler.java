package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §7.9.3 StartNewKeyPairRequest(ApplicationId, CertificateGroupId, CertificateTypeId,
 * SubjectName, DomainNames, PrivateKeyFormat, PrivateKeyPassword) → RequestId.
 */
public final class StartNewKeyPairRequestHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public StartNewKeyPairRequestHandler(
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
      Arguments.scalar("SubjectName", Arguments.STRING),
      Arguments.array("DomainNames", Arguments.STRING),
      Arguments.scalar("PrivateKeyFormat", Arguments.STRING),
      Arguments.scalar("PrivateKeyPassword", Arguments.STRING)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("RequestId", Arguments.NODE_ID)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    Object pw = in[6].value();
    UUID id =
        service.startNewKeyPairRequest(
            caller,
            ApplicationRecordMapper.toApplicationId(nodeId(in[0]), ns),
            CertificateNodeIds.groupName(nodeId(in[1]), context.server().getNamespaceTable()),
            CertificateNodeIds.typeName(nodeId(in[2])),
            in[3].value() == null ? null : string(in[3]),
            List.of(strings(in[4])),
            string(in[5]),
            pw == null ? null : ((String) pw).toCharArray());
    return new Variant[] {new Variant(RequestIds.toNodeId(id, ns))};
  }
}
