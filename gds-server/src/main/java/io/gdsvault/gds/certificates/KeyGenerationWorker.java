package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.KeyPairs;
import io.gdsvault.ca.VerifiedCsr;
import io.gdsvault.gds.persistence.Transactions;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Makes the key pair of a new-key-pair request off the request thread: the key, the GDS's own CSR
 * for it (verified once, like a requester's at filing), the key material sealed with the password,
 * then issuance if the request was already approved. Everything but the password comes from the
 * request as stored, and a request that already has its key or is no longer open is left alone, so
 * {@link #generate} may run again for a stored request (after a restart, with the password sealed
 * in it: {@link #resume}). A failure removes the request.
 */
final class KeyGenerationWorker implements AutoCloseable {

  /** Where key pairs come from (generated on demand, or taken from a pool made ahead). */
  @FunctionalInterface
  interface KeyPairSource {
    KeyPair next(CertificateType type) throws GeneralSecurityException;
  }

  private static final Logger log = LoggerFactory.getLogger(KeyGenerationWorker.class);

  private final CertificateRequestRepository requests;
  private final Transactions tx;
  private final CertificateGroupService groups;
  private final RequestSeals seals;
  private final RequestIssuance issuance;
  private final RequestEvents events;
  private final KeyPairSource keys;
  private final ExecutorService executor;
  private final Clock clock;

  KeyGenerationWorker(
      CertificateRequestRepository requests,
      Transactions tx,
      CertificateGroupService groups,
      RequestSeals seals,
      RequestIssuance issuance,
      RequestEvents events,
      KeyPairSource keys,
      ExecutorService executor,
      Clock clock) {
    this.requests = requests;
    this.tx = tx;
    this.groups = groups;
    this.seals = seals;
    this.issuance = issuance;
    this.events = events;
    this.keys = keys;
    this.executor = executor;
    this.clock = clock;
  }

  /** Key pairs generated on demand, RSA ones of {@code rsaBits}. */
  static KeyPairSource generated(int rsaBits) {
    return type -> KeyPairs.generate(type, rsaBits);
  }

  /** One daemon thread per core. */
  static ExecutorService threads() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "gds-keygen");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Queues the key generation of the stored {@code request}; the worker owns {@code password} from
   * now on and wipes it when done.
   */
  void submit(CertificateRequestRecord request, char[] password) {
    executor.execute(() -> generate(request, password));
  }

  /**
   * Queues the key generation of a stored request that has no key yet, with the password sealed in
   * it (after a restart); false when it has no sealed password, or it cannot be opened (the request
   * is then removed with the reason).
   */
  boolean resume(CertificateRequestRecord request) {
    byte[] sealed = request.pendingSecret();
    if (sealed == null) {
      return false;
    }
    char[] password;
    try {
      password = seals.openSecret(sealed, request.requestId());
    } catch (RuntimeException e) {
      log.error("sealed password unreadable requestId={}", request.requestId(), e);
      removeFailed(request.requestId(), "the sealed password could not be opened");
      return false;
    }
    submit(request, password);
    return true;
  }

  /** Generates and stores the request's key (see the class comment); wipes {@code password}. */
  void generate(CertificateRequestRecord request, char[] password) {
    UUID requestId = request.requestId();
    MDC.put("requestId", requestId.toString());
    try {
      if (needsKey(request)) {
        CertificateRequestRecord after = store(requestId, sealedKey(request, password));
        if (after != null) {
          events.changed(after);
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      log.error("key generation failed requestId={}", requestId, e);
      removeFailed(requestId, "key generation failed");
    } finally {
      Arrays.fill(password, '\0');
      MDC.remove("requestId");
    }
  }

  private static boolean needsKey(CertificateRequestRecord r) {
    return r.kind() == RequestKind.NEW_KEY_PAIR && r.state().isOpen() && r.csrDer() == null;
  }

  /** A new key and what the request stores of it, sealed (nothing stored yet). */
  private GeneratedKey sealedKey(CertificateRequestRecord r, char[] password)
      throws GeneralSecurityException {
    GroupCertificateType type =
        groups.requireType(groups.requireGroup(r.certificateGroup()), r.certificateType());
    KeyPair pair = keys.next(type.ca().config().certificateType());
    byte[] csrDer =
        Csrs.create(
            pair,
            r.subjectName(),
            r.applicationUri(),
            RequestInputs.dnsNames(r.domainNames()),
            RequestInputs.ipAddresses(r.domainNames()));
    VerifiedCsr csr = CaErrors.call(() -> VerifiedCsr.verify(csrDer));
    PrivateKeyFormat format =
        Objects.requireNonNull(r.privateKeyFormat(), "a new key pair has its format");
    byte[] payload = NewKeyMaterial.prepare(pair.getPrivate(), pair.getPublic(), format, password);
    try {
      return new GeneratedKey(
          csr.encoded(),
          seals.sealCsr(csr, r.requestId()),
          seals.sealKey(payload, r.requestId()),
          DerCertificates.keyTypeOf(pair.getPublic()));
    } finally {
      Arrays.fill(payload, (byte) 0);
    }
  }

  /** Stores the key with the still-open request and issues if it is approved. */
  private @Nullable CertificateRequestRecord store(UUID requestId, GeneratedKey key) {
    return tx.inTransaction(
        () -> {
          CertificateRequestRecord r = requests.findForUpdate(requestId).orElse(null);
          if (r == null || !needsKey(r)) {
            return r;
          }
          CertificateRequestRecord withKey = r.withGeneratedKey(key.csrDer, key.csrSeal, key.blob);
          requests.update(withKey);
          events.record(withKey, clock.instant(), "system", "key-generated", key.keyType);
          return issuance.issueIfReady(withKey);
        });
  }

  private void removeFailed(UUID requestId, String reason) {
    try {
      tx.run(
          () ->
              requests
                  .findForUpdate(requestId)
                  .filter(r -> r.state().isOpen())
                  .ifPresent(
                      r -> {
                        CertificateRequestRecord removed =
                            r.withState(RequestState.REMOVED).withoutKey();
                        requests.update(removed);
                        events.record(removed, clock.instant(), "system", "removed", reason);
                      }));
    } catch (RuntimeException ignored) {
      // already logged
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // byte[] components: sealed bytes on their way to the database; never compared
  @SuppressWarnings("ArrayRecordComponent")
  private record GeneratedKey(byte[] csrDer, byte[] csrSeal, byte[] blob, String keyType) {}
}
