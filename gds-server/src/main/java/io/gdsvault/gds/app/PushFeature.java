package io.gdsvault.gds.app;

import io.gdsvault.gds.certificates.DataKeyCipher;
import io.gdsvault.gds.config.GdsSettings;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.opcua.push.MiloTargetConnector;
import io.gdsvault.gds.opcua.server.GdsServer;
import io.gdsvault.gds.opcua.server.PushVendorMethods;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.persistence.jdbc.JdbcPushRepository;
import io.gdsvault.gds.push.CertificateRequests;
import io.gdsvault.gds.push.GroupTrust;
import io.gdsvault.gds.push.PauseHook;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushSettings;
import io.gdsvault.gds.push.Sleeper;
import io.gdsvault.gds.push.TargetConnector;
import io.gdsvault.gds.push.TargetCredentials;
import io.gdsvault.signer.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wires the push engine: the JDBC job store, the OPC UA connector with the server's own application
 * certificate as client identity, the vendor methods, and the trust-change fan-out. Target
 * credentials are sealed with AES-256-GCM under a data key derived (HMAC-SHA256, its own label)
 * from the same secret as the CA keystore, so every node sharing the database can read them.
 */
public final class PushFeature implements AutoCloseable {

  /** The system property of the crash-test pause ({@link #testPause()}). */
  static final String TEST_PAUSE = "gdsvault.push.testPause";

  private final PushEngine engine;

  private PushFeature(PushEngine engine) {
    this.engine = engine;
  }

  /** Creates the engine and contributes its vendor methods (call after install, before start). */
  public static PushFeature open(
      GdsSettings settings,
      PushSettings push,
      Path dataDir,
      Transactions tx,
      DirectoryService directory,
      CertificateFeature certificates,
      GdsServer server,
      Clock clock,
      io.gdsvault.gds.push.PushAudit audit)
      throws Exception {
    TargetConnector connector =
        new MiloTargetConnector(
            server::applicationKeyPair, server::certificate, server.applicationUri(), 10_000);
    PushEngine engine =
        new PushEngine(
            new PushEngine.Parts(
                new JdbcPushRepository(),
                tx,
                connector,
                new CertificateRequests(certificates.service()),
                new GroupTrust(certificates.groups(), server::certificate),
                directory::findById,
                new TargetCredentials(new DataKeyCipher(dataKey(settings.certificates(), dataDir))),
                audit),
            new PushEngine.Environment(clock, push, Sleeper.SYSTEM, testPause()));
    server.vendorNamespace().contribute(PushVendorMethods.PUSH, PushVendorMethods.push(engine));
    return new PushFeature(engine);
  }

  /**
   * Test hook, never set in production: {@code -Dgdsvault.push.testPause=POINT} (after-trust-list,
   * before-apply-changes) stops every push at that step for ten minutes and says so on stdout, so a
   * crash test can kill the process at a known point of a push.
   */
  static PauseHook testPause() {
    String point = System.getProperty(TEST_PAUSE, "");
    if (point.isEmpty()) {
      return PauseHook.NONE;
    }
    return (reached, applicationId) -> {
      if (reached.label().equals(point)) {
        System.out.println("push test pause at " + point);
        System.out.flush();
        try {
          Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the engine stops: the push ends there
        }
      }
    };
  }

  /** Starts the schedules (after the server started). */
  public void start() {
    engine.start();
  }

  public PushEngine engine() {
    return engine;
  }

  private static byte[] dataKey(GdsSettings.CertificateSettings cs, Path dataDir) throws Exception {
    String file = cs.keystorePasswordFile();
    char[] secret =
        new SecretResolver()
            .resolve(
                CertificateFeature.KEYSTORE_PASSWORD_ENV,
                file == null || file.isBlank()
                    ? dataDir.resolve("ca").resolve("keystore.secret")
                    : Path.of(file),
                true);
    byte[] raw = new String(secret).getBytes(StandardCharsets.UTF_8);
    Arrays.fill(secret, '\0');
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      return mac.doFinal("gdsvault push credentials v1".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
