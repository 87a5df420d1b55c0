package io.gdsvault.gds.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit trail.
 *
 * @param seq position in the chain, 1 for the first row, without gaps
 * @param at when it happened (milliseconds)
 * @param actor who: user name and client application, "system" or "policy"
 * @param action what, e.g. "request.approved", "application.register", "users.AddUser"
 * @param target the object acted on (request id, application id or URI, user name, thumbprint)
 * @param detail why: comment or reason, never a secret
 * @param outcome "ok" or the refusal (a status name)
 * @param prevHash the hash of row {@code seq - 1} (64 zeros for the first row)
 * @param hash SHA-256 over the canonical content and {@code prevHash}
 */
public record AuditRecord(
    long seq,
    Instant at,
    String actor,
    String action,
    String target,
    String detail,
    String outcome,
    String prevHash,
    String hash) {

  public static final String GENESIS = "0".repeat(64);

  /** The hash this row should carry given its content and previous hash. */
  public String expectedHash() {
    return hash(seq, at, actor, action, target, detail, outcome, prevHash);
  }

  /** SHA-256 over length-prefixed fields, so that no two different rows share a canonical form. */
  static String hash(
      long seq,
      Instant at,
      String actor,
      String action,
      String target,
      String detail,
      String outcome,
      String prevHash) {
    StringBuilder b = new StringBuilder();
    for (String f :
        new String[] {
          Long.toString(seq),
          Long.toString(at.toEpochMilli()),
          actor,
          action,
          target,
          detail,
          outcome,
          prevHash
        }) {
      b.append(f.length()).append(':').append(f).append('\n');
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
