package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.Caller;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/** Told about every GDS method call after it finished (the audit trail listens). */
public interface MethodCallObserver {

  /**
   * Called once a method call finished.
   *
   * @param method the method's BrowseName
   * @param caller the caller, built on demand
   * @param inputs the raw inputs (may hold secrets: observers pick only what is safe)
   * @param statusCode the call's status code
   */
  void called(String method, Supplier<Caller> caller, Variant[] inputs, long statusCode);

  MethodCallObserver NONE = (m, c, i, s) -> {};
}
