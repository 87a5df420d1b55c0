package io.gdsvault.gds.trust;

import io.gdsvault.ca.CaException;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate groups and their CAs: the single source of truth for trust lists and CRLs. Every
 * change (revocation, CRL re-issue, CA rollover) bumps {@link #version()} and notifies the
 * listeners (trust list nodes, the server's own PKI), so everything that publishes trust is current
 * at once.
 */
public final class CertificateGroupService {

  private static final Logger log = LoggerFactory.getLogger(CertificateGroupService.class);

  private final List<CertificateGroup> groups;
  private final Clock clock;
  private final List<Consumer<CertificateGroupService>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong version = new AtomicLong(1);
  private volatile Instant lastUpdate;

  public CertificateGroupService(List<CertificateGroup> groups, Clock clock) {
    this.groups = List.copyOf(groups);
    this.clock = clock;
    this.lastUpdate = clock.instant();
  }

  public List<CertificateGroup> groups() {
    return groups;
  }

  public Optional<CertificateGroup> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** The group; an unknown name is an invalid argument (Part 12: Bad_InvalidArgument). */
  public CertificateGroup requireGroup(String name) {
    return group(name).orElseThrow(() -> GdsException.invalid("unknown CertificateGroupId"));
  }

  /** The type of the group; null means the group's default type. */
  public GroupCertificateType requireType(CertificateGroup group, @Nullable String typeName) {
    if (typeName == null) {
      return group.defaultType();
    }
    return group
        .type(typeName)
        .orElseThrow(() -> GdsException.invalid("CertificateTypeId is not supported by the group"));
  }

  /** Registers a listener called after every trust change. */
  public void onChange(Consumer<CertificateGroupService> listener) {
    listeners.add(listener);
  }

  /** Increases with every trust change. */
  public long version() {
    return version.get();
  }

  public Instant lastUpdate() {
    return lastUpdate;
  }

  /** Signals a change made through a CA (revocation, rollover) to every listener. */
  public void changed() {
    version.incrementAndGet();
    lastUpdate = clock.instant();
    for (Consumer<CertificateGroupService> l : listeners) {
      try {
        l.accept(this);
      } catch (RuntimeException e) {
        log.warn("trust change listener failed", e);
      }
    }
  }

  /** The group's trust list: every still-valid CA certificate of each type and its latest CRL. */
  public TrustListContent trustList(CertificateGroup group) {
    List<byte[]> certs = new ArrayList<>();
    List<byte[]> crls = new ArrayList<>();
    try {
      for (GroupCertificateType t : group.types()) {
        for (X509Certificate c : t.ca().trustedCaCertificates()) {
          certs.add(c.getEncoded());
        }
        for (X509CRL crl : t.ca().crls()) {
          crls.add(crl.getEncoded());
        }
      }
    } catch (CaException | GeneralSecurityException e) {
      throw new IllegalStateException("trust list of " + group.name() + " cannot be built", e);
    }
    return new TrustListContent(certs, crls, List.of(), List.of());
  }

  /** All CA certificates of all groups (for the server's own trust store). */
  public List<X509Certificate> allCaCertificates() {
    List<X509Certificate> out = new ArrayList<>();
    for (CertificateGroup g : groups) {
      for (GroupCertificateType t : g.types()) {
        out.addAll(t.ca().trustedCaCertificates());
      }
    }
    return out;
  }

  /** All current CRLs of all groups. */
  public List<X509CRL> allCrls() {
    List<X509CRL> out = new ArrayList<>();
    try {
      for (CertificateGroup g : groups) {
        for (GroupCertificateType t : g.types()) {
          out.addAll(t.ca().crls());
        }
      }
    } catch (CaException e) {
      throw new IllegalStateException("CRLs cannot be read", e);
    }
    return out;
  }

  /** The group and type whose CA issued {@code certificate}, if any CA here did. */
  public Optional<Issuer> issuerOf(X509Certificate certificate) {
    for (CertificateGroup g : groups) {
      for (GroupCertificateType t : g.types()) {
        Optional<List<X509Certificate>> chain = t.ca().issuerChainFor(certificate);
        if (chain.isPresent()) {
          return Optional.of(new Issuer(g, t, chain.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** A CA of this GDS that issued a certificate, with the chain above it. */
  public record Issuer(
      CertificateGroup group, GroupCertificateType type, List<X509Certificate> chain) {}

  /** CheckRevocationStatus from our own CAs and CRLs. */
  public RevocationStatus revocationStatus(byte[] certificateDer) {
    X509Certificate cert;
    try {
      cert = Certificates.parse(certificateDer);
    } catch (InvalidCertificateException e) {
      return new RevocationStatus(RevocationStatus.Status.INVALID, null);
    }
    Optional<Issuer> issuer = issuerOf(cert);
    if (issuer.isEmpty()) {
      return new RevocationStatus(RevocationStatus.Status.UNKNOWN_ISSUER, null);
    }
    Instant now = clock.instant();
    Instant notAfter = cert.getNotAfter().toInstant();
    if (notAfter.isBefore(now) || cert.getNotBefore().toInstant().isAfter(now)) {
      return new RevocationStatus(RevocationStatus.Status.EXPIRED, notAfter);
    }
    X509CRL crl = crlFor(issuer.get(), cert);
    Instant until = notAfter;
    if (crl != null
        && crl.getNextUpdate() != null
        && crl.getNextUpdate().toInstant().isBefore(until)) {
      until = crl.getNextUpdate().toInstant();
    }
    if (crl != null && crl.getRevokedCertificate(cert) != null) {
      return new RevocationStatus(RevocationStatus.Status.REVOKED, until);
    }
    return new RevocationStatus(RevocationStatus.Status.GOOD, until);
  }

  private static @Nullable X509CRL crlFor(Issuer issuer, X509Certificate cert) {
    try {
      for (X509CRL crl : issuer.type().ca().crls()) {
        if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
          try {
            crl.verify(issuer.chain().get(0).getPublicKey());
            return crl;
          } catch (GeneralSecurityException e) {
            // a CRL of another generation with the same name
          }
        }
      }
    } catch (CaException e) {
      throw new IllegalStateException("CRL cannot be read", e);
    }
    return null;
  }

  /** Revokes a serial of the CA generation {@code caId} in {@code type} and republishes at once. */
  public void revoke(GroupCertificateType type, String caId, BigInteger serial) {
    try {
      type.ca().revoke(caId, serial);
    } catch (CaException e) {
      throw new IllegalStateException("revocation failed: " + e.getMessage(), e);
    }
    changed();
  }

  /** Re-issues CRLs that are due (call periodically); notifies listeners when one changed. */
  public void reissueDueCrls() {
    boolean any = false;
    for (CertificateGroup g : groups) {
      for (GroupCertificateType t : g.types()) {
        try {
          any |= !t.ca().reissueDueCrls().isEmpty();
        } catch (CaException e) {
          log.warn("CRL re-issue of {} failed: {}", t.ca().config().caName(), e.getMessage());
        }
      }
    }
    if (any) {
      changed();
    }
  }
}
