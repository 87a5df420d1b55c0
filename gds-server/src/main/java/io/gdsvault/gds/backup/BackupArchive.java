package io.gdsvault.gds.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The backup archive: one zip with {@code db/} (the H2 database files from an online BACKUP),
 * {@code ca/} (CA keystores or key references of the local signer), {@code pki/} (the server's own
 * certificate and key, trusted and rejected client certificates), {@code config/gds.yaml} (the
 * effective settings) and {@code MANIFEST} (SHA-256 of every entry), written last.
 *
 * <p>The archive holds private keys protected by the CA keystore secret, and that secret too when
 * the GDS generated it in {@code DATA/ca}: keep archives like the data directory itself (mode
 * 0600).
 */
public final class BackupArchive {

  public static final String MANIFEST = "MANIFEST";
  static final long MAX_ENTRY_BYTES = 1L << 32;
  static final int MAX_ENTRIES = 100_000;

  private BackupArchive() {}

  /** Writes the archive of {@code dataDir} to {@code target} (created, mode 0600). */
  public static void write(
      Path dataDir, DatabaseSnapshot database, String effectiveConfigYaml, Path target)
      throws IOException {
    Path work = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".backup-");
    try {
      Path dbZip = work.resolve("db.zip");
      database.writeTo(dbZip);
      Path partial = work.resolve("archive.zip");
      Map<String, String> sums = new LinkedHashMap<>();
      try (OutputStream fo = Files.newOutputStream(partial);
          ZipOutputStream zip = new ZipOutputStream(fo)) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(dbZip))) {
          for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
            if (!e.isDirectory()) {
              put(zip, "db/" + safeName(e.getName()), in, sums);
            }
          }
        }
        for (String dir : List.of("ca", "pki")) {
          Path root = dataDir.resolve(dir);
          if (!Files.isDirectory(root)) {
            continue;
          }
          List<Path> files;
          try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
          }
          for (Path f : files) {
            String name = dir + "/" + root.relativize(f).toString().replace('\\', '/');
            try (InputStream in = Files.newInputStream(f)) {
              put(zip, name, in, sums);
            }
          }
        }
        put(
            zip,
            "config/gds.yaml",
            new java.io.ByteArrayInputStream(effectiveConfigYaml.getBytes(StandardCharsets.UTF_8)),
            sums);
        StringBuilder manifest = new StringBuilder("gds-vault-backup 1\n");
        sums.forEach((n, h) -> manifest.append(h).append("  ").append(n).append('\n'));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      ownerOnly(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(work);
    }
  }

  /**
   * Restores {@code archive} into {@code dataDir}, which must not exist or be empty. Every entry is
   * checked against the manifest first; nothing is left in {@code dataDir} when a check fails.
   *
   * @return the number of files restored
   */
  public static int restore(Path archive, Path dataDir) throws IOException {
    Path target = dataDir.toAbsolutePath().normalize();
    requireAbsentOrEmpty(target);
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path work = Files.createTempDirectory(parent, ".restore-");
    try {
      Unpacked unpacked = unpack(archive, work);
      Map<String, String> actual = unpacked.sums();
      checkAgainstManifest(unpacked.manifest(), actual);
      if (actual.keySet().stream().noneMatch(n -> n.startsWith("db/"))) {
        throw new IOException("the archive holds no database");
      }
      try (Stream<Path> dirs = Files.walk(work)) {
        for (Path p : dirs.filter(Files::isDirectory).toList()) {
          ownerOnlyDir(p);
        }
      }
      if (Files.exists(target)) {
        Files.delete(target);
      }
      Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
      return actual.size();
    } finally {
      if (Files.exists(work)) {
        deleteTree(work);
      }
    }
  }

  /** What unpacking found: the manifest's text (null when absent) and each file's SHA-256. */
  private record Unpacked(@Nullable String manifest, Map<String, String> sums) {}

  private static void requireAbsentOrEmpty(Path target) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "is not a directory");
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(target)) {
      if (s.iterator().hasNext()) {
        throw new FileAlreadyExistsException(
            target.toString(), null, "the data directory is not empty");
      }
    }
  }

  /** Unpacks every file entry of {@code archive} below {@code work}, keeping the manifest apart. */
  private static Unpacked unpack(Path archive, Path work) throws IOException {
    Map<String, String> sums = new LinkedHashMap<>();
    String manifest = null;
    int count = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
      for (ZipEntry e = nextEntry(in); e != null; e = nextEntry(in)) {
        if (e.isDirectory()) {
          continue;
        }
        if (++count > MAX_ENTRIES) {
          throw new IOException("the archive has too many entries");
        }
        String name = safeName(e.getName());
        if (name.equals(MANIFEST)) {
          manifest = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } else {
          sums.put(name, extract(in, work, name));
        }
      }
    }
    return new Unpacked(manifest, sums);
  }

  /** Writes the current entry to {@code work/name} (owner only) and returns its SHA-256. */
  private static String extract(ZipInputStream in, Path work, String name) throws IOException {
    if (!(name.startsWith("db/")
        || name.startsWith("ca/")
        || name.startsWith("pki/")
        || name.equals("config/gds.yaml"))) {
      throw new IOException("unexpected entry in the archive: " + name);
    }
    Path out = work.resolve(name).normalize();
    if (!out.startsWith(work)) {
      throw new IOException("an entry escapes the data directory: " + name);
    }
    Files.createDirectories(out.getParent());
    MessageDigest d = sha256();
    Files.createFile(out);
    // keys and secrets: owner only, as the signer insists
    ownerOnly(out);
    try (OutputStream o = Files.newOutputStream(out)) {
      // copy at most MAX_ENTRY_BYTES: a compressed bomb is stopped, not written out first
      InputStream digest = new DigestInputStream(in, d);
      byte[] buffer = new byte[8192];
      long n = 0;
      for (int r = digest.read(buffer); r >= 0; r = digest.read(buffer)) {
        n += r;
        if (n > MAX_ENTRY_BYTES) {
          throw new IOException("an entry is too large: " + name);
        }
        o.write(buffer, 0, r);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** Fails unless the manifest lists exactly the unpacked files with their SHA-256. */
  private static void checkAgainstManifest(@Nullable String manifest, Map<String, String> actual)
      throws IOException {
    if (manifest == null || !manifest.startsWith("gds-vault-backup 1\n")) {
      throw new IOException("not a GDS Vault backup (no manifest)");
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : manifest.split("\n", -1)) {
      int sep = line.indexOf("  ");
      if (sep == 64) {
        expected.put(line.substring(sep + 2), line.substring(0, sep));
      }
    }
    if (expected.equals(actual)) {
      return;
    }
    List<String> bad = new ArrayList<>();
    for (String n : expected.keySet()) {
      if (!expected.get(n).equals(actual.get(n))) {
        bad.add(n);
      }
    }
    for (String n : actual.keySet()) {
      if (!expected.containsKey(n)) {
        bad.add(n);
      }
    }
    throw new IOException("the archive does not match its manifest: " + bad);
  }

  /**
   * The next entry; a name that is not valid UTF-8 (the JDK's IllegalArgumentException) is damage.
   */
  private static ZipEntry nextEntry(ZipInputStream in) throws IOException {
    try {
      return in.getNextEntry();
    } catch (IllegalArgumentException e) {
      throw new IOException("the archive is damaged (an entry name is not valid UTF-8)", e);
    }
  }

  private static void put(
      ZipOutputStream zip, String name, InputStream in, Map<String, String> sums)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    MessageDigest d = sha256();
    new DigestInputStream(in, d).transferTo(zip);
    zip.closeEntry();
    sums.put(name, HexFormat.of().formatHex(d.digest()));
  }

  private static String safeName(String name) throws IOException {
    String n = name.replace('\\', '/');
    if (n.startsWith("/")
        || n.contains("../")
        || n.equals("..")
        || n.contains(":")
        || n.isBlank()) {
      throw new IOException("unsafe entry name in the archive: " + name);
    }
    return n;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static void ownerOnly(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the directory's permissions apply
    }
  }

  static void ownerOnlyDir(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
