package io.gdsvault.gds.backup;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups (SecurityAdmin): writes an archive into {@code DATA/backups} and hands it out in
 * chunks, so a CLI anywhere can fetch it over OPC UA within the message size limit.
 */
public final class BackupService {

  private static final Logger log = LoggerFactory.getLogger(BackupService.class);
  private static final Pattern NAME = Pattern.compile("gds-backup-\\d{8}T\\d{6}\\d{3}Z\\.zip");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  public static final int MAX_CHUNK = 1 << 20;

  private final Path dataDir;
  private final DatabaseSnapshot database;
  private final Supplier<String> effectiveConfig;
  private final Clock clock;

  public BackupService(
      Path dataDir, DatabaseSnapshot database, Supplier<String> effectiveConfig, Clock clock) {
    this.dataDir = dataDir;
    this.database = database;
    this.effectiveConfig = effectiveConfig;
    this.clock = clock;
  }

  /** The archive just written: its name in DATA/backups, size and SHA-256. */
  public record Created(String name, long size, String sha256) {}

  public synchronized Created create(Caller caller) {
    caller.requireRole(Role.SECURITY_ADMIN);
    try {
      Path dir = dataDir.resolve("backups");
      Files.createDirectories(dir);
      String name = "gds-backup-" + STAMP.format(clock.instant()) + ".zip";
      Path target = dir.resolve(name);
      BackupArchive.write(dataDir, database, effectiveConfig.get(), target);
      String sha = sha256(target);
      long size = Files.size(target);
      log.info(
          "backup written name={} size={} sha256={} by={}", name, size, sha, caller.describe());
      return new Created(name, size, sha);
    } catch (UnsupportedOperationException e) {
      throw new GdsException(
          Reason.NOT_SUPPORTED, "online backup needs the embedded database; use pg_dump");
    } catch (IOException e) {
      log.error("backup failed", e);
      throw new GdsException(Reason.RESOURCE_UNAVAILABLE, "the backup could not be written");
    }
  }

  /** Up to {@code length} bytes of a backup from {@code offset} (empty at the end). */
  public byte[] read(Caller caller, String name, long offset, int length) {
    caller.requireRole(Role.SECURITY_ADMIN);
    if (name == null || !NAME.matcher(name).matches()) {
      throw GdsException.invalid("not a backup name");
    }
    if (offset < 0 || length < 1 || length > MAX_CHUNK) {
      throw GdsException.invalid("Offset must be >= 0 and Length 1.." + MAX_CHUNK);
    }
    Path file = dataDir.resolve("backups").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw GdsException.notFound("backup");
    }
    try (var ch = Files.newByteChannel(file)) {
      if (offset >= ch.size()) {
        return new byte[0];
      }
      ch.position(offset);
      java.nio.ByteBuffer buf =
          java.nio.ByteBuffer.allocate((int) Math.min(length, ch.size() - offset));
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // fill
      }
      return buf.array();
    } catch (IOException e) {
      throw new GdsException(Reason.RESOURCE_UNAVAILABLE, "the backup could not be read");
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
