package io.gdsvault.ca;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Whole-file writes that a crash cannot leave half done: temp file, fsync, atomic rename. */
final class AtomicFiles {

  private AtomicFiles() {}

  static void write(Path target, byte[] content) throws IOException {
    Path dir =
        java.util.Objects.requireNonNull(
            target.toAbsolutePath().getParent(), "target has no directory");
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      fsyncDirectory(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Appends a line and forces it to disk (a torn last line is ignored on reading). */
  static void appendLine(Path target, String line) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    try (FileChannel ch =
        FileChannel.open(
            target,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ByteBuffer buf =
          ByteBuffer.wrap((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    }
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some platforms cannot open directories; the rename is still atomic there
    }
  }
}
