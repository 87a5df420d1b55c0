package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.push.KeyMode;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.TargetCheckException;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code Push.EnablePush(ApplicationId, EndpointUrl, SecurityPolicyUri, TargetUser,
 * TargetPassword, ExpectThumbprint, KeyMode)} → Thumbprint: connects to the target once, pins its
 * certificate and queues the first push. SecurityAdmin over SignAndEncrypt; empty SecurityPolicyUri
 * means Basic256Sha256, KeyMode is {@code csr} (default) or {@code new-key-pair}. When the target
 * cannot be reached, refuses the credentials or is not the expected certificate, the call is Good
 * with an empty Thumbprint and the reason in Error.
 */
public final class EnablePushHandler extends GdsMethodHandler {

  private final PushEngine engine;

  public EnablePushHandler(HandlerContext c, UaMethodNode n, PushEngine engine) {
    super(c, n);
    this.engine = engine;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("ApplicationId", Arguments.STRING),
      Arguments.scalar("EndpointUrl", Arguments.STRING),
      Arguments.scalar("SecurityPolicyUri", Arguments.STRING),
      Arguments.scalar("TargetUser", Arguments.STRING),
      Arguments.scalar("TargetPassword", Arguments.STRING),
      Arguments.scalar("ExpectThumbprint", Arguments.STRING),
      Arguments.scalar("KeyMode", Arguments.STRING)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("Thumbprint", Arguments.STRING), Arguments.scalar("Error", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    caller.requireRole(io.gdsvault.gds.auth.Role.SECURITY_ADMIN);
    String mode = string(in[6]).trim().toLowerCase(Locale.ROOT);
    KeyMode keyMode =
        switch (mode) {
          case "", "csr" -> KeyMode.CSR;
          case "new-key-pair" -> KeyMode.NEW_KEY_PAIR;
          default -> throw GdsException.invalid("KeyMode must be csr or new-key-pair");
        };
    char[] password = string(in[4]).toCharArray();
    try {
      String thumbprint =
          engine.enable(
              caller,
              new PushEngine.EnableRequest(
                  RequestIds.parse(string(in[0]), context.gdsNamespaceIndex()),
                  string(in[1]),
                  string(in[2]),
                  string(in[3]),
                  password,
                  string(in[5]),
                  keyMode));
      return new Variant[] {new Variant(thumbprint), new Variant("")};
    } catch (TargetCheckException e) {
      // the call worked but the target did not: say what it answered (a StatusCode could not)
      return new Variant[] {new Variant(""), new Variant(e.getMessage())};
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
