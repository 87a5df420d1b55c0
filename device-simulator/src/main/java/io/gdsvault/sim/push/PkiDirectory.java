package io.gdsvault.sim.push;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk PKI of a push target: {@code DIR/{own,trusted,issuer,rejected}/{certs,crl}} plus
 * {@code own/private} for the private key.
 *
 * <p>Changes are committed all-or-nothing: the new content of every affected top-level folder is
 * written completely to {@code DIR/.staging}, a marker file is written last, and only then are the
 * folders swapped in. A crash before the marker leaves the old state (the staging folder is
 * discarded at the next open); a crash after it is rolled forward at the next open.
 */
public final class PkiDirectory {

  private static final Logger log = LoggerFactory.getLogger(PkiDirectory.class);

  static final String OWN = "own";
  static final String TRUSTED = "trusted";
  static final String ISSUER = "issuer";
  static final String REJECTED = "rejected";
  static final List<String> TOP_LEVEL = List.of(OWN, TRUSTED, ISSUER, REJECTED);

  private static final String STAGING = ".staging";
  private static final String PREVIOUS = ".previous";
  private static final String COMMITTED = "COMMITTED";

  private final Path root;

  private PkiDirectory(Path root) {
    this.root = root;
  }

  /** Opens (creating if needed) the layout under {@code root}, finishing an interrupted commit. */
  public static PkiDirectory open(Path root) throws IOException {
    var dir = new PkiDirectory(root.toAbsolutePath());
    Files.createDirectories(dir.root);
    dir.recover();
    for (String top : TOP_LEVEL) {
      Files.createDirectories(dir.root.resolve(top).resolve("certs"));
      Files.createDirectories(dir.root.resolve(top).resolve("crl"));
    }
    Files.createDirectories(dir.root.resolve(OWN).resolve("private"));
    return dir;
  }

  public Path root() {
    return root;
  }

  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  /** Reads every regular file of a folder such as {@code trusted/certs}, sorted by name. */
  public List<byte[]> readAll(String relativeDir) throws IOException {
    Path dir = root.resolve(relativeDir);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        for (Path p : stream) {
          if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
            files.add(p);
          }
        }
      }
    }
    files.sort(null);
    List<byte[]> out = new ArrayList<>();
    for (Path p : files) {
      out.add(Files.readAllBytes(p));
    }
    return out;
  }

  /**
   * Replaces the content of the given folders (relative paths such as {@code trusted/certs}, mapped
   * to file name and bytes) in one atomic step. Folders not named keep their content. Files under
   * {@code own/private} are written readable by the owner only.
   */
  public synchronized void commit(Map<String, Map<String, byte[]>> replacements)
      throws IOException {
    Path staging = root.resolve(STAGING);
    deleteRecursively(staging);
    Files.createDirectories(staging);

    Map<String, Map<String, Map<String, byte[]>>> byTop = new LinkedHashMap<>();
    for (var r : replacements.entrySet()) {
      String rel = r.getKey();
      String top = rel.split("/", 2)[0];
      if (!TOP_LEVEL.contains(top) || top.equals(REJECTED)) {
        throw new IllegalArgumentException("not a replaceable PKI folder: " + rel);
      }
      byTop.computeIfAbsent(top, t -> new LinkedHashMap<>()).put(rel, r.getValue());
    }
    for (var e : byTop.entrySet()) {
      Path stagedTop = staging.resolve(e.getKey());
      copyRecursively(root.resolve(e.getKey()), stagedTop);
      for (var r : e.getValue().entrySet()) {
        String rel = r.getKey();
        Path target = staging.resolve(rel);
        deleteRecursively(target);
        Files.createDirectories(target);
        for (var file : r.getValue().entrySet()) {
          writeDurably(target.resolve(file.getKey()), file.getValue(), rel.endsWith("private"));
        }
      }
    }
    writeDurably(staging.resolve(COMMITTED), new byte[0], false);
    rollForward();
  }

  private void recover() throws IOException {
    Path staging = root.resolve(STAGING);
    if (Files.exists(staging.resolve(COMMITTED))) {
      log.warn("Finishing an interrupted PKI commit in {}", root);
      rollForward();
    } else {
      deleteRecursively(staging);
    }
    deleteRecursively(root.resolve(PREVIOUS));
  }

  private void rollForward() throws IOException {
    Path staging = root.resolve(STAGING);
    Path previous = root.resolve(PREVIOUS);
    Files.createDirectories(previous);
    for (String top : TOP_LEVEL) {
      Path stagedTop = staging.resolve(top);
      if (!Files.isDirectory(stagedTop)) {
        continue;
      }
      Path live = root.resolve(top);
      if (Files.exists(live)) {
        deleteRecursively(previous.resolve(top));
        Files.move(live, previous.resolve(top), StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(stagedTop, live, StandardCopyOption.ATOMIC_MOVE);
    }
    deleteRecursively(staging);
    deleteRecursively(previous);
  }

  static void writeDurably(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
    Files.deleteIfExists(file);
    if (ownerOnly) {
      // created private, so the key is never readable by others, not even for a moment
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
    }
    try (OutputStream out =
        Files.newOutputStream(
            file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(bytes);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      Files.createDirectories(to);
      return;
    }
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static Set<String> topLevelFolders() {
    return Set.copyOf(TOP_LEVEL);
  }
}
