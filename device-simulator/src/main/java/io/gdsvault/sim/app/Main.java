package io.gdsvault.sim.app;

import io.gdsvault.sim.fleet.Fleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.milo.opcua.stack.core.UaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code device-sim}: push targets, fleets (and later pull clients). Exit 0 ok, 1 failure, 2 usage. */
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
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("device-sim: " + describe(e));
              return 1;
            })
        .execute(args);
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

  @Command(name = "push-target", description = "Run one device that accepts pushes (ServerConfiguration)")
  static final class PushTarget implements Callable<Integer> {
    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "bind address (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--pki", required = true, description = "PKI folder (own, trusted, issuer, rejected)")
    Path pki;

    @Option(names = "--admin-user", required = true)
    String adminUser;

    @Option(names = "--admin-password-file", required = true)
    Path adminPasswordFile;

    @Option(names = "--auto-accept", description = "trust every client certificate (labs only)")
    boolean autoAccept;

    @Option(names = "--max-trust-list-size", defaultValue = "1048576", description = "bytes; 0 = no limit")
    long maxTrustListSize;

    @Override
    public Integer call() throws Exception {
      if (port < 1 || port > 65535) {
        throw new CommandLine.ParameterException(new CommandLine(this), "--port must be 1..65535");
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
                  maxTrustListSize));
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

  @Command(name = "fleet", description = "Run N simulated devices in one JVM on a port range")
  static final class FleetCommand implements Callable<Integer> {
    @Option(names = "--count", required = true)
    int count;

    @Option(names = "--base-port", required = true)
    int basePort;

    @Option(names = "--dir", required = true, description = "one PKI folder per device below this")
    Path dir;

    @Option(names = "--mode", defaultValue = "push-target", description = "push-target|pull|both")
    String mode;

    @Option(names = "--bind", defaultValue = "127.0.0.1")
    String bind;

    @Option(names = "--admin-user", defaultValue = "admin")
    String adminUser;

    @Option(names = "--admin-password-file", description = "default: DIR/admin-password, created if missing")
    Path adminPasswordFile;

    @Option(names = "--auto-accept")
    boolean autoAccept;

    @Option(names = "--threads", defaultValue = "2", description = "devices started in parallel")
    int threads;

    @Option(
        names = "--full-address-space",
        description = "keep Milo's complete standard address space per device (default: type-model details pruned to save memory)")
    boolean fullAddressSpace;

    @Override
    public Integer call() throws Exception {
      CommandLine cl = new CommandLine(this);
      switch (mode) {
        case "push-target" -> {}
        case "pull", "both" -> {
          System.err.println("device-sim: fleet mode '" + mode + "' is not available yet (pull mode comes later); use --mode push-target");
          return 1;
        }
        default -> throw new CommandLine.ParameterException(cl, "--mode must be push-target, pull or both");
      }
      if (count < 1 || basePort < 1 || basePort + count - 1 > 65535) {
        throw new CommandLine.ParameterException(cl, "--count and --base-port must give ports within 1..65535");
      }
      var fleet =
          Fleet.start(
              new Fleet.Settings(
                  bind, basePort, count, dir, adminUser, adminPasswordFile, autoAccept, Math.max(1, threads), !fullAddressSpace),
              System.out);
      var stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    fleet.close();
                    stopped.countDown();
                  }));
      stopped.await();
      return 0;
    }
  }

  @Command(name = "pull", description = "Pull a certificate from a GDS (not available yet)")
  static final class Pull implements Callable<Integer> {
    @CommandLine.Unmatched List<String> ignored;

    @Override
    public Integer call() {
      System.err.println("device-sim: pull mode is not available yet");
      return 1;
    }
  }
}
