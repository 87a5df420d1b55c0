package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.push.PushEngine;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code Push.DisablePush(ApplicationId)}: the GDS stops managing the target. SecurityAdmin.
 */
public final class DisablePushHandler extends GdsMethodHandler {

  private final PushEngine engine;

  public DisablePushHandler(HandlerContext c, UaMethodNode n, PushEngine engine) {
    super(c, n);
    this.engine = engine;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("ApplicationId", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    engine.disable(caller, RequestIds.parse(string(in[0]), context.gdsNamespaceIndex()));
    return new Variant[0];
  }
}
