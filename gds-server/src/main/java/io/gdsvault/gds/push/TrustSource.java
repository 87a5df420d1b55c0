package io.gdsvault.gds.push;

import io.gdsvault.gds.trust.TrustListContent;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What push needs from the GDS's CAs (implemented by {@link GroupTrust}): the trust list it writes
 * to targets, the standing of a certificate, issuer chains, and news of trust changes.
 */
public interface TrustSource {

  /**
   * The list a target gets: our CAs and CRLs of the DefaultApplicationGroup, plus the GDS's own
   * certificate so it keeps access.
   */
  TrustListContent trustList();

  /**
   * The certificate types our CAs issue in the DefaultApplicationGroup (e.g. {@code
   * RsaSha256ApplicationCertificateType}), the group's default first.
   */
  List<String> issuedTypes();

  /** Issued by one of our CAs (of any generation), valid now and not revoked. */
  boolean isGood(byte[] certificateDer);

  /** Where a certificate stands with our CAs, as a renewal asks. */
  Standing standing(X509Certificate certificate);

  /** The issuer certificates (DER) above a certificate one of our CAs issued; empty otherwise. */
  List<byte[]> issuerChain(X509Certificate certificate);

  /** Calls {@code listener} after every CA or CRL change. */
  void onChange(Runnable listener);

  /** A certificate's standing, in the order a renewal checks it. */
  enum Standing {
    /** Issued by the current CA of its type and not revoked. */
    CURRENT,
    /** Not issued by any CA of this GDS. */
    NOT_OURS,
    /** Issued by a previous CA of its type (a CA rollover happened). */
    PREVIOUS_CA,
    /** Revoked. */
    REVOKED
  }
}
