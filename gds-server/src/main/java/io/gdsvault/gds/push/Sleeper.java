package io.gdsvault.gds.push;

import java.time.Duration;

/**
 * How the engine waits between tries (reconnecting after ApplyChanges, verifying). Injected, so
 * tests move a fake clock instead of sleeping; every wait loop is also bounded by a number of
 * tries, so it ends under a clock that never moves.
 */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration d) throws InterruptedException;

  /** {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());
}
