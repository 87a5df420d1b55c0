package io.gdsvault.sim.fleet;

import io.gdsvault.sim.push.PushTargetDevice;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many push targets in one JVM. Milo servers built with default settings already share the stack's
 * executors and Netty event loop, so the per-device cost is the address space and the PKI.
 */
public final class Fleet implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Fleet.class);

  /** Fleet settings; devices get ports basePort..basePort+count-1 and folders DIR/device-PORT. */
  public record Settings(
      String bind,
      int basePort,
      int count,
      Path dir,
      String adminUser,
      Path adminPasswordFile,
      boolean autoAccept,
      int threads,
      boolean lean) {}

  private final List<PushTargetDevice> devices;

  private Fleet(List<PushTargetDevice> devices) {
    this.devices = devices;
  }

  public List<PushTargetDevice> devices() {
    return Collections.unmodifiableList(devices);
  }

  public static Fleet start(Settings s, PrintStream out) throws Exception {
    Files.createDirectories(s.dir());
    byte[] password = adminPassword(s, out);
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(s.threads());
    List<Future<PushTargetDevice>> futures = new ArrayList<>();
    for (int i = 0; i < s.count(); i++) {
      int port = s.basePort() + i;
      futures.add(
          pool.submit(
              () ->
                  PushTargetDevice.start(
                      new PushTargetDevice.Settings(
                          s.bind(),
                          port,
                          s.dir().resolve("device-" + port),
                          List.of(new PushTargetDevice.User(s.adminUser(), password, true)),
                          s.autoAccept(),
                          1024 * 1024,
                          s.lean()))));
    }
    List<PushTargetDevice> started = new ArrayList<>();
    Exception failure = null;
    for (Future<PushTargetDevice> f : futures) {
      try {
        started.add(f.get());
      } catch (Exception e) {
        failure = failure == null ? e : failure;
      }
    }
    pool.shutdown();
    var fleet = new Fleet(started);
    if (failure != null) {
      fleet.close();
      throw failure;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    for (PushTargetDevice d : started) {
      log.debug("device listening on {}", d.endpointUrl());
    }
    out.printf(
        "device-sim fleet: %d push targets listening on %s .. %s (started in %d ms, heap used %d MB"
            + " after GC, max heap %d MB)%n",
        started.size(),
        started.get(0).endpointUrl(),
        started.get(started.size() - 1).endpointUrl(),
        ms,
        usedMb,
        rt.maxMemory() / (1024 * 1024));
    out.flush();
    return fleet;
  }

  private static byte[] adminPassword(Settings s, PrintStream out) throws IOException {
    Path file =
        s.adminPasswordFile() != null ? s.adminPasswordFile() : s.dir().resolve("admin-password");
    if (!Files.exists(file) && s.adminPasswordFile() == null) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.writeString(file, pw + "\n");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not POSIX
      }
      out.println(
          "device-sim fleet: admin password for user '" + s.adminUser() + "' written to " + file);
    }
    String pw = Files.readString(file).strip();
    if (pw.isEmpty()) {
      throw new IOException("password file " + file + " is empty");
    }
    return pw.getBytes(StandardCharsets.UTF_8);
  }

  /** Stops all devices, several at a time (a sequential stop of hundreds takes minutes). */
  @Override
  public void close() {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Math.min(8, devices.size())));
    for (PushTargetDevice d : devices) {
      pool.execute(
          () -> {
            try {
              d.close();
            } catch (Exception e) {
              log.warn("Device {} did not stop cleanly", d.endpointUrl(), e);
            }
          });
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)) {
        log.warn("Some devices were still stopping after 5 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
