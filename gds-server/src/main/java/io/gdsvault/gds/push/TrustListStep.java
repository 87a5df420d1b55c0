package io.gdsvault.gds.push;

import io.gdsvault.gds.trust.TrustListContent;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of every push: replace the target's trust list with ours and apply it, read it
 * back, and add with AddCertificate what a target that ignored the whole-list write is missing.
 * Written whole, so redoing it is safe; but a push that already wrote this very list (it waits for
 * approval and is run again every poll) does not write it again, nor even connect for it: the list
 * is remembered by digest and rewritten only when ours changed.
 */
final class TrustListStep {

  private static final Logger log = LoggerFactory.getLogger(TrustListStep.class);

  /** Appended to the job's phase when the target did not keep our CRLs. */
  static final String CRLS_NOT_KEPT = "; the target did not keep our CRLs (read back without them)";

  private final TrustSource trust;
  private final PushJobs jobs;
  private final String node;

  TrustListStep(TrustSource trust, PushJobs jobs, String node) {
    this.trust = trust;
    this.jobs = jobs;
    this.node = node;
  }

  /**
   * Writes the trust list unless this push wrote the same one already; returns a note for the job's
   * phase ("" when the target kept all of it).
   */
  String ensure(TargetLink link, PushTarget job) {
    TrustListContent wanted = trust.trustList();
    String digest = digest(wanted);
    PushJob.TrustWritten before = job.job().trust();
    if (before != null && before.digest().equals(digest)) {
      return before.crlsKept() ? "" : CRLS_NOT_KEPT;
    }
    jobs.progress(job, node, "writing trust list");
    boolean crlsKept;
    try {
      crlsKept = write(link, job.applicationId(), wanted);
    } catch (PushException e) {
      throw e.during("writing the trust list");
    }
    jobs.trustWritten(job, node, new PushJob.TrustWritten(digest, crlsKept));
    return crlsKept ? "" : CRLS_NOT_KEPT;
  }

  /** Writes, applies, reads back and repairs; returns whether the target kept our CRLs. */
  private static boolean write(TargetLink link, UUID applicationId, TrustListContent wanted) {
    TargetConnector.Session s = link.session();
    if (s.writeTrustList(wanted)) {
      s.applyChanges();
      // targets may restart their endpoints on ApplyChanges: continue on a fresh session
      s = link.reconnect();
    }
    TrustListContent readBack = s.readTrustList();
    List<byte[]> missing = missing(wanted.trustedCertificates(), readBack.trustedCertificates());
    boolean crlsKept = missing(wanted.trustedCrls(), readBack.trustedCrls()).isEmpty();
    if (!crlsKept) {
      // e.g. node-opcua 2.157 answers CloseAndUpdate with Good but ignores the upload, and
      // Part 12 has no other method that carries a CRL: say so in the job and the audit row
      log.warn(
          "target applicationId={} did not take the CRLs of the trust list write", applicationId);
    }
    if (!missing.isEmpty()) {
      log.warn(
          "target ignored the trust list write; adding {} certificates with AddCertificate",
          missing.size());
      for (byte[] c : missing) {
        s.addCertificate(c, true);
      }
      s.applyChanges();
      link.reconnect();
    }
    return crlsKept;
  }

  static List<byte[]> missing(List<byte[]> wanted, List<byte[]> present) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] w : wanted) {
      if (present.stream().noneMatch(p -> Arrays.equals(p, w))) {
        out.add(w);
      }
    }
    return out;
  }

  /** SHA-256 over the four lists, each entry length-prefixed, in order. */
  static String digest(TrustListContent c) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    for (List<byte[]> list :
        List.of(c.trustedCertificates(), c.trustedCrls(), c.issuerCertificates(), c.issuerCrls())) {
      md.update(ByteBuffer.allocate(4).putInt(list.size()).array());
      for (byte[] b : list) {
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
