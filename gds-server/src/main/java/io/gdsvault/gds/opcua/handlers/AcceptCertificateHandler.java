package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ClientTrustService;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Vendor AcceptCertificate(Thumbprint): trusts a rejected client certificate. SecurityAdmin. */
public final class AcceptCertificateHandler extends GdsMethodHandler {

  private final ClientTrustService trust;

  public AcceptCertificateHandler(
      HandlerContext context, UaMethodNode node, ClientTrustService trust) {
    super(context, node);
    this.trust = trust;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("Thumbprint", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    trust.accept(caller, string(in[0]));
    return new Variant[0];
  }
}
