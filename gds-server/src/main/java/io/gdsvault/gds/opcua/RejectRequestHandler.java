package io.gdsvault.gds.opcua;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code CertificateRequests.RejectRequest(RequestId, Reason)}, and the per-request
 * {@code Reject(Reason)} when built with a fixed request id. RegistrationAuthorityAdmin; built-in
 * argument types only (UaExpert's Call dialog). RequestId is the NodeId text or the bare Guid.
 */
public final class RejectRequestHandler extends GdsMethodHandler {

  private final CertificateRequestService service;
  private final UUID fixedRequest;

  public RejectRequestHandler(HandlerContext c, UaMethodNode n, CertificateRequestService s, UUID fixedRequest) {
    super(c, n);
    this.service = s;
    this.fixedRequest = fixedRequest;
  }

  @Override
  public Argument[] inputArguments() {
    Argument reason = Arguments.scalar("Reason", Arguments.STRING);
    return fixedRequest != null
        ? new Argument[] {reason}
        : new Argument[] {Arguments.scalar("RequestId", Arguments.STRING), reason};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    UUID id = fixedRequest != null ? fixedRequest : RequestIds.parse(string(in[0]), context.gdsNamespaceIndex());
    service.reject(caller, id, string(in[fixedRequest != null ? 0 : 1]));
    return new Variant[0];
  }
}
