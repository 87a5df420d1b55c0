package io.gdsvault.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of WEB.md, and the parsing of ids and application bodies. */
public final class Views {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Views() {}

  /** A path id: a UUID (any case), else 400 naming the parameter. */
  public static UUID id(@Nullable String text, String field) {
    if (text == null || !UUID_TEXT.matcher(text).matches()) {
      throw ApiException.invalid(
          field, "must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e");
    }
    return UUID.fromString(text.toLowerCase(Locale.ROOT));
  }

  public static String typeName(ApplicationType t) {
    return switch (t) {
      case SERVER -> "Server";
      case CLIENT -> "Client";
      case CLIENT_AND_SERVER -> "ClientAndServer";
      case DISCOVERY_SERVER -> "DiscoveryServer";
    };
  }

  public static ApplicationType parseType(String text, String field) {
    String t = text.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return switch (t) {
      case "server" -> ApplicationType.SERVER;
      case "client" -> ApplicationType.CLIENT;
      case "clientandserver" -> ApplicationType.CLIENT_AND_SERVER;
      case "discoveryserver" -> ApplicationType.DISCOVERY_SERVER;
      default ->
          throw ApiException.invalid(
              field, "must be Server, Client, ClientAndServer or DiscoveryServer");
    };
  }

  public static ObjectNode application(ApplicationRecord r, Function<UUID, String> nodeIds) {
    ObjectNode n = Json.object();
    n.put("applicationId", r.id().toString());
    n.put("nodeId", nodeIds.apply(r.id()));
    n.put("applicationUri", r.applicationUri());
    n.put("applicationType", typeName(r.applicationType()));
    ArrayNode names = n.putArray("applicationNames");
    r.applicationNames().forEach(x -> names.add(x.text()));
    n.put("productUri", r.productUri());
    ArrayNode urls = n.putArray("discoveryUrls");
    r.discoveryUrls().forEach(urls::add);
    ArrayNode caps = n.putArray("serverCapabilities");
    r.serverCapabilities().forEach(caps::add);
    return n;
  }

  /** The application fields of a POST or PUT body (shape only; the directory validates). */
  public static ApplicationRecord applicationBody(ObjectNode body, @Nullable UUID id) {
    String uri = Json.required(body, "applicationUri", 2048);
    ApplicationType type = parseType(Json.required(body, "applicationType", 64), "applicationType");
    List<LocalizedName> names = new ArrayList<>();
    JsonNode raw = body.get("applicationNames");
    if (raw != null && raw.isTextual()) {
      names.add(LocalizedName.of(raw.asText()));
    } else if (raw != null && raw.isArray()) {
      names.addAll(names(raw));
    } else if (raw != null && !raw.isNull()) {
      throw ApiException.invalid("applicationNames", "must be an array of strings");
    }
    if (names.isEmpty()) {
      throw ApiException.invalid("applicationNames", "needs at least one name");
    }
    String product = Json.text(body, "productUri", false, 2048);
    return new ApplicationRecord(
        id,
        uri,
        type,
        names,
        product == null ? "" : product,
        Json.strings(body, "discoveryUrls"),
        Json.strings(body, "serverCapabilities"));
  }

  private static List<LocalizedName> names(JsonNode array) {
    if (array.size() > Json.MAX_ARRAY) {
      throw ApiException.invalid("applicationNames", "has too many elements");
    }
    List<LocalizedName> out = new ArrayList<>();
    for (JsonNode e : array) {
      if (e.isTextual()) {
        out.add(LocalizedName.of(e.asText()));
      } else if (e.isObject() && e.path("text").isTextual()) {
        out.add(new LocalizedName(e.path("locale").asText(""), e.path("text").asText()));
      } else {
        throw ApiException.invalid(
            "applicationNames", "must be strings or {\"locale\", \"text\"} objects");
      }
    }
    return out;
  }

  public static ObjectNode request(CertificateRequestRecord r, Function<UUID, String> nodeIds) {
    ObjectNode n = Json.object();
    n.put("requestId", r.requestId().toString());
    n.put("nodeId", nodeIds.apply(r.requestId()));
    n.put("applicationId", r.applicationId().toString());
    n.put("applicationNodeId", nodeIds.apply(r.applicationId()));
    n.put("applicationUri", r.applicationUri());
    n.put("state", r.state().label());
    n.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
    n.put("requestedBy", r.requestedBy());
    n.put("created", r.createdAt().toString());
    n.put("certificateGroup", r.certificateGroup());
    n.put("certificateType", r.certificateType());
    n.put("subjectName", r.subjectName());
    ArrayNode dns = n.putArray("domainNames");
    r.domainNames().forEach(dns::add);
    putNullable(
        n, "privateKeyFormat", r.privateKeyFormat() == null ? null : r.privateKeyFormat().name());
    putNullable(n, "decidedBy", r.decidedBy());
    putNullable(n, "decidedAt", instant(r.decidedAt()));
    putNullable(n, "decisionText", r.decisionText());
    putNullable(n, "serial", r.serial());
    n.put("certificateIssued", r.issued());
    n.put("privateKeyAvailable", r.keyBlob() != null);
    return n;
  }

  public static ArrayNode history(List<RequestHistoryEntry> history) {
    ArrayNode a = Json.array();
    for (RequestHistoryEntry h : history) {
      a.addObject()
          .put("at", h.at().toString())
          .put("actor", h.actor())
          .put("action", h.action())
          .put("text", h.text());
    }
    return a;
  }

  public static ObjectNode certificate(IssuedCertificateRecord c, Function<UUID, String> nodeIds) {
    ObjectNode n = Json.object();
    n.put("serial", c.serial());
    n.put("applicationId", c.applicationId().toString());
    n.put("applicationNodeId", nodeIds.apply(c.applicationId()));
    n.put("certificateGroup", c.certificateGroup());
    n.put("certificateType", c.certificateType());
    putNullable(n, "requestId", c.requestId() == null ? null : c.requestId().toString());
    n.put("thumbprint", c.thumbprint());
    n.put("notAfter", c.notAfter().toString());
    n.put("issuedAt", c.issuedAt().toString());
    n.put("revoked", c.revoked());
    putNullable(n, "revokedAt", instant(c.revokedAt()));
    return n;
  }

  private static @Nullable String instant(@Nullable Instant i) {
    return i == null ? null : i.toString();
  }

  private static void putNullable(ObjectNode n, String field, @Nullable String value) {
    if (value == null) {
      n.putNull(field);
    } else {
      n.put(field, value);
    }
  }
}
