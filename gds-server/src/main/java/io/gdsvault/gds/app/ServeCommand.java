package io.gdsvault.gds.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.config.SettingsException;
import io.gdsvault.gds.config.SettingsLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gds serve}: runs the GDS until SIGTERM/SIGINT. */
@Command(
    mixinStandardHelpOptions = true,
    name = "serve",
    description = "Start the GDS (creates the data directory and admin user on first start).")
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      description = "Data directory (default ./gds-data).",
      defaultValue = "gds-data")
  Path data;

  @Option(names = "--config", description = "YAML configuration file (see config/gds.yaml).")
  Path config;

  @Option(names = "--bind", description = "Bind address (default 127.0.0.1; 0.0.0.0 for all).")
  String bind;

  @Option(names = "--port", description = "TCP port (default 58810).")
  Integer port;

  @Option(names = "--hostname", description = "Host name in the endpoint URL and certificate.")
  String hostname;

  @Option(names = "--strict", description = "Reject unknown client certificates (strict mode).")
  boolean strict;

  @Option(
      names = "--auto-approve",
      description = "Approve every certificate request at once (labs only).")
  boolean autoApprove;

  @Option(names = "--db-url", description = "JDBC URL of an external database (PostgreSQL).")
  String dbUrl;

  @Option(names = "--db-user", description = "Database user.")
  String dbUser;

  @Option(names = "--db-password-file", description = "File holding the database password.")
  Path dbPasswordFile;

  @Option(names = "--web-port", description = "Web console HTTPS port (default 58843).")
  Integer webPort;

  @Option(names = "--no-web", description = "Do not start the web console.")
  boolean noWeb;

  @Option(names = "--keystore-password-file", description = "File holding the CA keystore secret.")
  Path keystorePasswordFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    GdsSettings settings;
    try {
      settings = SettingsLoader.load(config, this::override);
    } catch (SettingsException e) {
      err.println("gds serve: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (settings.certificates().autoApprove()) {
      err.println(
          "WARNING: --auto-approve is on: every certificate request is approved at once."
              + " Use it for labs and benchmarks only.");
    }
    GdsApplication app;
    try (var stdout = new java.io.PrintStream(new WriterOutputStream(out), true)) {
      app = GdsApplication.start(settings, data, Clock.systemUTC(), stdout);
    } catch (DataDirectory.DataDirectoryInUseException e) {
      err.println("gds serve: " + e.getMessage());
      err.flush();
      return 1;
    } catch (Exception e) {
      err.println("gds serve: cannot start: " + safeMessage(e));
      err.flush();
      return 1;
    }
    out.println("GDS listening on " + app.endpointUrl());
    out.flush();
    WebConsole web;
    try {
      web = startWeb(app, settings, out, err);
    } catch (Exception e) {
      err.println("gds serve: cannot start the web console: " + safeMessage(e));
      err.flush();
      app.close();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (web != null) {
                    web.close();
                  }
                  app.close();
                  stopped.countDown();
                },
                "gds-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The web console when it is enabled and in this build; null otherwise. */
  private static @Nullable WebConsole startWeb(
      GdsApplication app, GdsSettings settings, PrintWriter out, PrintWriter err) throws Exception {
    if (!settings.web().enabled()) {
      return null;
    }
    var provider = WebConsoleProvider.find();
    if (provider.isEmpty()) {
      err.println("gds serve: this build has no web console (module gds-web); serving OPC UA only");
      err.flush();
      return null;
    }
    WebConsole web = provider.get().start(app, Clock.systemUTC());
    out.println("GDS web console on " + web.url());
    out.flush();
    return web;
  }

  private void override(ObjectNode tree) {
    ObjectNode web = (ObjectNode) tree.get("web");
    if (webPort != null) {
      web.put("port", webPort);
    }
    if (noWeb) {
      web.put("enabled", false);
    }
    ObjectNode server = (ObjectNode) tree.get("server");
    ObjectNode security = (ObjectNode) tree.get("security");
    ObjectNode database = (ObjectNode) tree.get("database");
    ObjectNode certificates = (ObjectNode) tree.get("certificates");
    if (bind != null) {
      server.put("bind", bind);
    }
    if (port != null) {
      server.put("port", port);
    }
    if (hostname != null) {
      server.put("hostname", hostname);
    }
    if (strict) {
      security.put("clientCertificates", "strict");
    }
    if (dbUrl != null) {
      database.put("url", dbUrl);
    }
    if (dbUser != null) {
      database.put("user", dbUser);
    }
    if (dbPasswordFile != null) {
      database.put("passwordFile", dbPasswordFile.toString());
    }
    if (autoApprove) {
      certificates.put("autoApprove", true);
    }
    if (keystorePasswordFile != null) {
      certificates.put("keystorePasswordFile", keystorePasswordFile.toString());
    } else if (System.getenv("GDS_KEYSTORE_PASSWORD") != null) {
      certificates.put("keystorePasswordFile", "");
    }
  }

  private static String safeMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }

  /** Adapts picocli's writer to the PrintStream the application prints to. */
  private static final class WriterOutputStream extends java.io.OutputStream {
    private final PrintWriter writer;

    WriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      writer.flush();
    }

    @Override
    public void close() {
      writer.flush();
    }
  }
}
