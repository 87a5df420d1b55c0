package io.gdsvault.gds.push;

/**
 * Where the push engine records what operators did and what pushes achieved: the hash-chained audit
 * trail in production ({@code AuditTrail::append}). A call made inside a transaction joins it, so a
 * job's change and its audit row commit together. Details never hold credentials.
 */
@FunctionalInterface
public interface PushAudit {

  /** Appends one row: who, what ({@code push.*}), the application id, details, ok or failed. */
  void record(String actor, String action, String target, String detail, String outcome);

  /** Records nothing. */
  PushAudit NONE = (actor, action, target, detail, outcome) -> {};
}
