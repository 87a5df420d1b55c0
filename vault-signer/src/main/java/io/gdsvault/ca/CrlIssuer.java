package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocation state and CRLs, per CA generation. Each CRL carries the next CRL number from the
 * {@link CaStateStore} (so numbers only go up, across restarts and nodes), every revoked entry,
 * nextUpdate = thisUpdate + {@code lifetime}, and the issuer's AKI. A CRL falls due {@code
 * reissueBefore} ahead of its nextUpdate.
 *
 * <p>Not synchronized: the {@link CertificateAuthority} serializes revocations and re-issues.
 */
final class CrlIssuer {

  private static final Logger log = LoggerFactory.getLogger(CrlIssuer.class);

  private final CaStateStore store;
  private final Clock clock;
  private final Duration lifetime;
  private final Duration reissueBefore;

  CrlIssuer(CaStateStore store, Clock clock, Duration lifetime, Duration reissueBefore) {
    this.store = store;
    this.clock = clock;
    this.lifetime = lifetime;
    this.reissueBefore = reissueBefore;
  }

  /**
   * Records {@code serial} of {@code g} as revoked now and re-issues its CRL. Revoking it again
   * changes nothing and returns the first entry.
   */
  RevokedEntry revoke(OpenGeneration g, BigInteger serial) throws CaException {
    RevokedEntry entry = new RevokedEntry(serial, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    if (store.addRevoked(g.caId(), entry)) {
      log.info("revoked caId={} serial={}", g.caId(), serial.toString(16));
      issue(g);
      return entry;
    }
    return store.revoked(g.caId()).stream()
        .filter(r -> r.serialNumber().equals(serial))
        .findFirst()
        .orElse(entry);
  }

  /** Whether {@code caId} has a saved CRL (without parsing it). */
  boolean hasCrl(String caId) throws CaException {
    return store.latestCrl(caId).isPresent();
  }

  /** The latest saved CRL of {@code caId}, if there is one. */
  Optional<X509CRL> latest(String caId) throws CaException {
    Optional<StoredCrl> stored = store.latestCrl(caId);
    return stored.isEmpty()
        ? Optional.empty()
        : Optional.of(Certificates.parseCrl(stored.get().der()));
  }

  /**
   * When the next re-issue is due among {@code trusted}: the earliest nextUpdate minus {@code
   * reissueBefore}; now if one has no CRL; {@link Instant#MAX} if there are none.
   */
  Instant nextReissueAt(List<OpenGeneration> trusted) throws CaException {
    Instant earliest = Instant.MAX;
    for (OpenGeneration g : trusted) {
      Optional<X509CRL> crl = latest(g.caId());
      if (crl.isEmpty()) {
        return clock.instant();
      }
      Instant due = reissueAt(crl.get());
      if (due.isBefore(earliest)) {
        earliest = due;
      }
    }
    return earliest;
  }

  /** Re-issues the CRLs of {@code trusted} that are due (or missing); returns the new ones. */
  List<X509CRL> reissueDue(List<OpenGeneration> trusted) throws CaException {
    List<X509CRL> out = new ArrayList<>();
    Instant now = clock.instant();
    for (OpenGeneration g : trusted) {
      Optional<X509CRL> crl = latest(g.caId());
      if (crl.isEmpty() || !reissueAt(crl.get()).isAfter(now)) {
        out.add(issue(g));
      }
    }
    return out;
  }

  /** Issues a new CRL for {@code g} with the next CRL number and saves it. */
  X509CRL issue(OpenGeneration g) throws CaException {
    long number = store.nextCrlNumber(g.caId());
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = now.plus(lifetime);
    X509v2CRLBuilder b = new X509v2CRLBuilder(g.issuerName(), Date.from(now));
    b.setNextUpdate(Date.from(nextUpdate));
    for (RevokedEntry r : store.revoked(g.caId())) {
      b.addCRLEntry(r.serialNumber(), Date.from(r.revokedAt()), (Extensions) null);
    }
    try {
      b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
      b.addExtension(g.authorityKeyId());
    } catch (CertIOException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "CRL could not be built", e);
    }
    byte[] der = SignedDer.crl(b, g.signer());
    store.saveCrl(g.caId(), new StoredCrl(number, der));
    log.info("issued CRL caId={} crlNumber={} nextUpdate={}", g.caId(), number, nextUpdate);
    return Certificates.parseCrl(der);
  }

  private Instant reissueAt(X509CRL crl) {
    return crl.getNextUpdate().toInstant().minus(reissueBefore);
  }
}
