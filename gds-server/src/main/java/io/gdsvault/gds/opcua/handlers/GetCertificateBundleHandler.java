package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateBundle;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code Certificates.GetCertificateBundle(Id)} → (Certificate, IssuerCertificates, Crls,
 * ApplicationId, Serial): Id is a RequestId (its certificate) or an ApplicationId (its newest valid
 * certificate). For downloads to devices without Part 12. Operators only.
 */
public final class GetCertificateBundleHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public GetCertificateBundleHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService s) {
    super(c, n);
    this.service = s;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("Id", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("Certificate", NodeIds.ByteString),
      Arguments.array("IssuerCertificates", NodeIds.ByteString),
      Arguments.array("Crls", NodeIds.ByteString),
      Arguments.scalar("ApplicationId", Arguments.STRING),
      Arguments.scalar("Serial", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    CertificateBundle b = service.bundle(caller, RequestIds.parse(string(in[0]), ns));
    return new Variant[] {
      new Variant(ByteString.of(b.certificate().certificateDer())),
      new Variant(b.issuerCertificates().stream().map(ByteString::of).toArray(ByteString[]::new)),
      new Variant(b.crls().stream().map(ByteString::of).toArray(ByteString[]::new)),
      new Variant(
          ApplicationRecordMapper.toNodeId(b.certificate().applicationId(), ns)
              .toParseableString()),
      new Variant(b.certificate().serial())
    };
  }
}
