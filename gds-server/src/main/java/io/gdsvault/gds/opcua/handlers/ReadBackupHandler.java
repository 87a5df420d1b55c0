package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.backup.BackupService;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor ReadBackup(Name, Offset, Length) → Data: a chunk of a backup (empty at the end).
 * SecurityAdmin.
 */
public final class ReadBackupHandler extends GdsMethodHandler {

  private final BackupService backups;

  public ReadBackupHandler(HandlerContext context, UaMethodNode node, BackupService backups) {
    super(context, node);
    this.backups = backups;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("Name", Arguments.STRING),
      Arguments.scalar("Offset", NodeIds.Int64),
      Arguments.scalar("Length", NodeIds.Int32)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("Data", NodeIds.ByteString)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    long offset = in[1].value() == null ? 0 : (Long) in[1].value();
    int length = in[2].value() == null ? 0 : (Integer) in[2].value();
    return new Variant[] {
      new Variant(ByteString.of(backups.read(caller, string(in[0]), offset, length)))
    };
  }
}
