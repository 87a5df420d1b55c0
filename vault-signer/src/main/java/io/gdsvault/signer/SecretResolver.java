package io.gdsvault.signer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds a secret (keystore password, HSM PIN): first an environment variable, then a file that only
 * its owner may read (0600). A missing file can be generated on first start with 256 random bits.
 * Secrets never appear in messages: only variable names and paths do.
 */
public final class SecretResolver {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Function<String, @Nullable String> environment;

  /** Reads the process environment. */
  public SecretResolver() {
    this(System::getenv);
  }

  /** Reads {@code environment} instead of the process environment (tests, embedding). */
  public SecretResolver(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  /**
   * The secret from {@code envVar} if set and non-empty, else from {@code secretFile}; if the file
   * is absent and {@code generateIfMissing}, a new random secret is written there first.
   */
  public char[] resolve(
      @Nullable String envVar, @Nullable Path secretFile, boolean generateIfMissing)
      throws SignerException {
    if (envVar != null && !envVar.isBlank()) {
      String value = environment.apply(envVar);
      if (value != null && !value.isEmpty()) {
        return value.toCharArray();
      }
    }
    if (secretFile == null) {
      throw new SignerException("no secret: environment variable " + envVar + " is unset");
    }
    if (!Files.exists(secretFile)) {
      if (!generateIfMissing) {
        throw new SignerException("no secret: " + secretFile.getFileName() + " does not exist");
      }
      generate(secretFile);
    }
    return read(secretFile);
  }

  private static char[] read(Path file) throws SignerException {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view != null) {
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (!OWNER_ONLY.containsAll(perms)) {
          throw new SignerException(
              "secret file "
                  + file.getFileName()
                  + " must have permissions 0600 (has "
                  + PosixFilePermissions.toString(perms)
                  + ")");
        }
      }
      byte[] bytes = Files.readAllBytes(file);
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
      java.util.Arrays.fill(bytes, (byte) 0);
      int end = chars.limit();
      while (end > 0 && Character.isWhitespace(chars.get(end - 1))) {
        end--;
      }
      char[] secret = new char[end];
      chars.get(secret, 0, end);
      if (secret.length == 0) {
        throw new SignerException("secret file " + file.getFileName() + " is empty");
      }
      return secret;
    } catch (IOException e) {
      throw new SignerException("secret file " + file.getFileName() + " cannot be read", e);
    }
  }

  private static void generate(Path file) throws SignerException {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(raw);
    Path dir =
        java.util.Objects.requireNonNull(
            file.toAbsolutePath().getParent(), "secret file has no directory");
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(encoded));
        ch.force(true);
      }
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException raced) {
        // another process generated it first: keep theirs
      } catch (UnsupportedOperationException | IOException noLinks) {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      throw new SignerException("secret file " + file.getFileName() + " cannot be created", e);
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
      java.util.Arrays.fill(encoded, (byte) 0);
    }
  }
}
