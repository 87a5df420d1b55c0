package io.gdsvault.sim.pull;

import java.time.Duration;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** How the pull client words status codes, failures and durations in its status lines. */
final class StatusText {

  private StatusText() {}

  /** The symbolic name of a status code (Bad_NotFound), else its hex value. */
  static String name(StatusCode s) {
    return StatusCodes.lookup(s.getValue())
        .map(a -> a[0])
        .orElse(String.format("0x%08X", s.getValue()));
  }

  /** The status code's name and, when it says more, the exception's message. */
  static String describe(UaException e) {
    String n = name(e.getStatusCode());
    String m = e.getMessage();
    return m == null || m.isBlank() || m.equals(n) ? n : n + " (" + m + ")";
  }

  /** Whole seconds as {@code 5s}, anything else in milliseconds. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
  }
}
