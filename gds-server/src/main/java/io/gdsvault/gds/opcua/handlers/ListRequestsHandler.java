package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.RequestState;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.List;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code CertificateRequests.ListRequests(State)} → aligned arrays describing requests;
 * State empty lists all. RegistrationAuthorityAdmin or CertificateAuthorityAdmin.
 */
public final class ListRequestsHandler extends GdsMethodHandler {

  private final CertificateRequestService service;

  public ListRequestsHandler(HandlerContext c, UaMethodNode n, CertificateRequestService s) {
    super(c, n);
    this.service = s;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("State", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("RequestIds", Arguments.STRING),
      Arguments.array("ApplicationIds", Arguments.STRING),
      Arguments.array("ApplicationUris", Arguments.STRING),
      Arguments.array("States", Arguments.STRING),
      Arguments.array("RequestedBy", Arguments.STRING),
      Arguments.array("Created", NodeIds.UtcTime),
      Arguments.array("Subjects", Arguments.STRING),
      Arguments.array("KeyTypes", Arguments.STRING),
      Arguments.array("Kinds", Arguments.STRING),
      Arguments.array("CertificateGroups", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    String state = string(in[0]);
    List<RequestState> states =
        state.isBlank()
            ? List.of()
            : List.of(
                RequestState.parse(state).orElseThrow(() -> GdsException.invalid("unknown State")));
    List<CertificateRequestRecord> list = service.list(caller, states);
    int ns = context.gdsNamespaceIndex();
    return new Variant[] {
      strings(list, r -> RequestIds.toNodeId(r.requestId(), ns).toParseableString()),
      strings(
          list, r -> ApplicationRecordMapper.toNodeId(r.applicationId(), ns).toParseableString()),
      strings(list, CertificateRequestRecord::applicationUri),
      strings(list, r -> r.state().label()),
      strings(list, CertificateRequestRecord::requestedBy),
      new Variant(list.stream().map(r -> new DateTime(r.createdAt())).toArray(DateTime[]::new)),
      strings(list, r -> r.subjectName() == null ? "" : r.subjectName()),
      strings(list, CertificateRequestRecord::keyType),
      strings(list, r -> r.kind().name()),
      strings(list, CertificateRequestRecord::certificateGroup)
    };
  }

  private static Variant strings(
      List<CertificateRequestRecord> l, Function<CertificateRequestRecord, String> f) {
    return new Variant(l.stream().map(f).toArray(String[]::new));
  }
}
