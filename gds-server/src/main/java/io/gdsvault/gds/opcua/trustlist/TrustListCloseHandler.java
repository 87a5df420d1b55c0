package io.gdsvault.gds.opcua.trustlist;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.opcua.handlers.Arguments;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** TrustList Close(FileHandle). */
public final class TrustListCloseHandler extends GdsMethodHandler {

  private final TrustListFiles files;
  private final String group;

  public TrustListCloseHandler(
      HandlerContext c, UaMethodNode n, TrustListFiles files, String group) {
    super(c, n);
    this.files = files;
    this.group = group;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("FileHandle", NodeIds.UInt32)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) throws UaException {
    files.close(caller, group, u32(in[0]));
    return new Variant[0];
  }

  @SuppressWarnings("unused")
  private static long u32(Variant v) {
    return v.value() == null ? 0 : ((UInteger) v.value()).longValue();
  }
}
