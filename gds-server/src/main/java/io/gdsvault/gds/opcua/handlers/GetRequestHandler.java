package io.gdsvault.gds.opcua.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code CertificateRequests.GetRequest(RequestId)} → Details: a JSON object with the
 * request's fields and its decision history (who, when, why). Operators only.
 */
public final class GetRequestHandler extends GdsMethodHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final CertificateRequestService service;

  public GetRequestHandler(HandlerContext c, UaMethodNode n, CertificateRequestService s) {
    super(c, n);
    this.service = s;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("RequestId", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("Details", Arguments.STRING)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    var entry = service.show(caller, RequestIds.parse(string(in[0]), ns));
    CertificateRequestRecord r = entry.getKey();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", RequestIds.toNodeId(r.requestId(), ns).toParseableString());
    m.put(
        "applicationId",
        ApplicationRecordMapper.toNodeId(r.applicationId(), ns).toParseableString());
    m.put("applicationUri", r.applicationUri());
    m.put("state", r.state().label());
    m.put("kind", r.kind().name());
    m.put("certificateGroup", r.certificateGroup());
    m.put("certificateType", r.certificateType());
    m.put("subject", r.subjectName());
    m.put("subjectAltNames", r.domainNames());
    m.put("keyType", r.keyType());
    m.put("privateKeyFormat", r.privateKeyFormat() == null ? null : r.privateKeyFormat().name());
    m.put("requestedBy", r.requestedBy());
    m.put("requesterThumbprint", r.requesterThumbprint());
    m.put("created", String.valueOf(r.createdAt()));
    m.put("decidedBy", r.decidedBy());
    m.put("decidedAt", r.decidedAt() == null ? null : r.decidedAt().toString());
    m.put("decisionText", r.decisionText());
    m.put("serial", r.serial());
    m.put("delivered", r.deliveredAt() == null ? null : r.deliveredAt().toString());
    List<Map<String, String>> history =
        entry.getValue().stream()
            .map(
                (RequestHistoryEntry h) ->
                    Map.of(
                        "at",
                        h.at().toString(),
                        "actor",
                        h.actor(),
                        "action",
                        h.action(),
                        "text",
                        h.text()))
            .toList();
    m.put("history", history);
    try {
      return new Variant[] {new Variant(JSON.writeValueAsString(m))};
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
