package io.gdsvault.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.CertificateBundle;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.DownloadedKey;
import io.gdsvault.gds.certificates.PrivateKeyFormat;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.certificates.RequestState;
import io.gdsvault.web.security.Guard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** /api/v1/requests: the approval queue, decisions and downloads of a request. */
public final class RequestsApi {

  private final GdsApplication app;

  public RequestsApi(GdsApplication app) {
    this.app = app;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/requests", this::list);
    r.get("/api/v1/requests/{id}", this::get);
    r.post("/api/v1/requests/{id}/approve", this::approve);
    r.post("/api/v1/requests/{id}/reject", this::reject);
    r.get("/api/v1/requests/{id}/certificate", this::certificate);
    r.get("/api/v1/requests/{id}/device.zip", this::deviceZip);
    r.get("/api/v1/requests/{id}/private-key", this::privateKey);
    r.delete("/api/v1/requests/{id}/private-key", this::deletePrivateKey);
  }

  /** The states of a {@code state} filter; every state when empty. */
  public static List<RequestState> states(@Nullable String state) {
    if (state == null || state.isEmpty()) {
      return Arrays.asList(RequestState.values());
    }
    return List.of(
        RequestState.parse(state)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "state", "must be new, approved, rejected, accepted, revoked or removed")));
  }

  private void list(Context ctx) {
    Caller caller = Guard.caller(ctx);
    List<RequestState> states = states(ctx.queryParam("state"));
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    for (CertificateRequestRecord r :
        Services.call(() -> app.certificates().service().list(caller, states))) {
      items.add(Views.request(r, app::nodeId));
    }
    Json.send(ctx, 200, out);
  }

  private void get(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    Map.Entry<CertificateRequestRecord, List<RequestHistoryEntry>> shown =
        Services.call(() -> app.certificates().service().show(caller, id));
    ObjectNode n = Views.request(shown.getKey(), app::nodeId);
    n.set("history", Views.history(shown.getValue()));
    Json.send(ctx, 200, n);
  }

  private void approve(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    String comment =
        ctx.body().isBlank() ? null : Json.text(Json.body(ctx), "comment", false, 4096);
    CertificateRequestRecord r =
        Services.call(() -> app.certificates().service().approve(caller, id, comment));
    Json.send(ctx, 200, Views.request(r, app::nodeId));
  }

  private void reject(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    String reason = Json.required(Json.body(ctx), "reason", 4096);
    CertificateRequestRecord r =
        Services.call(() -> app.certificates().service().reject(caller, id, reason));
    Json.send(ctx, 200, Views.request(r, app::nodeId));
  }

  private void certificate(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    String format = Downloads.format(ctx.queryParam("format"), "der", "pem", "base64");
    CertificateBundle b = bundle(caller, id);
    Downloads.certificate(ctx, b.certificate().certificateDer(), format, "certificate-" + id);
  }

  private void deviceZip(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    CertificateBundle b = bundle(caller, id);
    Downloads.send(
        ctx, Downloads.deviceZip(b, "certificate"), "application/zip", "device-" + id + ".zip");
  }

  /** The issued certificate of the request with its chain and CRLs (404 while none). */
  public CertificateBundle bundle(Caller caller, UUID requestId) {
    CertificateBundle b =
        Services.call(() -> app.certificates().service().bundle(caller, requestId));
    if (!requestId.equals(b.certificate().requestId())) {
      throw ApiException.notFound("certificate of the request");
    }
    return b;
  }

  private void privateKey(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    DownloadedKey key = Services.call(() -> app.certificates().service().privateKey(caller, id));
    if (key.format() == PrivateKeyFormat.PEM) {
      Downloads.send(ctx, key.key(), "application/x-pem-file", "private-key-" + id + ".pem");
    } else {
      Downloads.send(ctx, key.key(), "application/x-pkcs12", "private-key-" + id + ".pfx");
    }
  }

  private void deletePrivateKey(Context ctx) {
    Caller caller = Guard.caller(ctx);
    UUID id = Views.id(ctx.pathParam("id"), "id");
    Services.run(() -> app.certificates().service().deletePrivateKey(caller, id));
    ctx.status(204);
  }
}
