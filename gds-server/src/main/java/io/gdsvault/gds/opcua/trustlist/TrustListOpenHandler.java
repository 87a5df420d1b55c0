package io.gdsvault.gds.opcua.trustlist;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.opcua.handlers.Arguments;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * TrustList Open(Mode) → FileHandle: read mode (1) only; the GDS's trust lists are managed by its
 * CAs.
 */
public final class TrustListOpenHandler extends GdsMethodHandler {

  private final TrustListFiles files;
  private final String group;

  public TrustListOpenHandler(
      HandlerContext c, UaMethodNode n, TrustListFiles files, String group) {
    super(c, n);
    this.files = files;
    this.group = group;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("Mode", NodeIds.Byte)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("FileHandle", NodeIds.UInt32)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) throws UaException {
    int mode = in[0].value() == null ? 0 : ((UByte) in[0].value()).intValue();
    if (mode != 1) {
      throw new UaException(StatusCodes.Bad_NotWritable, "trust lists of the GDS are read-only");
    }
    return new Variant[] {
      new Variant(Unsigned.uint(files.open(caller, group, TrustListFiles.ALL)))
    };
  }

  @SuppressWarnings("unused")
  private static long u32(Variant v) {
    return v.value() == null ? 0 : ((UInteger) v.value()).longValue();
  }
}
