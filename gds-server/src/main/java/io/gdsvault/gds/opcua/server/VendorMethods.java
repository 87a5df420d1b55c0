package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.auth.ClientTrustService;
import io.gdsvault.gds.auth.UserService;
import io.gdsvault.gds.opcua.handlers.AcceptCertificateHandler;
import io.gdsvault.gds.opcua.handlers.AddUserHandler;
import io.gdsvault.gds.opcua.handlers.GdsMethodHandler;
import io.gdsvault.gds.opcua.handlers.HandlerContext;
import io.gdsvault.gds.opcua.handlers.ListCertificatesHandler;
import io.gdsvault.gds.opcua.handlers.ListUsersHandler;
import io.gdsvault.gds.opcua.handlers.RemoveUserHandler;
import io.gdsvault.gds.opcua.handlers.SetPasswordHandler;
import io.gdsvault.gds.opcua.handlers.UnlockUserHandler;
import java.util.List;

/** Bindings of the vendor administration methods. */
public final class VendorMethods {

  private VendorMethods() {}

  static MethodBinding binding(
      String object,
      String name,
      boolean hasInputs,
      boolean hasOutputs,
      java.util.function.BiFunction<
              HandlerContext,
              org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode,
              GdsMethodHandler>
          f) {
    String path = "GdsVault." + object + "." + name;
    return new MethodBinding(
        VendorNamespace.id(path),
        name,
        hasInputs ? VendorNamespace.id(path + ".InputArguments") : null,
        hasOutputs ? VendorNamespace.id(path + ".OutputArguments") : null,
        f);
  }

  public static List<MethodBinding> users(UserService users) {
    return List.of(
        binding("Users", "AddUser", true, false, (c, n) -> new AddUserHandler(c, n, users)),
        binding("Users", "RemoveUser", true, false, (c, n) -> new RemoveUserHandler(c, n, users)),
        binding("Users", "SetPassword", true, false, (c, n) -> new SetPasswordHandler(c, n, users)),
        binding("Users", "ListUsers", false, true, (c, n) -> new ListUsersHandler(c, n, users)),
        binding("Users", "UnlockUser", true, true, (c, n) -> new UnlockUserHandler(c, n, users)));
  }

  public static List<MethodBinding> trust(ClientTrustService trust) {
    return List.of(
        binding(
            "ClientCertificates",
            "ListCertificates",
            false,
            true,
            (c, n) -> new ListCertificatesHandler(c, n, trust)),
        binding(
            "ClientCertificates",
            "AcceptCertificate",
            true,
            false,
            (c, n) -> new AcceptCertificateHandler(c, n, trust)));
  }
}
