package io.gdsvault.gds.opcua.security;

/** Told how long every OPC UA method call of the GDS took (for latency metrics). */
@FunctionalInterface
public interface MethodTimingListener {

  /**
   * Called once a method call finished; must be cheap and must not throw.
   *
   * @param method the method's BrowseName
   * @param nanos the time from the call reaching the GDS's handler to its result
   * @param good whether the result's status code is Good
   */
  void timed(String method, long nanos, boolean good);

  MethodTimingListener NONE = (m, n, g) -> {};
}
