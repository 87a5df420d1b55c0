package io.gdsvault.gds.push;

import java.util.Locale;

/**
 * The state of a target's push job as operators see it. A job waiting for its certificate request
 * to be approved stays {@code PENDING}; a failed job with retries left is {@code FAILED} with a
 * next attempt time.
 */
public enum PushState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
