package io.gdsvault.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.ca.PemEncoding;
import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.gdsvault.web.security.Guard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** /api/v1/groups (CA certificates, CRLs) and /api/v1/certificates (issued, revocation). */
public final class CatalogApi {

  private final GdsApplication app;
  private final Clock clock;

  public CatalogApi(GdsApplication app, Clock clock) {
    this.app = app;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/groups", this::groups);
    r.get("/api/v1/groups/{group}/ca", this::ca);
    r.get("/api/v1/groups/{group}/crl", this::crl);
    r.get("/api/v1/certificates", this::certificates);
    r.post("/api/v1/certificates/{serial}/revoke", this::revoke);
  }

  private void groups(Context ctx) {
    Guard.caller(ctx);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    for (CertificateGroup g : app.certificates().groups().groups()) {
      ObjectNode n = items.addObject().put("name", g.name());
      ArrayNode types = n.putArray("types");
      for (GroupCertificateType t : g.types()) {
        X509Certificate ca = t.ca().currentCaCertificate();
        types
            .addObject()
            .put("name", t.name())
            .put("caSubject", ca.getSubjectX500Principal().getName())
            .put("caThumbprint", io.gdsvault.ca.CertificateAuthority.thumbprint(ca))
            .put("caNotAfter", ca.getNotAfter().toInstant().toString());
      }
    }
    Json.send(ctx, 200, out);
  }

  private void ca(Context ctx) {
    Guard.caller(ctx);
    String format = Downloads.format(ctx.queryParam("format"), "der", "pem");
    GroupCertificateType t = type(ctx);
    byte[] der = PemEncoding.der(t.ca().currentCaCertificate());
    Downloads.certificate(ctx, der, format, ctx.pathParam("group") + "-ca");
  }

  private void crl(Context ctx) {
    Guard.caller(ctx);
    String format = Downloads.format(ctx.queryParam("format"), "der", "pem");
    GroupCertificateType t = type(ctx);
    Downloads.crl(ctx, Downloads.crlDer(t), format, ctx.pathParam("group"));
  }

  private GroupCertificateType type(Context ctx) {
    return Downloads.groupType(
        app.certificates().groups(), ctx.pathParam("group"), ctx.queryParam("type"));
  }

  /** Issued certificates, optionally only those expiring within N days or only revoked ones. */
  public List<IssuedCertificateRecord> issued(
      Caller caller, @Nullable String expiringWithinDays, @Nullable String revoked) {
    List<IssuedCertificateRecord> all =
        Services.call(() -> app.certificates().service().issuedCertificates(caller, null));
    Instant now = clock.instant();
    if (expiringWithinDays != null && !expiringWithinDays.isEmpty()) {
      int days;
      try {
        days = Integer.parseInt(expiringWithinDays);
      } catch (NumberFormatException e) {
        throw ApiException.invalid("expiringWithinDays", "must be a number of days");
      }
      if (days < 0 || days > 36_500) {
        throw ApiException.invalid("expiringWithinDays", "must be 0..36500");
      }
      Instant limit = now.plus(Duration.ofDays(days));
      all =
          all.stream()
              .filter(
                  c -> !c.revoked() && c.notAfter().isAfter(now) && !c.notAfter().isAfter(limit))
              .toList();
    }
    if ("true".equals(revoked)) {
      all = all.stream().filter(IssuedCertificateRecord::revoked).toList();
    }
    return all;
  }

  private void certificates(Context ctx) {
    Caller caller = Guard.caller(ctx);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    for (IssuedCertificateRecord c :
        issued(caller, ctx.queryParam("expiringWithinDays"), ctx.queryParam("revoked"))) {
      items.add(Views.certificate(c, app::nodeId));
    }
    Json.send(ctx, 200, out);
  }

  private void revoke(Context ctx) {
    Caller caller = Guard.caller(ctx);
    String serial = ctx.pathParam("serial");
    if (!serial.matches("[0-9a-fA-F]{1,64}")) {
      throw ApiException.invalid("serial", "must be hexadecimal");
    }
    List<IssuedCertificateRecord> revoked =
        Services.call(() -> app.certificates().service().revokeSerial(caller, serial));
    if (revoked.isEmpty()) {
      throw ApiException.notFound("certificate");
    }
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    revoked.forEach(c -> items.add(Views.certificate(c, app::nodeId)));
    Json.send(ctx, 200, out);
  }
}
