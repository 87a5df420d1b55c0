package io.gdsvault.web.api;

import io.gdsvault.ca.CaException;
import io.gdsvault.ca.PemEncoding;
import io.gdsvault.gds.certificates.CertificateBundle;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.trust.CertificateGroup;
import io.gdsvault.gds.trust.CertificateGroupService;
import io.gdsvault.gds.trust.GroupCertificateType;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/** Certificates, CA certificates and CRLs as DER, PEM or base64 text; the device zip. */
public final class Downloads {

  private Downloads() {}

  /** der (default), pem or base64; anything else is 400. */
  public static String format(@Nullable String f, String... allowed) {
    String v = f == null || f.isEmpty() ? allowed[0] : f.toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw ApiException.invalid("format", "must be one of " + String.join(", ", allowed));
  }

  /** Sends a certificate in the format; {@code name} without extension. */
  public static void certificate(Context ctx, byte[] der, String format, String name) {
    switch (format) {
      case "pem" -> send(ctx, pem("CERTIFICATE", der), "application/x-pem-file", name + ".pem");
      case "base64" ->
          ctx.contentType("text/plain; charset=utf-8")
              .result(Base64.getEncoder().encodeToString(der));
      default -> send(ctx, der, "application/pkix-cert", name + ".der");
    }
  }

  /** Sends a CRL as DER or PEM. */
  public static void crl(Context ctx, byte[] der, String format, String name) {
    if ("pem".equals(format)) {
      send(ctx, pem("X509 CRL", der), "application/x-pem-file", name + ".crl.pem");
    } else {
      send(ctx, der, "application/pkix-crl", name + ".crl");
    }
  }

  public static void send(Context ctx, byte[] bytes, String type, String fileName) {
    ctx.contentType(type)
        .header("Content-Disposition", "attachment; filename=\"" + safeName(fileName) + "\"")
        .result(bytes);
  }

  static byte[] pem(String label, byte[] der) {
    return PemEncoding.block(label, der).getBytes(StandardCharsets.US_ASCII);
  }

  /** The group's type (its default when {@code type} is empty); 404 for unknown names. */
  public static GroupCertificateType groupType(
      CertificateGroupService groups, String group, @Nullable String type) {
    CertificateGroup g =
        groups.group(group).orElseThrow(() -> ApiException.notFound("certificate group"));
    if (type == null || type.isEmpty()) {
      return g.defaultType();
    }
    return g.type(type).orElseThrow(() -> ApiException.notFound("certificate type"));
  }

  /** The current CRL of the type's CA (DER). */
  public static byte[] crlDer(GroupCertificateType t) {
    try {
      return PemEncoding.der(t.ca().currentCrl());
    } catch (CaException e) {
      throw Errors.of(new GdsException(Reason.RESOURCE_UNAVAILABLE, "the CRL cannot be read"));
    }
  }

  /**
   * A zip for a device: {@code own/certs/NAME.der}, {@code trusted/certs/} with the issuer chain,
   * {@code trusted/crl/} with the group's CRLs.
   */
  public static byte[] deviceZip(CertificateBundle bundle, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "own/certs/" + safeName(name) + ".der", bundle.certificate().certificateDer());
      int i = 0;
      for (byte[] ca : bundle.issuerCertificates()) {
        entry(zip, "trusted/certs/ca-" + i++ + ".der", ca);
      }
      i = 0;
      for (byte[] crl : bundle.crls()) {
        entry(zip, "trusted/crl/ca-" + i++ + ".crl", crl);
      }
    } catch (IOException e) {
      throw new IllegalStateException("zip in memory failed", e);
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /** A file name with only safe characters. */
  public static String safeName(String s) {
    String n = s.replaceAll("[^A-Za-z0-9._-]", "_");
    return n.isEmpty() ? "download" : n;
  }
}
