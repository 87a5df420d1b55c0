package io.gdsvault.gds.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real GDS on 127.0.0.1 with an ephemeral port and a temporary data directory. Close it to stop
 * the server and delete the directory.
 */
public final class GdsTestServer implements AutoCloseable {

  private final GdsApplication app;
  private final Path dataDir;
  private final int port;
  private final String adminPassword;
  private final String startOutput;

  private GdsTestServer(
      GdsApplication app, Path dataDir, int port, String adminPassword, String out) {
    this.app = app;
    this.dataDir = dataDir;
    this.port = port;
    this.adminPassword = adminPassword;
    this.startOutput = out;
  }

  /** Starts a GDS with test defaults (faster password hashing) plus {@code overrides}. */
  public static GdsTestServer start(Consumer<ObjectNode> overrides) throws Exception {
    Path dir = Files.createTempDirectory("gds-it-");
    return start(dir, overrides);
  }

  public static GdsTestServer start() throws Exception {
    return start(tree -> {});
  }

  /** Starts on a given data directory (restart tests). */
  public static GdsTestServer start(Path dir, Consumer<ObjectNode> overrides) throws Exception {
    return start(dir, Clock.systemUTC(), overrides);
  }

  /** Starts on a given data directory with the services' clock (time-dependent tests). */
  public static GdsTestServer start(Path dir, Clock clock, Consumer<ObjectNode> overrides)
      throws Exception {
    int port = freePort();
    GdsSettings settings =
        SettingsLoader.load(
            null,
            tree -> {
              ObjectNode server = (ObjectNode) tree.get("server");
              server.put("bind", "127.0.0.1");
              server.put("port", port);
              server.put("hostname", "localhost");
              ((ObjectNode) tree.get("security")).put("passwordHashIterations", 100_000);
              // no key pool: tests would spend minutes of CPU filling it (tests that need it turn
              // it on)
              ((ObjectNode) tree.get("certificates")).put("keyPoolSize", 0);
              overrides.accept(tree);
            });
    reuseServerKeyStore(dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GdsApplication app;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      app = GdsApplication.start(settings, dir, clock, ps);
    }
    rememberServerKeyStore(dir);
    Path pw = dir.resolve("initial-admin-password");
    String password = Files.exists(pw) ? Files.readString(pw).strip() : null;
    return new GdsTestServer(app, dir, port, password, out.toString(StandardCharsets.UTF_8));
  }

  private static final String PRIVATE = "pki/own/private/";
  private static byte[] cachedKeyStore;
  private static byte[] cachedKeyStorePassword;

  /** RSA key generation is slow on a busy machine: tests share one server key pair. */
  private static synchronized void reuseServerKeyStore(Path dir) throws IOException {
    if (cachedKeyStore != null && !Files.exists(dir.resolve(PRIVATE + "gds-server.pfx"))) {
      Files.createDirectories(dir.resolve(PRIVATE));
      Files.write(dir.resolve(PRIVATE + "gds-server.pfx"), cachedKeyStore);
      Files.write(dir.resolve(PRIVATE + "keystore-password"), cachedKeyStorePassword);
    }
  }

  private static synchronized void rememberServerKeyStore(Path dir) throws IOException {
    if (cachedKeyStore == null) {
      cachedKeyStore = Files.readAllBytes(dir.resolve(PRIVATE + "gds-server.pfx"));
      cachedKeyStorePassword = Files.readAllBytes(dir.resolve(PRIVATE + "keystore-password"));
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public GdsApplication app() {
    return app;
  }

  public String endpointUrl() {
    return app.endpointUrl();
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The admin password written on first start. */
  public String adminPassword() {
    return adminPassword;
  }

  /** What the server printed on start. */
  public String startOutput() {
    return startOutput;
  }

  /** Stops the server but keeps the data directory. */
  public void stop() {
    app.close();
  }

  @Override
  public void close() throws IOException {
    try {
      app.close();
    } catch (RuntimeException ignored) {
      // already stopped
    }
    deleteTree(dataDir);
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
