package io.gdsvault.gds.push;

import org.jspecify.annotations.Nullable;

/**
 * A push step failed. The {@link Kind} says what went wrong, so the engine decides on it (a
 * fallback, a retry, a new request) without reading the message; the message is what operators see
 * as lastError: it names the step and the target's answer (e.g. a status code name) and never
 * carries secrets.
 */
public class PushException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, as the engine needs to know it. */
  public enum Kind {
    /** The target cannot be reached (refused, timed out, GetEndpoints failed). */
    UNREACHABLE,
    /** The certificate the target presented is not one the GDS trusts for it (pin, our CA). */
    UNTRUSTED_TARGET,
    /** The target refused the user name and password. */
    CREDENTIALS_REFUSED,
    /** The target refused the secure channel (it does not trust the GDS's certificate). */
    CHANNEL_REFUSED,
    /** The target offers no SignAndEncrypt endpoint with the configured policy. */
    NO_ENDPOINT,
    /** The target does not implement the method (a fallback may apply). */
    NOT_SUPPORTED,
    /** The target had nothing to do (e.g. ApplyChanges with nothing staged). */
    NOTHING_TO_DO,
    /**
     * The target has changes of another session waiting to be applied (Bad_TransactionPending, e.g.
     * of a GDS that died before ApplyChanges, until that session times out): try again later.
     */
    BUSY,
    /** The target refused a call with another status. */
    REFUSED,
    /** The target's answer cannot be used (missing, undecodable, too large). */
    BAD_RESPONSE,
    /** The GDS's own certificate service refused or dropped the push's request. */
    REQUEST_FAILED,
    /** The target does not present the new certificate in time. */
    NOT_VERIFIED,
    /** Another node took the job over (this node's lease ran out). */
    LEASE_LOST,
    /** The engine is stopping. */
    INTERRUPTED,
    /** A local problem: stored data cannot be read, an encoding failed. */
    INTERNAL
  }

  private final Kind kind;

  public PushException(Kind kind, String message) {
    this(kind, message, null);
  }

  public PushException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** True when the target answered that it does not implement the method (fallbacks apply). */
  public boolean notSupported() {
    return kind == Kind.NOT_SUPPORTED;
  }

  /** The same failure with the step named in front of the message. */
  public PushException during(String step) {
    return new PushException(kind, step + ": " + getMessage(), this);
  }
}
