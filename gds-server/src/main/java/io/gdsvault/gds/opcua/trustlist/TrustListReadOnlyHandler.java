package io.gdsvault.gds.opcua.trustlist;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * TrustList Write, CloseAndUpdate, AddCertificate and RemoveCertificate: present with their
 * standard arguments, answered Bad_NotWritable, because a GDS group's trust list is its CAs and
 * CRLs (changed by issuing, revoking and rolling over, never by clients).
 */
public final class TrustListReadOnlyHandler extends GdsMethodHandler {

  private final Argument[] inputs;
  private final Argument[] outputs;

  public TrustListReadOnlyHandler(
      HandlerContext c, UaMethodNode n, Argument[] inputs, Argument[] outputs) {
    super(c, n);
    this.inputs = inputs.clone();
    this.outputs = outputs.clone();
  }

  @Override
  public Argument[] inputArguments() {
    return inputs.clone();
  }

  @Override
  public Argument[] outputArguments() {
    return outputs.clone();
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) throws UaException {
    throw new UaException(StatusCodes.Bad_NotWritable, "trust lists of the GDS are read-only");
  }
}
