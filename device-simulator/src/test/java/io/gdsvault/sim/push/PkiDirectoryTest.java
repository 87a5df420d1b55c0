package io.gdsvault.sim.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKI folder commits all-or-nothing, also across a crash in the middle of a commit. */
class PkiDirectoryTest {

  @TempDir Path root;

  @Test
  void openCreatesTheStandardLayout() throws Exception {
    PkiDirectory.open(root);
    for (String top : new String[] {"own", "trusted", "issuer", "rejected"}) {
      assertThat(root.resolve(top).resolve("certs")).isDirectory();
      assertThat(root.resolve(top).resolve("crl")).isDirectory();
    }
    assertThat(root.resolve("own/private")).isDirectory();
  }

  @Test
  void commitReplacesOnlyTheNamedFoldersAndKeepsTheRest() throws Exception {
    var pki = PkiDirectory.open(root);
    Files.writeString(root.resolve("trusted/crl/keep.crl"), "crl");
    Files.writeString(root.resolve("trusted/certs/old.der"), "old");
    Files.writeString(root.resolve("rejected/certs/r.der"), "r");

    pki.commit(Map.of("trusted/certs", Map.of("new.der", bytes("new"))));

    assertThat(root.resolve("trusted/certs/old.der")).doesNotExist();
    assertThat(root.resolve("trusted/certs/new.der")).hasContent("new");
    assertThat(root.resolve("trusted/crl/keep.crl")).hasContent("crl");
    assertThat(root.resolve("rejected/certs/r.der")).hasContent("r");
    assertThat(root.resolve(".staging")).doesNotExist();
  }

  @Test
  void privateKeysAreWrittenReadableByTheOwnerOnly() throws Exception {
    var pki = PkiDirectory.open(root);
    pki.commit(Map.of("own/private", Map.of("application.pem", bytes("key"))));
    assertThat(Files.getPosixFilePermissions(root.resolve("own/private/application.pem")))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  // A crash after the COMMITTED marker is rolled forward at the next open.
  @Test
  void aCommittedStagingFolderIsRolledForwardOnOpen() throws Exception {
    PkiDirectory.open(root);
    Files.writeString(root.resolve("own/certs/application.pem"), "old");
    Path staged = root.resolve(".staging/own/certs");
    Files.createDirectories(staged);
    Files.createDirectories(root.resolve(".staging/own/private"));
    Files.writeString(staged.resolve("application.pem"), "new");
    Files.writeString(root.resolve(".staging/COMMITTED"), "");

    PkiDirectory.open(root);

    assertThat(root.resolve("own/certs/application.pem")).hasContent("new");
    assertThat(root.resolve(".staging")).doesNotExist();
  }

  // A crash before the marker leaves the old state: the half-written staging folder is dropped.
  @Test
  void anUncommittedStagingFolderIsDiscardedOnOpen() throws Exception {
    PkiDirectory.open(root);
    Files.writeString(root.resolve("own/certs/application.pem"), "old");
    Path staged = root.resolve(".staging/own/certs");
    Files.createDirectories(staged);
    Files.writeString(staged.resolve("application.pem"), "half");

    PkiDirectory.open(root);

    assertThat(root.resolve("own/certs/application.pem")).hasContent("old");
    assertThat(root.resolve(".staging")).doesNotExist();
  }

  // A crash between moving the old folder away and moving the new one in still ends with the new
  // one.
  @Test
  void aCrashBetweenTheTwoMovesIsRepaired() throws Exception {
    PkiDirectory.open(root);
    Files.createDirectories(root.resolve(".previous"));
    Files.move(root.resolve("trusted"), root.resolve(".previous/trusted"));
    Files.createDirectories(root.resolve(".staging/trusted/certs"));
    Files.createDirectories(root.resolve(".staging/trusted/crl"));
    Files.writeString(root.resolve(".staging/trusted/certs/a.der"), "a");
    Files.writeString(root.resolve(".staging/COMMITTED"), "");

    var pki = PkiDirectory.open(root);

    assertThat(root.resolve("trusted/certs/a.der")).hasContent("a");
    assertThat(pki.readAll("trusted/certs")).hasSize(1);
    assertThat(root.resolve(".previous")).doesNotExist();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
