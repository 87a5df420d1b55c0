package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Vendor {@code CertificateRequests.ApproveRequest(RequestId, Comment)} and {@code
 * RejectRequest(RequestId, Reason)}, and the per-request {@code Approve(Comment)} / {@code
 * Reject(Reason)} when built with a fixed request id. RegistrationAuthorityAdmin; built-in argument
 * types only (UaExpert's Call dialog). RequestId is the NodeId text or the bare Guid.
 */
public final class DecideRequestHandler extends GdsMethodHandler {

  /** What the operator decides, with the name of its text argument. */
  public enum Decision {
    APPROVE("Comment"),
    REJECT("Reason");

    private final String textArgument;

    Decision(String textArgument) {
      this.textArgument = textArgument;
    }
  }

  private final CertificateRequestService service;
  private final @Nullable UUID fixedRequest;
  private final Decision decision;

  public DecideRequestHandler(
      HandlerContext c,
      UaMethodNode n,
      CertificateRequestService s,
      @Nullable UUID fixedRequest,
      Decision decision) {
    super(c, n);
    this.service = s;
    this.fixedRequest = fixedRequest;
    this.decision = decision;
  }

  @Override
  public Argument[] inputArguments() {
    Argument text = Arguments.scalar(decision.textArgument, Arguments.STRING);
    return fixedRequest != null
        ? new Argument[] {text}
        : new Argument[] {Arguments.scalar("RequestId", Arguments.STRING), text};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    UUID id =
        fixedRequest != null
            ? fixedRequest
            : RequestIds.parse(string(in[0]), context.gdsNamespaceIndex());
    String text = string(in[fixedRequest != null ? 0 : 1]);
    switch (decision) {
      case APPROVE -> service.approve(caller, id, text);
      case REJECT -> service.reject(caller, id, text);
    }
    return new Variant[0];
  }
}
