package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.opcua.handlers.ListApplicationsHandler;
import java.util.List;

/** Bindings of the vendor directory methods (object GdsVault.Applications). */
public final class DirectoryVendorMethods {

  public static final String OBJECT = "Applications";

  private DirectoryVendorMethods() {}

  public static List<MethodBinding> bindings(DirectoryService directory) {
    return List.of(
        VendorMethods.binding(
            OBJECT,
            "ListApplications",
            true,
            true,
            (c, n) -> new ListApplicationsHandler(c, n, directory)));
  }
}
