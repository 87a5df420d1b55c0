package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.FinishResult;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §7.9.5 FinishRequest(ApplicationId, RequestId) → (Certificate, PrivateKey,
 * IssuerCertificates). Pending: Bad_NothingToDo; rejected: Bad_RequestNotAllowed; delivered: the
 * same output again within the grace period (a lost reply), Bad_InvalidArgument after it; unknown:
 * Bad_NotFound.
 */
public final class FinishRequestHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public FinishRequestHandler(HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("ApplicationId", Arguments.NODE_ID),
      Arguments.scalar("RequestId", Arguments.NODE_ID)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("Certificate", NodeIds.ByteString),
      Arguments.scalar("PrivateKey", NodeIds.ByteString),
      Arguments.array("IssuerCertificates", NodeIds.ByteString)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    FinishResult r =
        service.finish(
            caller,
            ApplicationRecordMapper.toApplicationId(nodeId(in[0]), ns),
            RequestIds.toUuid(nodeId(in[1]), ns));
    return new Variant[] {
      new Variant(ByteString.of(r.certificate())),
      new Variant(r.privateKey() == null ? ByteString.NULL_VALUE : ByteString.of(r.privateKey())),
      new Variant(r.issuerCertificates().stream().map(ByteString::of).toArray(ByteString[]::new))
    };
  }
}
