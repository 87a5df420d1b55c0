package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ClientCertificate;
import io.gdsvault.gds.auth.ClientTrustService;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor ListCertificates() → (Thumbprints[], States[], Subjects[], ApplicationUris[], NotAfter[])
 * of client certificates, rejected (strict mode) and trusted. Needs SecurityAdmin.
 */
public final class ListCertificatesHandler extends GdsMethodHandler {

  private final ClientTrustService trust;

  public ListCertificatesHandler(
      HandlerContext context, UaMethodNode node, ClientTrustService trust) {
    super(context, node);
    this.trust = trust;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[0];
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("Thumbprints", Arguments.STRING),
      Arguments.array("States", Arguments.STRING),
      Arguments.array("Subjects", Arguments.STRING),
      Arguments.array("ApplicationUris", Arguments.STRING),
      Arguments.array("NotAfter", NodeIds.UtcTime)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    List<ClientCertificate> certs = trust.list(caller);
    return new Variant[] {
      new Variant(certs.stream().map(ClientCertificate::thumbprint).toArray(String[]::new)),
      new Variant(certs.stream().map(ClientCertificate::state).toArray(String[]::new)),
      new Variant(certs.stream().map(ClientCertificate::subject).toArray(String[]::new)),
      new Variant(certs.stream().map(ClientCertificate::applicationUri).toArray(String[]::new)),
      new Variant(certs.stream().map(c -> new DateTime(c.notAfter())).toArray(DateTime[]::new))
    };
  }
}
