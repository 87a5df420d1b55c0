package io.gdsvault.gds.opcua.handlers;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code Certificates.RevokeCertificates(Target)} → Revoked: Target is an ApplicationId
 * (every certificate of it) or a hexadecimal serial number. CertificateAuthorityAdmin.
 */
public final class RevokeCertificatesHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public RevokeCertificatesHandler(HandlerContext c, UaMethodNode n, CertificateRequestService s) {
    super(c, n);
    this.service = s;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("Target", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("Revoked", NodeIds.UInt32)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    String target = string(in[0]).trim();
    int n;
    if (target.contains("=")) {
      n =
          service.revokeApplication(
              caller, ListIssuedCertificatesHandler.appId(target, context.gdsNamespaceIndex()));
    } else {
      n = (int) service.revokeSerial(caller, target).stream().filter(c -> c.revoked()).count();
    }
    return new Variant[] {new Variant(uint(n))};
  }
}
