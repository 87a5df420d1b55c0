package io.gdsvault.gds.cli;

import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gds backup FILE}: the running GDS writes an online backup (database, CA material, server
 * PKI, effective configuration) and the CLI fetches it in chunks into FILE (SecurityAdmin).
 */
@Command(
    name = "backup",
    description = "Write an online backup of the GDS to FILE (needs SecurityAdmin).")
public final class BackupCommand extends ClientCommand {

  static final ExpandedNodeId OBJECT = VendorNamespace.id("GdsVault.Backup");
  static final int CHUNK = 1 << 20;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Override
  protected void validate() {
    if (Files.exists(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), file + " exists already");
    }
  }

  @Override
  protected int execute(GdsConnection c) throws Exception {
    Variant[] created = c.call(OBJECT, VendorNamespace.id("GdsVault.Backup.CreateBackup"));
    String name = (String) created[0].value();
    long size = (Long) value(created[1]);
    String sha = (String) created[2].value();
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path partial = Files.createTempFile(abs.getParent(), ".gds-backup-", ".part");
    try {
      try {
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not POSIX
      }
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      long offset = 0;
      try (OutputStream out = Files.newOutputStream(partial)) {
        while (true) {
          Variant[] o =
              c.call(
                  OBJECT,
                  VendorNamespace.id("GdsVault.Backup.ReadBackup"),
                  new Variant(name),
                  new Variant(offset),
                  new Variant(CHUNK));
          byte[] chunk = ((ByteString) value(o[0])).bytesOrEmpty();
          if (chunk.length == 0) {
            break;
          }
          out.write(chunk);
          d.update(chunk);
          offset += chunk.length;
        }
      }
      String got = HexFormat.of().formatHex(d.digest());
      if (offset != size || !got.equals(sha)) {
        spec.commandLine()
            .getErr()
            .println("gds: the backup arrived damaged (size or SHA-256 differs)");
        return 1;
      }
      Files.move(partial, abs, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    if (options.json()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", abs.toString());
      m.put("name", name);
      m.put("size", size);
      m.put("sha256", sha);
      printJson(m);
    } else {
      out().println("backup written to " + abs + " (" + size + " bytes, sha256 " + sha + ")");
    }
    return 0;
  }
}
