package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.TrustListContent;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code CertificateAuthorities.GetCertificateAuthority(Group)} → (CaCertificates, Crls):
 * the group's CA certificates and CRLs (DER); Group empty means DefaultApplicationGroup. Public
 * material, so any caller on an encrypted channel may read it.
 */
public final class GetCertificateAuthorityHandler extends GdsMethodHandler {

  private final CertificateGroupService groups;

  public GetCertificateAuthorityHandler(
      HandlerContext c, UaMethodNode n, CertificateGroupService groups) {
    super(c, n);
    this.groups = groups;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("Group", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("CaCertificates", NodeIds.ByteString),
      Arguments.array("Crls", NodeIds.ByteString)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    String name =
        string(in[0]).isBlank() ? CertificateGroup.DEFAULT_APPLICATION_GROUP : string(in[0]).trim();
    TrustListContent t = groups.trustList(groups.requireGroup(name));
    return new Variant[] {
      new Variant(t.trustedCertificates().stream().map(ByteString::of).toArray(ByteString[]::new)),
      new Variant(t.trustedCrls().stream().map(ByteString::of).toArray(ByteString[]::new))
    };
  }
}
