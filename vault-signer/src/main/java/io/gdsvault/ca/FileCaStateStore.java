package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CA state in a directory, for tests and a single standalone process (several nodes share state
 * through gds-server's JDBC store instead). Whole files are replaced atomically (temp, fsync,
 * rename); issued serials go to an append-only log that is fsynced per serial.
 */
public final class FileCaStateStore implements CaStateStore {

  private final Path root;
  private final Map<String, Set<BigInteger>> serialCache = new HashMap<>();

  public FileCaStateStore(Path root) throws CaException {
    this.root = root;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new CaException(Reason.STORE_FAILED, "CA state directory cannot be created", e);
    }
  }

  private static String enc(String name) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  private Path generationsFile(String caName) {
    return root.resolve("group-" + enc(caName) + ".generations");
  }

  private Path caDir(String caId) {
    return root.resolve("ca-" + enc(caId));
  }

  @Override
  public synchronized List<CaGeneration> generations(String caName) throws CaException {
    Path f = generationsFile(caName);
    if (!Files.exists(f)) {
      return List.of();
    }
    try {
      List<CaGeneration> out = new ArrayList<>();
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        String[] p = line.split("\\|", -1);
        out.add(
            new CaGeneration(
                Integer.parseInt(p[0]),
                new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8),
                new String(Base64.getUrlDecoder().decode(p[2]), StandardCharsets.UTF_8),
                Base64.getDecoder().decode(p[4]),
                Instant.ofEpochMilli(Long.parseLong(p[3]))));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new CaException(Reason.STORE_FAILED, "CA generations cannot be read", e);
    }
  }

  @Override
  public synchronized boolean addGeneration(String caName, CaGeneration g) throws CaException {
    List<CaGeneration> existing = generations(caName);
    if (existing.stream().anyMatch(e -> e.generation() == g.generation())) {
      return false;
    }
    StringBuilder b = new StringBuilder();
    List<CaGeneration> all = new ArrayList<>(existing);
    all.add(g);
    for (CaGeneration e : all) {
      b.append(e.generation())
          .append('|')
          .append(enc(e.caId()))
          .append('|')
          .append(enc(e.keyAlias()))
          .append('|')
          .append(e.createdAt().toEpochMilli())
          .append('|')
          .append(Base64.getEncoder().encodeToString(e.certificateDer()))
          .append('\n');
    }
    write(generationsFile(caName), b.toString().getBytes(StandardCharsets.UTF_8));
    return true;
  }

  private Set<BigInteger> serials(String caId) throws CaException {
    Set<BigInteger> cached = serialCache.get(caId);
    if (cached != null) {
      return cached;
    }
    Set<BigInteger> set = new HashSet<>();
    Path log = caDir(caId).resolve("serials.log");
    if (Files.exists(log)) {
      try {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          try {
            if (!line.isBlank()) {
              set.add(new BigInteger(line.trim(), 16));
            }
          } catch (NumberFormatException torn) {
            // a line torn by a crash: the serial was never used for a certificate
          }
        }
      } catch (IOException e) {
        throw new CaException(Reason.STORE_FAILED, "serial log cannot be read", e);
      }
    }
    serialCache.put(caId, set);
    return set;
  }

  @Override
  public synchronized boolean reserveSerial(String caId, BigInteger serial) throws CaException {
    Set<BigInteger> set = serials(caId);
    if (set.contains(serial)) {
      return false;
    }
    try {
      AtomicFiles.appendLine(caDir(caId).resolve("serials.log"), serial.toString(16));
    } catch (IOException e) {
      throw new CaException(Reason.STORE_FAILED, "serial cannot be reserved", e);
    }
    set.add(serial);
    return true;
  }

  @Override
  public synchronized boolean serialReserved(String caId, BigInteger serial) throws CaException {
    return serials(caId).contains(serial);
  }

  /** CRL number and revoked entries of one CA, kept in one file replaced as a whole. */
  private record State(long crlNumber, List<RevokedEntry> revoked) {}

  private State readState(String caId) throws CaException {
    Path f = caDir(caId).resolve("state");
    if (!Files.exists(f)) {
      return new State(0, List.of());
    }
    try {
      long number = 0;
      List<RevokedEntry> revoked = new ArrayList<>();
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.startsWith("crlNumber=")) {
          number = Long.parseLong(line.substring("crlNumber=".length()));
        } else if (line.startsWith("revoked=")) {
          String[] p = line.substring("revoked=".length()).split("\\|", -1);
          revoked.add(
              new RevokedEntry(
                  new BigInteger(p[0], 16), Instant.ofEpochMilli(Long.parseLong(p[1]))));
        }
      }
      return new State(number, revoked);
    } catch (IOException | RuntimeException e) {
      throw new CaException(Reason.STORE_FAILED, "CA state cannot be read", e);
    }
  }

  private void writeState(String caId, State s) throws CaException {
    StringBuilder b = new StringBuilder("crlNumber=").append(s.crlNumber()).append('\n');
    for (RevokedEntry r : s.revoked()) {
      b.append("revoked=")
          .append(r.serialNumber().toString(16))
          .append('|')
          .append(r.revokedAt().toEpochMilli())
          .append('\n');
    }
    write(caDir(caId).resolve("state"), b.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized long nextCrlNumber(String caId) throws CaException {
    State s = readState(caId);
    long next = s.crlNumber() + 1;
    writeState(caId, new State(next, s.revoked()));
    return next;
  }

  @Override
  public synchronized boolean addRevoked(String caId, RevokedEntry entry) throws CaException {
    State s = readState(caId);
    if (s.revoked().stream().anyMatch(r -> r.serialNumber().equals(entry.serialNumber()))) {
      return false;
    }
    List<RevokedEntry> all = new ArrayList<>(s.revoked());
    all.add(entry);
    writeState(caId, new State(s.crlNumber(), all));
    return true;
  }

  @Override
  public synchronized List<RevokedEntry> revoked(String caId) throws CaException {
    return List.copyOf(readState(caId).revoked());
  }

  @Override
  public synchronized void saveCrl(String caId, StoredCrl crl) throws CaException {
    Optional<StoredCrl> current = latestCrl(caId);
    if (current.isPresent() && current.get().crlNumber() >= crl.crlNumber()) {
      return;
    }
    byte[] der = crl.der();
    ByteBuffer buf = ByteBuffer.allocate(8 + der.length).putLong(crl.crlNumber()).put(der);
    write(caDir(caId).resolve("crl"), buf.array());
  }

  @Override
  public synchronized Optional<StoredCrl> latestCrl(String caId) throws CaException {
    Path f = caDir(caId).resolve("crl");
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(f));
      long number = buf.getLong();
      byte[] der = new byte[buf.remaining()];
      buf.get(der);
      return Optional.of(new StoredCrl(number, der));
    } catch (IOException | RuntimeException e) {
      throw new CaException(Reason.STORE_FAILED, "CRL cannot be read", e);
    }
  }

  private static void write(Path f, byte[] content) throws CaException {
    try {
      AtomicFiles.write(f, content);
    } catch (IOException e) {
      throw new CaException(Reason.STORE_FAILED, "CA state cannot be written", e);
    }
  }
}
