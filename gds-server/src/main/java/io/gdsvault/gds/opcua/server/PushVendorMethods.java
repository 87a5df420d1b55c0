package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.opcua.handlers.DisablePushHandler;
import io.gdsvault.gds.opcua.handlers.EnablePushHandler;
import io.gdsvault.gds.opcua.handlers.GetPushStatusHandler;
import io.gdsvault.gds.opcua.handlers.RunPushHandler;
import io.gdsvault.gds.push.PushEngine;
import java.util.List;

/** Vendor object {@code GdsVault.Push}: enable, disable, run and status of push targets. */
public final class PushVendorMethods {

  public static final String PUSH = "Push";

  private PushVendorMethods() {}

  public static List<MethodBinding> push(PushEngine engine) {
    return List.of(
        VendorMethods.binding(
            PUSH, "EnablePush", true, true, (c, n) -> new EnablePushHandler(c, n, engine)),
        VendorMethods.binding(
            PUSH, "DisablePush", true, false, (c, n) -> new DisablePushHandler(c, n, engine)),
        VendorMethods.binding(
            PUSH, "RunPush", true, false, (c, n) -> new RunPushHandler(c, n, engine)),
        VendorMethods.binding(
            PUSH, "GetPushStatus", true, true, (c, n) -> new GetPushStatusHandler(c, n, engine)));
  }
}
