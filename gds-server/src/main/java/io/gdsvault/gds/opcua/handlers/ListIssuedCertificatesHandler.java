package io.gdsvault.gds.opcua.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.jspecify.annotations.Nullable;

/**
 * Vendor {@code Certificates.ListCertificates(ApplicationId)} → Details (JSON array of issued
 * certificates; ApplicationId empty lists all). CertificateAuthorityAdmin.
 */
public final class ListIssuedCertificatesHandler extends GdsMethodHandler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final CertificateRequestService service;

  public ListIssuedCertificatesHandler(
      HandlerContext c, UaMethodNode n, CertificateRequestService s) {
    super(c, n);
    this.service = s;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("ApplicationId", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {Arguments.scalar("Details", Arguments.STRING)};
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    int ns = context.gdsNamespaceIndex();
    String text = string(in[0]).trim();
    UUID app = text.isEmpty() ? null : appId(text, ns);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (IssuedCertificateRecord c : service.issuedCertificates(caller, app)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(
          "applicationId",
          ApplicationRecordMapper.toNodeId(c.applicationId(), ns).toParseableString());
      m.put("serial", c.serial());
      m.put("thumbprint", c.thumbprint());
      m.put("certificateGroup", c.certificateGroup());
      m.put("certificateType", c.certificateType());
      m.put(
          "requestId",
          c.requestId() == null
              ? null
              : RequestIds.toNodeId(c.requestId(), ns).toParseableString());
      m.put("issuedAt", c.issuedAt().toString());
      m.put("notAfter", c.notAfter().toString());
      m.put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString());
      rows.add(m);
    }
    try {
      return new Variant[] {new Variant(JSON.writeValueAsString(rows))};
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static @Nullable UUID appId(String text, int ns) {
    NodeId id;
    try {
      id = NodeId.parse(text);
    } catch (RuntimeException e) {
      return RequestIds.parse(text, ns);
    }
    return ApplicationRecordMapper.toApplicationId(id, ns);
  }
}
