package io.gdsvault.sim.app;

import io.gdsvault.gds.model.net.HostNames;
import io.gdsvault.sim.fleet.Fleet;
import io.gdsvault.sim.fleet.PullFleet;
import io.gdsvault.sim.pull.PullClient;
import io.gdsvault.sim.pull.PullSettings;
import io.gdsvault.sim.push.PushTargetDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code device-sim}: push targets, pull clients and fleets. Exit 0 ok, 1 failure, 2 usage. */
@Command(
    name = "device-sim",
    mixinStandardHelpOptions = true,
    subcommands = {Main.PushTarget.class, Main.FleetCommand.class, Main.Pull.class},
    description = "GDS Vault device simulator")
public final class Main implements Callable<Integer> {

  static final long DEFAULT_MAX_TRUST_LIST_SIZE = 1024 * 1024;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs with the given output streams (tests capture them). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .registerConverter(java.time.Duration.class, Main::parseDuration)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("device-sim: " + describe(e));
              return 1;
            });
  }

  /** Durations as {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 1d} or ISO-8601. */
  static java.time.Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> java.time.Duration.ofMillis(n);
        case "s" -> java.time.Duration.ofSeconds(n);
        case "m" -> java.time.Duration.ofMinutes(n);
        case "h" -> java.time.Duration.ofHours(n);
        default -> java.time.Duration.ofDays(n);
      };
    }
    try {
      return java.time.Duration.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("not a duration (e.g. 500ms, 2s, 5m): " + text);
    }
  }

  static String describe(Exception e) {
    if (e instanceof UaException ua) {
      return ua.getStatusCode() + ": " + ua.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return 2;
  }

  /** Reads a password file: its content without a trailing line break. */
  static byte[] readPassword(Path file) throws IOException {
    String s = Files.readString(file);
    while (s.endsWith("\n") || s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty()) {
      throw new IOException("password file " + file + " is empty");
    }
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Command(
      name = "push-target",
      description = "Run one device that accepts pushes (ServerConfiguration)")
  static final class PushTarget implements Callable<Integer> {
    @Option(
        names = "--bind",
        defaultValue = "127.0.0.1",
        description = "bind address (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--port", required = true)
    int port;

    @Option(
        names = "--pki",
        required = true,
        description = "PKI folder (own, trusted, issuer, rejected)")
    Path pki;

    @Option(names = "--admin-user", required = true)
    String adminUser;

    @Option(names = "--admin-password-file", required = true)
    Path adminPasswordFile;

    @Option(names = "--auto-accept", description = "trust every client certificate (labs only)")
    boolean autoAccept;

    @Option(
        names = "--max-trust-list-size",
        defaultValue = "1048576",
        description = "bytes; 0 = no limit")
    long maxTrustListSize;

    @Option(
        names = "--max-trust-list-entries",
        defaultValue = "1000",
        description =
            "certificates and CRLs a written trust list may hold; 0 = no limit (default"
                + " ${DEFAULT-VALUE})")
    int maxTrustListEntries;

    @Override
    public Integer call() throws Exception {
      if (port < 1 || port > 65535) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--port must be 1..65535");
      }
      if (maxTrustListEntries < 0) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--max-trust-list-entries must not be negative");
      }
      byte[] password = readPassword(adminPasswordFile);
      var device =
          PushTargetDevice.start(
              new PushTargetDevice.Settings(
                  bind,
                  port,
                  pki,
                  List.of(new PushTargetDevice.User(adminUser, password, true)),
                  autoAccept,
                  maxTrustListSize,
                  false,
                  maxTrustListEntries));
      if (autoAccept) {
        System.err.println("device-sim: WARNING --auto-accept trusts every client certificate");
      }
      var stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      device.close();
                    } catch (Exception ignored) {
                      // exiting anyway
                    }
                    stopped.countDown();
                  }));
      System.out.println("device-sim listening on " + device.endpointUrl());
      System.out.flush();
      stopped.await();
      return 0;
    }
  }

  /**
   * GDS connection and request options shared by {@code pull} and {@code fleet --mode pull|both}.
   */
  static final class PullOptions {
    @Option(names = "--gds", description = "GDS endpoint URL, e.g. opc.tcp://localhost:58810/GDS")
    String gds;

    @Option(
        names = "--user",
        description =
            "GDS user (DiscoveryAdmin to register, CertificateAuthorityAdmin to request); anonymous"
                + " when unset")
    String user;

    @Option(names = "--password-file", description = "file holding the GDS user's password")
    Path passwordFile;

    @Option(
        names = "--new-key-pair",
        description = "pem|pfx: let the GDS make the key pair (default: CSR, key made here)")
    String newKeyPair;

    @Option(
        names = "--renew-at",
        defaultValue = "0.8",
        description = "renew after this fraction of the lifetime (default ${DEFAULT-VALUE})")
    double renewAt;

    @Option(
        names = "--poll-initial",
        defaultValue = "1s",
        description = "first FinishRequest polling interval (default ${DEFAULT-VALUE})")
    java.time.Duration pollInitial;

    @Option(
        names = "--poll-max",
        defaultValue = "60s",
        description =
            "polling interval cap; the interval doubles up to it (default ${DEFAULT-VALUE})")
    java.time.Duration pollMax;

    @Option(
        names = "--approval-timeout",
        description = "give up waiting for approval after this long (default: wait)")
    java.time.Duration approvalTimeout;

    @Option(
        names = "--gds-thumbprint",
        description =
            "expected SHA-1 thumbprint of the GDS certificate (default: pinned on first use)")
    String gdsThumbprint;

    @Option(
        names = "--hostname",
        description = "DNS name or IP address for the certificate (repeatable; default localhost)")
    List<String> hostnames;

    @Option(
        names = "--once",
        description = "pull or renew if due, then exit (default: keep running and renew)")
    boolean once;

    PullSettings settings(
        CommandLine cl, Path pki, @Nullable String uri, String name, List<String> discoveryUrls)
        throws IOException {
      if (gds == null || gds.isBlank()) {
        throw new CommandLine.ParameterException(cl, "--gds URL is required");
      }
      if ((user == null) != (passwordFile == null)) {
        throw new CommandLine.ParameterException(cl, "--user and --password-file go together");
      }
      PullSettings.KeyFormat format;
      if (newKeyPair == null) {
        format = PullSettings.KeyFormat.CSR;
      } else {
        format =
            switch (newKeyPair.toLowerCase(java.util.Locale.ROOT)) {
              case "pem" -> PullSettings.KeyFormat.PEM;
              case "pfx" -> PullSettings.KeyFormat.PFX;
              default ->
                  throw new CommandLine.ParameterException(cl, "--new-key-pair must be pem or pfx");
            };
      }
      if (!(renewAt >= 0.0 && renewAt <= 1.0)) {
        throw new CommandLine.ParameterException(
            cl, "--renew-at must be a fraction between 0 and 1");
      }
      if (pollInitial.isZero() || pollInitial.isNegative() || pollMax.compareTo(pollInitial) < 0) {
        throw new CommandLine.ParameterException(
            cl, "--poll-initial must be positive and not above --poll-max");
      }
      for (String h : hostnames == null ? List.<String>of() : hostnames) {
        if (!HostNames.isValid(h, HostNames.Wildcards.REFUSE)) {
          throw new CommandLine.ParameterException(
              cl, "--hostname " + h + " is not a DNS name or IP address");
        }
      }
      char[] password = null;
      if (passwordFile != null) {
        byte[] pw = readPassword(passwordFile);
        password = new String(pw, java.nio.charset.StandardCharsets.UTF_8).toCharArray();
        java.util.Arrays.fill(pw, (byte) 0);
      }
      return new PullSettings(
          gds,
          pki,
          user,
          password,
          format,
          uri,
          name,
          discoveryUrls,
          hostnames,
          renewAt,
          pollInitial,
          pollMax,
          approvalTimeout,
          gdsThumbprint);
    }
  }

  @Command(
      name = "pull",
      description =
          "Pull a certificate from a GDS (register or find the application, request, wait for"
              + " approval, install, reconnect) and renew it when due")
  static final class Pull implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin PullOptions options;

    @Option(
        names = "--pki",
        required = true,
        description = "PKI folder (own, trusted, issuer; certs and crl)")
    Path pki;

    @Option(
        names = "--application-uri",
        description =
            "default: the URI of the current certificate, else"
                + " urn:gdsvault:device-sim:HOST:pull:DIRNAME")
    String applicationUri;

    @Option(
        names = "--name",
        defaultValue = "device-sim",
        description = "ApplicationName and certificate CN (default ${DEFAULT-VALUE})")
    String name;

    @Option(
        names = "--discovery-url",
        description =
            "register as ClientAndServer with this DiscoveryUrl (repeatable; default: Client)")
    List<String> discoveryUrls;

    @Override
    public Integer call() throws Exception {
      CommandLine cl = spec.commandLine();
      PullSettings settings = options.settings(cl, pki, applicationUri, name, discoveryUrls);
      java.io.PrintWriter out = cl.getOut();
      var client =
          new PullClient(
              settings,
              java.time.Clock.systemUTC(),
              line -> {
                out.println("device-sim pull: " + line);
                out.flush();
              });
      if (options.once) {
        client.runOnce();
      } else {
        client.runForever();
      }
      return 0;
    }
  }

  @Command(
      name = "fleet",
      description =
          "Run N simulated devices in one JVM (push targets on a port range, pull clients, or"
              + " both)")
  static final class FleetCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", required = true)
    int count;

    @Option(names = "--base-port", description = "first port (push-target and both modes)")
    Integer basePort;

    @Option(names = "--dir", required = true, description = "one PKI folder per device below this")
    Path dir;

    @Option(names = "--mode", defaultValue = "push-target", description = "push-target|pull|both")
    String mode;

    @Option(names = "--bind", defaultValue = "127.0.0.1")
    String bind;

    @Option(
        names = "--admin-user",
        defaultValue = "admin",
        description = "the devices' SecurityAdmin user (push)")
    String adminUser;

    @Option(
        names = "--admin-password-file",
        description = "default: DIR/admin-password, created if missing")
    Path adminPasswordFile;

    @Option(names = "--auto-accept")
    boolean autoAccept;

    @Option(
        names = "--threads",
        defaultValue = "2",
        description = "devices started or pulling in parallel")
    int threads;

    @Option(
        names = "--full-address-space",
        description =
            "keep Milo's complete standard address space per device (default: type-model details"
                + " pruned to save memory)")
    boolean fullAddressSpace;

    @CommandLine.Mixin PullOptions pull;

    /** What a started fleet holds; closing it stops renewals and devices. */
    record Running(@Nullable Fleet pushTargets, @Nullable PullFleet pullClients, int exitCode)
        implements AutoCloseable {
      @Override
      public void close() {
        if (pullClients != null) {
          pullClients.close();
        }
        if (pushTargets != null) {
          pushTargets.close();
        }
      }
    }

    @Override
    public Integer call() throws Exception {
      Running running = start();
      if (running.exitCode() != 0 || (mode.equals("pull") && pull.once)) {
        running.close();
        return running.exitCode();
      }
      var stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    running.close();
                    stopped.countDown();
                  }));
      stopped.await();
      return 0;
    }

    /**
     * Pulls (modes pull and both) and starts the push targets (modes push-target and both). In mode
     * both every device first pulls its certificate into DIR/device-PORT as a ClientAndServer
     * application whose DiscoveryUrl is its endpoint, then starts as a push target on that PKI.
     */
    Running start() throws Exception {
      CommandLine cl = spec.commandLine();
      java.io.PrintWriter out = cl.getOut();
      boolean pulls = checkOptions(cl);
      boolean servers = !mode.equals("pull");
      java.nio.file.Files.createDirectories(dir);
      PullFleet pullFleet = null;
      if (pulls) {
        pullFleet =
            PullFleet.pullAll(
                pullDevices(cl, servers), Math.max(1, threads), java.time.Clock.systemUTC(), out);
        if (pullFleet.failures() > 0) {
          return new Running(null, pullFleet, 1);
        }
        if (mode.equals("pull") && !pull.once) {
          pullFleet.scheduleRenewals(Math.max(1, threads), out);
        }
      }
      Fleet fleet = null;
      if (servers) {
        try {
          fleet = startPushTargets();
        } catch (Exception e) {
          if (pullFleet != null) {
            pullFleet.close();
          }
          throw e;
        }
      }
      return new Running(fleet, pullFleet, 0);
    }

    /** Refuses unusable options (exit 2); true when the mode pulls. */
    private boolean checkOptions(CommandLine cl) {
      boolean pulls;
      switch (mode) {
        case "push-target" -> pulls = false;
        case "pull", "both" -> pulls = true;
        default ->
            throw new CommandLine.ParameterException(
                cl, "--mode must be push-target, pull or both");
      }
      boolean servers = !mode.equals("pull");
      if (count < 1) {
        throw new CommandLine.ParameterException(cl, "--count must be at least 1");
      }
      if (servers && (basePort == null || basePort < 1 || basePort + count - 1 > 65535)) {
        throw new CommandLine.ParameterException(cl, "--base-port must give ports within 1..65535");
      }
      if (pulls && (pull.gds == null || pull.gds.isBlank())) {
        throw new CommandLine.ParameterException(cl, "--gds URL is required in mode " + mode);
      }
      return pulls;
    }

    /** One pull client per device: DIR/pull-NNNN, or in mode both DIR/device-PORT (a server). */
    private List<PullSettings> pullDevices(CommandLine cl, boolean servers) throws IOException {
      String host = bind.equals("0.0.0.0") ? "localhost" : bind;
      List<PullSettings> devices = new java.util.ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (servers) {
          devices.add(serverDevice(cl, host, basePort + i));
        } else {
          String label = String.format(java.util.Locale.ROOT, "pull-%04d", i + 1);
          devices.add(
              pull.settings(cl, dir.resolve(label), null, "device-sim " + label, List.of()));
        }
      }
      return devices;
    }

    /** The pull settings of the push target on {@code port}: ClientAndServer at its endpoint. */
    private PullSettings serverDevice(CommandLine cl, String host, int port) throws IOException {
      Path deviceDir = dir.resolve("device-" + port);
      String url =
          "opc.tcp://"
              + (host.contains(":") ? "[" + host + "]" : host)
              + ":"
              + port
              + PushTargetDevice.PATH;
      List<String> names = new java.util.ArrayList<>(List.of("localhost"));
      if (!host.equals("localhost")) {
        names.add(host);
      }
      PullSettings base = pull.settings(cl, deviceDir, null, "device-sim " + port, List.of());
      return new PullSettings(
          base.gdsUrl(),
          deviceDir,
          base.user(),
          base.password(),
          base.keyFormat(),
          "urn:gdsvault:device-sim:" + host + ":" + port,
          "device-sim " + port,
          List.of(url),
          pull.hostnames == null ? names : pull.hostnames,
          base.renewAt(),
          base.pollInitial(),
          base.pollMax(),
          base.approvalTimeout(),
          base.gdsThumbprint());
    }

    private Fleet startPushTargets() throws Exception {
      return Fleet.start(
          new Fleet.Settings(
              bind,
              basePort,
              count,
              dir,
              adminUser,
              adminPasswordFile,
              autoAccept,
              Math.max(1, threads),
              !fullAddressSpace),
          System.out);
    }
  }
}
