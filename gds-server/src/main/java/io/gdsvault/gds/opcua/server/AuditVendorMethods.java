package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.audit.AuditTrail;
import io.gdsvault.gds.opcua.handlers.ListAuditRecordsHandler;
import io.gdsvault.gds.opcua.handlers.VerifyAuditLogHandler;
import java.util.List;

/** Bindings of the vendor audit methods (object GdsVault.Audit). */
public final class AuditVendorMethods {

  public static final String OBJECT = "Audit";

  private AuditVendorMethods() {}

  public static List<MethodBinding> bindings(AuditTrail trail) {
    return List.of(
        VendorMethods.binding(
            OBJECT,
            "ListAuditRecords",
            true,
            true,
            (c, n) -> new ListAuditRecordsHandler(c, n, trail)),
        VendorMethods.binding(
            OBJECT,
            "VerifyAuditLog",
            false,
            true,
            (c, n) -> new VerifyAuditLogHandler(c, n, trail)));
  }
}
