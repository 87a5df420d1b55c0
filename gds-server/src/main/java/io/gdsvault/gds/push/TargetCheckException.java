package io.gdsvault.gds.push;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;

/**
 * Enabling push failed on the target's side (unreachable, credentials refused, not the expected
 * certificate). The message is meant for the operator and is returned as the method's result,
 * because a bad StatusCode alone would not say what the target answered.
 */
public final class TargetCheckException extends GdsException {

  private static final long serialVersionUID = 1L;

  public TargetCheckException(String message) {
    super(Reason.INVALID_STATE, message);
  }
}
