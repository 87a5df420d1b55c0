package io.gdsvault.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.directory.QueryFilter;
import io.gdsvault.gds.directory.QueryPage;
import io.gdsvault.gds.directory.StoredApplication;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.web.security.Guard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** /api/v1/applications: the directory, and filing certificate requests for an application. */
public final class ApplicationsApi {

  private final GdsApplication app;

  public ApplicationsApi(GdsApplication app) {
    this.app = app;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/applications", this::list);
    r.post("/api/v1/applications", this::create);
    r.get("/api/v1/applications/{id}", this::get);
    r.put("/api/v1/applications/{id}", this::update);
    r.delete("/api/v1/applications/{id}", this::delete);
    r.post("/api/v1/applications/{id}/signing-requests", this::signingRequest);
    r.post("/api/v1/applications/{id}/key-pair-requests", this::keyPairRequest);
  }

  /** Search by ApplicationUri and name pattern and type (server, client or empty for all). */
  public List<ApplicationRecord> search(
      Caller caller, @Nullable String uri, @Nullable String name, @Nullable String type) {
    long mask =
        switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
          case "" -> 0;
          case "server" -> 1;
          case "client" -> 2;
          default -> throw ApiException.invalid("type", "must be server or client");
        };
    QueryFilter filter =
        new QueryFilter(0, 0, name == null ? "" : name, uri == null ? "" : uri, "", List.of());
    QueryPage page = app.directory().queryApplications(caller, filter, mask);
    return page.applications().stream().map(StoredApplication::record).toList();
  }

  private void list(Context ctx) {
    Caller caller = Guard.caller(ctx);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    for (ApplicationRecord a :
        Services.call(
            () ->
                search(
                    caller,
                    ctx.queryParam("uri"),
                    ctx.queryParam("name"),
                    ctx.queryParam("type")))) {
      items.add(Views.application(a, app::nodeId));
    }
    Json.send(ctx, 200, out);
  }

  private void create(Context ctx) {
    Caller caller = Guard.caller(ctx);
    ApplicationRecord r = Views.applicationBody(Json.body(ctx), null);
    UUID id = Services.call(() -> app.directory().register(caller, r));
    Json.send(ctx, 201, Views.application(r.withApplicationId(id), app::nodeId));
  }

  private void get(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    ApplicationRecord r = Services.call(() -> app.directory().get(caller, id));
    Json.send(ctx, 200, Views.application(r, app::nodeId));
  }

  private void update(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    ApplicationRecord r = Views.applicationBody(Json.body(ctx), id);
    Services.run(() -> app.directory().update(caller, r));
    Json.send(ctx, 200, Views.application(r, app::nodeId));
  }

  private void delete(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    Services.run(() -> app.directory().unregister(caller, id));
    ctx.status(204);
  }

  private void signingRequest(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    ObjectNode body = Json.body(ctx);
    byte[] csr = csrBytes(Json.required(body, "csr", Json.MAX_STRING * 4));
    String group = Json.text(body, "certificateGroup", false, 256);
    String type = Json.text(body, "certificateType", false, 256);
    UUID requestId =
        Services.call(
            () -> app.certificates().service().startSigningRequest(caller, id, group, type, csr));
    Json.send(ctx, 201, requestCreated(requestId));
  }

  private void keyPairRequest(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    ObjectNode body = Json.body(ctx);
    String subject = Json.required(body, "subject", 1024);
    List<String> domains = Json.strings(body, "domainNames");
    String format = Json.text(body, "privateKeyFormat", false, 8);
    String password = Json.text(body, "password", false, 1024);
    String group = Json.text(body, "certificateGroup", false, 256);
    String type = Json.text(body, "certificateType", false, 256);
    UUID requestId =
        Services.call(
            () ->
                app.certificates()
                    .service()
                    .startNewKeyPairRequest(
                        caller,
                        id,
                        group,
                        type,
                        subject,
                        domains,
                        format,
                        password == null ? null : password.toCharArray()));
    Json.send(ctx, 201, requestCreated(requestId));
  }

  private ObjectNode requestCreated(UUID requestId) {
    return Json.object()
        .put("requestId", requestId.toString())
        .put("nodeId", app.nodeId(requestId))
        .put("state", "new");
  }

  /** A CSR given as PEM or as base64 DER; 400 naming {@code csr} otherwise. */
  public static byte[] csrBytes(String text) {
    String t = text.trim();
    if (t.startsWith("-----BEGIN")) {
      int start = t.indexOf('\n');
      int end = t.indexOf("-----END");
      if (start < 0 || end < start) {
        throw ApiException.invalid("csr", "is not a PEM CERTIFICATE REQUEST");
      }
      t = t.substring(start, end);
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(t);
      if (der.length == 0) {
        throw ApiException.invalid("csr", "is empty");
      }
      return der;
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("csr", "must be PEM or base64 DER");
    }
  }
}
