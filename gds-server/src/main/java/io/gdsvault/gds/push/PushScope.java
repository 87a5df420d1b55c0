package io.gdsvault.gds.push;

import org.jspecify.annotations.Nullable;

/**
 * What a push does: {@code TRUST} writes the trust list only (CA or CRL change fan-out); {@code
 * FULL} writes the trust list and then installs a new certificate.
 */
public enum PushScope {
  TRUST,
  FULL;

  /** The wider of two scopes: a queued full push also carries the newest trust list. */
  public PushScope widen(@Nullable PushScope other) {
    return other == null || this == FULL ? this : other;
  }
}
