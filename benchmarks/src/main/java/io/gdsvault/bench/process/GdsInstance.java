package io.gdsvault.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code gds serve --auto-approve} from the built jar, in its own JVM with its own data directory
 * and a free port, as an operator would start it; users are added with the jar's own {@code gds
 * users add}.
 */
public final class GdsInstance implements AutoCloseable {

  /** The line {@code gds serve} prints when it accepts connections. */
  public static final Pattern LISTENING = Pattern.compile("GDS listening on (\\S+)");

  /** The key-pair pool's log lines (filled, drained). */
  public static final Pattern KEY_POOL = Pattern.compile("key pool");

  /** An external database for the GDS. */
  public record Database(String url, String user, String password) {}

  /** How to start it: jar, JVM options, database (null: embedded H2), extra YAML (or null). */
  public record Options(
      Path jar, List<String> javaOptions, @Nullable Database database, @Nullable String yaml) {}

  private final ServerProcess process;
  private final Path dir;
  private final Path jar;
  private final String url;

  private GdsInstance(ServerProcess process, Path dir, Path jar, String url) {
    this.process = process;
    this.dir = dir;
    this.jar = jar;
    this.url = url;
  }

  public static GdsInstance start(Path dir, Options o) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path keystoreSecret = dir.resolve("keystore-secret");
    secret(keystoreSecret, "bench keystore secret");
    int port = Ports.free();
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(o.javaOptions());
    cmd.addAll(
        List.of(
            "-jar",
            o.jar().toAbsolutePath().toString(),
            "serve",
            "--data",
            dir.resolve("data").toString(),
            "--port",
            Integer.toString(port),
            "--auto-approve",
            "--keystore-password-file",
            keystoreSecret.toString()));
    if (o.yaml() != null) {
      Path config = dir.resolve("gds.yaml");
      Files.writeString(config, o.yaml());
      cmd.addAll(List.of("--config", config.toString()));
    }
    Database db = o.database();
    if (db != null) {
      Path pw = dir.resolve("db-password");
      secret(pw, db.password());
      cmd.addAll(
          List.of(
              "--db-url", db.url(), "--db-user", db.user(), "--db-password-file", pw.toString()));
    }
    ServerProcess p = ServerProcess.start("gds", cmd, dir, Map.of(), List.of(LISTENING, KEY_POOL));
    try {
      String url = p.awaitEvent(LISTENING, 0, Duration.ofMinutes(3)).group(1);
      return new GdsInstance(p, dir, o.jar(), url);
    } catch (IOException | InterruptedException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  public ServerProcess process() {
    return process;
  }

  public String url() {
    return url;
  }

  public String adminPassword() throws IOException {
    return Files.readString(dir.resolve("data").resolve("initial-admin-password")).strip();
  }

  /** {@code gds users add NAME --role R ... --new-password-file F} as admin. */
  public void addUser(String name, String password, List<String> roles)
      throws IOException, InterruptedException {
    Path pw = dir.resolve("user-" + name + "-password");
    secret(pw, password);
    Path admin = dir.resolve("admin-password");
    secret(admin, adminPassword());
    List<String> cmd =
        new ArrayList<>(
            List.of(java(), "-jar", jar.toAbsolutePath().toString(), "users", "add", name));
    for (String r : roles) {
      cmd.addAll(List.of("--role", r));
    }
    cmd.addAll(
        List.of(
            "--new-password-file",
            pw.toString(),
            "--url",
            url,
            "--user",
            "admin",
            "--password-file",
            admin.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("users-add-" + name + ".log").toFile());
    pb.environment().put("GDS_CLI_HOME", dir.resolve("cli").toString());
    Process proc = pb.start();
    if (!proc.waitFor(3, TimeUnit.MINUTES) || proc.exitValue() != 0) {
      proc.destroyForcibly();
      throw new IOException(
          "gds users add "
              + name
              + " failed: "
              + Files.readString(dir.resolve("users-add-" + name + ".log")));
    }
  }

  /** Bytes under the data directory (the H2 database, PKI, CA keystore). */
  public long dataBytes() throws IOException {
    return bytesUnder(dir.resolve("data"));
  }

  /** Bytes of the embedded H2 database files. */
  public long h2Bytes() throws IOException {
    return bytesUnder(dir.resolve("data").resolve("db"));
  }

  static long bytesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  /** A secret file, mode 0600 as the GDS requires. */
  private static void secret(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content + "\n");
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
