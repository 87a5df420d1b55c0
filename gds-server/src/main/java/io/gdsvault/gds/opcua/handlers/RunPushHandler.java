package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.push.PushEngine;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** Vendor {@code Push.RunPush(ApplicationId)}: queues a full push now. SecurityAdmin. */
public final class RunPushHandler extends GdsMethodHandler {

  private final PushEngine engine;

  public RunPushHandler(HandlerContext c, UaMethodNode n, PushEngine engine) {
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
    engine.run(caller, RequestIds.parse(string(in[0]), context.gdsNamespaceIndex()));
    return new Variant[0];
  }
}
