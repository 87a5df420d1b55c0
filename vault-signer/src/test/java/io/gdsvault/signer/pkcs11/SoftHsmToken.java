package io.gdsvault.signer.pkcs11;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SoftHSM2 token made for this test JVM. SoftHSM reads SOFTHSM2_CONF when the library is loaded,
 * so surefire puts that variable in the JVM's environment (see the module POM) and this class
 * writes the file it names before the library is first used, then initialises one token.
 */
final class SoftHsmToken {

  static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  static final String USER_PIN = "5678";
  private static final String SO_PIN = "1234";
  private static Long slot;

  private SoftHsmToken() {}

  /** The slot of the initialised token; aborts (skips) the test if SoftHSM2 is not installed. */
  static synchronized long slot() throws IOException, InterruptedException {
    assumeTrue(
        Files.exists(LIBRARY),
        "SoftHSM2 is not installed (" + LIBRARY + " missing): apt-get install softhsm2");
    if (slot != null) {
      return slot;
    }
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      throw new IllegalStateException(
          "SOFTHSM2_CONF is not set for this JVM; run the tests through Maven (surefire sets it)");
    }
    Path confFile = Path.of(conf);
    Path tokens = confFile.resolveSibling("tokens");
    if (Files.exists(tokens)) {
      try (var walk = Files.walk(tokens)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(
        confFile,
        "directories.tokendir = "
            + tokens.toAbsolutePath()
            + "\n"
            + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
    ProcessBuilder pb =
        new ProcessBuilder(
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "gdsvault-test",
            "--so-pin",
            SO_PIN,
            "--pin",
            USER_PIN);
    pb.environment().put("SOFTHSM2_CONF", confFile.toAbsolutePath().toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("softhsm2-util --init-token failed: " + out);
    }
    Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("cannot find the token slot in: " + out);
    }
    slot = Long.parseLong(m.group(1));
    return slot;
  }
}
