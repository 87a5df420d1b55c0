package io.gdsvault.gds.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The data directory: created on first start, private to the GDS's user (directories 0700, files
 * 0600), locked for the lifetime of one GDS process ({@code DATA/.lock}), and holder of the initial
 * admin password file.
 */
public final class DataDirectory implements AutoCloseable {

  public static final String INITIAL_ADMIN_PASSWORD_FILE = "initial-admin-password";
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission>
      PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> PRIVATE_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates (if needed) and locks the directory.
   *
   * @throws DataDirectoryInUseException when another process (or server in this JVM) holds it
   */
  public static DataDirectory open(Path root) throws IOException {
    Path dir = root.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    restrictPermissions(dir);
    FileChannel channel =
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new DataDirectoryInUseException(
          "another GDS is already running on data directory " + dir);
    }
    return new DataDirectory(dir, channel, lock);
  }

  public Path root() {
    return root;
  }

  /**
   * Makes the directory tree private to the GDS's user: every directory 0700, every file 0600
   * (symbolic links are left alone). Run at open and again once the server has started (the
   * database, keystore and certificates are created after open); files created later inherit a 0700
   * directory, so nobody else reaches them either. No-op on a file system without POSIX
   * permissions.
   */
  public void restrictPermissions() throws IOException {
    restrictPermissions(root);
  }

  private static void restrictPermissions(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        try {
          Files.setPosixFilePermissions(p, Files.isDirectory(p) ? PRIVATE_DIRECTORY : PRIVATE_FILE);
        } catch (UnsupportedOperationException e) {
          return;
        } catch (java.nio.file.NoSuchFileException e) {
          // removed while walking (a temporary file): nothing to restrict
        }
      }
    }
  }

  public Path initialAdminPasswordFile() {
    return root.resolve(INITIAL_ADMIN_PASSWORD_FILE);
  }

  /**
   * Generates a random password and writes it to {@code initial-admin-password} with mode 0600
   * (created with that mode, then moved into place).
   */
  public char[] writeInitialAdminPassword() throws IOException {
    SecureRandom random = new SecureRandom();
    char[] password = new char[24];
    for (int i = 0; i < password.length; i++) {
      password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    Path tmp = root.resolve(INITIAL_ADMIN_PASSWORD_FILE + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(
        tmp, new String(password) + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
    try {
      Files.move(
          tmp,
          initialAdminPasswordFile(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, initialAdminPasswordFile(), StandardCopyOption.REPLACE_EXISTING);
    }
    return password;
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException ignored) {
      // process is ending
    }
  }

  /** Another GDS holds the directory. */
  public static final class DataDirectoryInUseException extends IOException {
    public DataDirectoryInUseException(String message) {
      super(message);
    }
  }
}
