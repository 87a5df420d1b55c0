package io.gdsvault.gds.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options every client command takes (CLI.md): {@code --url} (env GDS_URL), {@code --user} (env
 * GDS_USER), {@code --password-file} (or env GDS_PASSWORD), {@code --json}.
 */
public final class ClientOptions {

  /** The default local endpoint. */
  public static final String DEFAULT_URL = "opc.tcp://localhost:58810/GDS";

  @Option(names = "--url", description = "GDS endpoint (env GDS_URL; default " + DEFAULT_URL + ").")
  String url;

  @Option(names = "--user", description = "User name (env GDS_USER); anonymous when unset.")
  String user;

  @Option(
      names = "--password-file",
      description = "File holding the password (or env GDS_PASSWORD).")
  Path passwordFile;

  @Option(names = "--json", description = "Machine-readable output on stdout.")
  boolean json;

  /** Environment lookup, replaceable in tests. */
  static java.util.function.Function<String, String> env = System::getenv;

  public String url() {
    if (url != null) {
      return url;
    }
    String e = env.apply("GDS_URL");
    return e == null || e.isBlank() ? DEFAULT_URL : e;
  }

  public @Nullable String user() {
    if (user != null) {
      return user;
    }
    String e = env.apply("GDS_USER");
    return e == null || e.isBlank() ? null : e;
  }

  public boolean json() {
    return json;
  }

  /** The password from --password-file or GDS_PASSWORD; null when none is given. */
  public char @Nullable [] password() throws IOException {
    if (passwordFile != null) {
      return Files.readString(passwordFile).strip().toCharArray();
    }
    String e = env.apply("GDS_PASSWORD");
    return e == null ? null : e.toCharArray();
  }

  /** Where the CLI keeps its certificate and pinned servers (env GDS_CLI_HOME overrides). */
  public static Path home() {
    String e = env.apply("GDS_CLI_HOME");
    if (e != null && !e.isBlank()) {
      return Path.of(e);
    }
    return Path.of(System.getProperty("user.home"), ".gds-vault", "cli");
  }
}
