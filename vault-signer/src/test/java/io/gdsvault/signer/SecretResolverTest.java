package io.gdsvault.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come from the environment or an owner-only file generated once. */
class SecretResolverTest {

  @TempDir Path dir;

  @Test
  void theEnvironmentVariableWins() throws Exception {
    Path file = dir.resolve("secret");
    char[] s =
        new SecretResolver(n -> n.equals("PW") ? "from-env" : null).resolve("PW", file, true);
    assertThat(new String(s)).isEqualTo("from-env");
    assertThat(file).doesNotExist();
  }

  @Test
  void aMissingFileIsGeneratedOwnerOnlyAndReusedOnTheNextStart() throws Exception {
    Path file = dir.resolve("sub/secret");
    char[] first = new SecretResolver(n -> null).resolve("PW", file, true);
    assertThat(first.length).isGreaterThanOrEqualTo(43); // 256 bits, base64url
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    char[] second = new SecretResolver(n -> null).resolve("PW", file, true);
    assertThat(second).isEqualTo(first);
  }

  // A secret others can read is no secret: refuse it and say why, without printing it.
  @Test
  void aGroupOrWorldReadableFileIsRefused() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "hunter2\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> new SecretResolver(n -> null).resolve("PW", file, true))
        .isInstanceOf(SignerException.class)
        .hasMessageContaining("0600")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aMissingPinFileIsNotInvented() {
    assertThatThrownBy(
            () -> new SecretResolver(n -> null).resolve("PIN", dir.resolve("pin"), false))
        .isInstanceOf(SignerException.class);
  }
}
