package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.trust.RevocationStatus;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Part 12 §7.9.12 CheckRevocationStatus(Certificate) → (CertificateStatus, ValidityTime), answered
 * from this GDS's own CAs and CRLs.
 */
public final class CheckRevocationStatusHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public CheckRevocationStatusHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService service) {
    super(c, n);
    this.service = service;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("Certificate", NodeIds.ByteString)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.scalar("CertificateStatus", NodeIds.StatusCode),
      Arguments.scalar("ValidityTime", NodeIds.UtcTime)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    RevocationStatus s =
        service.checkRevocationStatus(caller, StartSigningRequestHandler.bytes(in[0]));
    long code =
        switch (s.status()) {
          case GOOD -> StatusCodes.Good;
          case REVOKED -> StatusCodes.Bad_CertificateRevoked;
          case UNKNOWN_ISSUER -> StatusCodes.Bad_CertificateChainIncomplete;
          case EXPIRED -> StatusCodes.Bad_CertificateTimeInvalid;
          case INVALID -> StatusCodes.Bad_CertificateInvalid;
        };
    return new Variant[] {
      new Variant(new StatusCode(code)),
      // no validity: the null DateTime, encoded 0 (Part 6 §5.2.2.5), not 0001-01-01
      new Variant(s.validUntil() == null ? DateTime.NULL_VALUE : new DateTime(s.validUntil()))
    };
  }
}
