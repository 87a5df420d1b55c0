package io.gdsvault.sim.pull;

import io.gdsvault.sim.push.CertificateCodec;
import io.gdsvault.sim.push.PkiDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * A signing request that waits for approval survives a restart of the device: its ids are kept in
 * {@code DIR/pull-pending.properties} and its key in {@code DIR/own/private/pending.pem} (0600), so
 * the next run polls the same request instead of filing a second one. New key pair requests are not
 * kept: their one-time password lives only in memory.
 */
final class PendingRequest {

  static final String FILE = "pull-pending.properties";
  static final String KEY_FILE = "pending.pem";

  record State(String gdsUrl, String applicationUri, NodeId applicationId, NodeId requestId) {}

  private PendingRequest() {}

  static Optional<State> load(PkiDirectory pki) {
    Path file = pki.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      Properties p = new Properties();
      p.load(in);
      return Optional.of(
          new State(
              p.getProperty("gdsUrl"),
              p.getProperty("applicationUri"),
              NodeId.parse(p.getProperty("applicationId")),
              NodeId.parse(p.getProperty("requestId"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<PrivateKey> key(PkiDirectory pki) {
    Path file = pki.resolve("own/private/" + KEY_FILE);
    try {
      return Files.exists(file)
          ? Optional.of(
              CertificateCodec.decodePrivateKey(CertificateCodec.PEM, Files.readAllBytes(file)))
          : Optional.empty();
    } catch (IOException | UaException e) {
      return Optional.empty();
    }
  }

  /** Keeps the key (beside the current application key) and then the ids. */
  static void save(PkiDirectory pki, State s, PrivateKey key) throws IOException {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    Path dir = pki.resolve("own/private");
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        for (Path f : files) {
          if (Files.isRegularFile(f)) {
            keys.put(f.getFileName().toString(), Files.readAllBytes(f));
          }
        }
      }
    }
    keys.put(KEY_FILE, CertificateCodec.toPem(key).getBytes(StandardCharsets.US_ASCII));
    pki.commit(Map.of("own/private", keys));
    Properties p = new Properties();
    p.setProperty("gdsUrl", s.gdsUrl());
    p.setProperty("applicationUri", s.applicationUri());
    p.setProperty("applicationId", s.applicationId().toParseableString());
    p.setProperty("requestId", s.requestId().toParseableString());
    Path tmp = pki.resolve(FILE + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      p.store(out, "signing request waiting for approval (device-sim pull)");
    }
    Files.move(
        tmp,
        pki.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  static void clear(PkiDirectory pki) throws IOException {
    Files.deleteIfExists(pki.resolve(FILE));
    Files.deleteIfExists(pki.resolve("own/private/" + KEY_FILE));
  }
}
