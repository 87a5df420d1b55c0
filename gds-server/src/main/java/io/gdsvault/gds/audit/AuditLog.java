package io.gdsvault.gds.audit;

import io.gdsvault.gds.auth.Caller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Receives security-relevant events from services. The OPC UA layer raises them as the standard
 * Part 12 audit events; other sinks (a database trail) can be added beside it.
 */
public interface AuditLog {

  /**
   * An application record was registered, updated or unregistered (or such an attempt failed).
   *
   * @param method the Part 12 method name, e.g. "RegisterApplication"
   * @param applicationId the record's id, null when unknown
   */
  void applicationRegistrationChanged(
      Caller caller,
      String method,
      @Nullable UUID applicationId,
      @Nullable String applicationUri,
      boolean success);

  /** An audit log that drops everything (unit tests). */
  AuditLog NONE = (caller, method, applicationId, applicationUri, success) -> {};
}
