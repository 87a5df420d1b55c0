package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.backup.BackupService;
import io.gdsvault.gds.opcua.handlers.CreateBackupHandler;
import io.gdsvault.gds.opcua.handlers.ReadBackupHandler;
import java.util.List;

/** Bindings of the vendor backup methods (object GdsVault.Backup). */
public final class BackupVendorMethods {

  public static final String OBJECT = "Backup";

  private BackupVendorMethods() {}

  public static List<MethodBinding> bindings(BackupService backups) {
    return List.of(
        VendorMethods.binding(
            OBJECT, "CreateBackup", false, true, (c, n) -> new CreateBackupHandler(c, n, backups)),
        VendorMethods.binding(
            OBJECT, "ReadBackup", true, true, (c, n) -> new ReadBackupHandler(c, n, backups)));
  }
}
