package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §7.9.7 RevokeCertificate(ApplicationId, Certificate): CRL and trust lists update at once.
 */
public final class RevokeCertificateHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public RevokeCertificateHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("ApplicationId", Arguments.NODE_ID),
      Arguments.scalar("Certificate", NodeIds.ByteString)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    service.revoke(
        caller,
        ApplicationRecordMapper.toApplicationId(nodeId(in[0]), context.gdsNamespaceIndex()),
        StartSigningRequestHandler.bytes(in[1]));
    return new Variant[0];
  }
}
