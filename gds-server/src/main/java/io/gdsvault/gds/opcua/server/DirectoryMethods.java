package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.handlers.FindApplicationsHandler;
import io.gdsvault.gds.opcua.handlers.GetApplicationHandler;
import io.gdsvault.gds.opcua.handlers.QueryApplicationsHandler;
import io.gdsvault.gds.opcua.handlers.QueryServersHandler;
import io.gdsvault.gds.opcua.handlers.RegisterApplicationHandler;
import io.gdsvault.gds.opcua.handlers.UnregisterApplicationHandler;
import io.gdsvault.gds.opcua.handlers.UpdateApplicationHandler;
import java.util.List;

/** The Directory's Part 12 application methods. */
public final class DirectoryMethods {

  private DirectoryMethods() {}

  public static List<MethodBinding> bindings(DirectoryService directory) {
    return List.of(
        new MethodBinding(
            GdsNodeIds.FindApplications,
            "FindApplications",
            GdsNodeIds.FindApplications_InputArguments,
            GdsNodeIds.FindApplications_OutputArguments,
            (c, n) -> new FindApplicationsHandler(c, n, directory)),
        new MethodBinding(
            GdsNodeIds.RegisterApplication,
            "RegisterApplication",
            GdsNodeIds.RegisterApplication_InputArguments,
            GdsNodeIds.RegisterApplication_OutputArguments,
            (c, n) -> new RegisterApplicationHandler(c, n, directory)),
        new MethodBinding(
            GdsNodeIds.UpdateApplication,
            "UpdateApplication",
            GdsNodeIds.UpdateApplication_InputArguments,
            null,
            (c, n) -> new UpdateApplicationHandler(c, n, directory)),
        new MethodBinding(
            GdsNodeIds.UnregisterApplication,
            "UnregisterApplication",
            GdsNodeIds.UnregisterApplication_InputArguments,
            null,
            (c, n) -> new UnregisterApplicationHandler(c, n, directory)),
        new MethodBinding(
            GdsNodeIds.GetApplication,
            "GetApplication",
            GdsNodeIds.GetApplication_InputArguments,
            GdsNodeIds.GetApplication_OutputArguments,
            (c, n) -> new GetApplicationHandler(c, n, directory)),
        new MethodBinding(
            GdsNodeIds.QueryApplications,
            "QueryApplications",
            GdsNodeIds.QueryApplications_InputArguments,
            GdsNodeIds.QueryApplications_OutputArguments,
            (c, n) -> new QueryApplicationsHandler(c, n, directory)),
        new MethodBinding(
            GdsNodeIds.QueryServers,
            "QueryServers",
            GdsNodeIds.QueryServers_InputArguments,
            GdsNodeIds.QueryServers_OutputArguments,
            (c, n) -> new QueryServersHandler(c, n, directory)));
  }
}
