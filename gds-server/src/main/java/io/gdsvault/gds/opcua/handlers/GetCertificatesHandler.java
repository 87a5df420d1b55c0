package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §7.9.11 GetCertificates(ApplicationId, CertificateGroupId) → (CertificateTypeIds[],
 * Certificates[]): the newest valid certificate per type, arrays aligned.
 */
public final class GetCertificatesHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public GetCertificatesHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {
      Arguments.scalar("ApplicationId", Arguments.NODE_ID),
      Arguments.scalar("CertificateGroupId", Arguments.NODE_ID)
    };
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("CertificateTypeIds", Arguments.NODE_ID),
      Arguments.array("Certificates", NodeIds.ByteString)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    List<IssuedCertificateRecord> certs =
        service.certificates(
            caller,
            ApplicationRecordMapper.toApplicationId(nodeId(in[0]), context.gdsNamespaceIndex()),
            CertificateNodeIds.groupName(nodeId(in[1]), context.server().getNamespaceTable()));
    return new Variant[] {
      new Variant(
          certs.stream()
              .map(c -> CertificateNodeIds.typeNodeId(c.certificateType()))
              .toArray(NodeId[]::new)),
      new Variant(
          certs.stream().map(c -> ByteString.of(c.certificateDer())).toArray(ByteString[]::new))
    };
  }
}
