package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §6.5.5 UnregisterApplication(ApplicationId) with the certificate manager's part: the
 * application's certificates are revoked (CRL and trust lists updated) and its open requests
 * removed. Replaces the directory-only binding when the certificate feature is installed.
 */
public final class UnregisterAndRevokeHandler extends GdsMethodHandler {

  private final DirectoryService directory;
  private final CertificateRequestService certificates;

  public UnregisterAndRevokeHandler(
      HandlerContext c,
      UaMethodNode n,
      DirectoryService directory,
      CertificateRequestService certificates) {
    super(c, n);
    this.directory = directory;
    this.certificates = certificates;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("ApplicationId", Arguments.NODE_ID)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[0];
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    caller.requireRole(Role.DISCOVERY_ADMIN);
    UUID id = ApplicationRecordMapper.toApplicationId(nodeId(in[0]), context.gdsNamespaceIndex());
    directory.unregister(caller, id);
    certificates.revokeAll(caller, id);
    return new Variant[0];
  }
}
