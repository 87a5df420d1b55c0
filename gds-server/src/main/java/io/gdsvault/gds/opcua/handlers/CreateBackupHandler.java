package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.backup.BackupService;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor CreateBackup() → (Name, Size, Sha256): an online backup into DATA/backups. SecurityAdmin.
 */
public final class CreateBackupHandler extends GdsMethodHandler {

  private final BackupService backups;

  public CreateBackupHandler(HandlerContext context, UaMethodNode node, BackupService backups) {
    super(context, node);
    this.backups = backups;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[0];
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("Name", Arguments.STRING),
      Arguments.scalar("Size", NodeIds.Int64),
      Arguments.scalar("Sha256", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    BackupService.Created c = backups.create(caller);
    return new Variant[] {new Variant(c.name()), new Variant(c.size()), new Variant(c.sha256())};
  }
}
