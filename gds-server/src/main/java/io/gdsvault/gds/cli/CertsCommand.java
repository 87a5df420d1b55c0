package io.gdsvault.gds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gdsvault.gds.opcua.server.CertificateVendorMethods;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gds certs list|revoke|download}: issued certificates (CertificateAuthorityAdmin). */
@Command(
    name = "certs",
    description =
        "Certificates the GDS issued: list, revoke, download (CertificateAuthorityAdmin).",
    subcommands = {
      CertsCommand.ListCerts.class,
      CertsCommand.Revoke.class,
      CertsCommand.Download.class
    })
public final class CertsCommand implements Runnable {

  static final String PATH = "GdsVault." + CertificateVendorMethods.CERTIFICATES;
  static final ExpandedNodeId OBJECT = VendorNamespace.id(PATH);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a certs command is required");
  }

  @Command(name = "list", description = "List issued certificates (of one application).")
  public static final class ListCerts extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "APP_ID")
    String applicationId;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o =
          c.call(
              OBJECT,
              VendorNamespace.id(PATH + ".ListCertificates"),
              new Variant(applicationId == null ? "" : applicationId));
      JsonNode rows = JSON.readTree((String) o[0].value());
      if (options.json()) {
        printJson(rows);
      } else {
        for (JsonNode r : rows) {
          out()
              .println(
                  r.get("serial").asText()
                      + "\t"
                      + r.get("applicationId").asText()
                      + "\t"
                      + r.get("certificateType").asText()
                      + "\t"
                      + r.get("notAfter").asText()
                      + (r.get("revokedAt").isNull()
                          ? ""
                          : "\trevoked " + r.get("revokedAt").asText()));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "revoke",
      description = "Revoke every certificate of APP_ID, or the one with SERIAL (hex).")
  public static final class Revoke extends ClientCommand {
    @Parameters(index = "0", paramLabel = "APP_ID|SERIAL")
    String target;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o =
          c.call(OBJECT, VendorNamespace.id(PATH + ".RevokeCertificates"), new Variant(target));
      long n =
          ((org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger) value(o[0]))
              .longValue();
      if (options.json()) {
        printJson(Map.of("target", target, "revoked", n));
      } else {
        out().println("revoked " + n + " certificate(s)");
      }
      return 0;
    }
  }

  @Command(
      name = "download",
      description =
          "Write the certificate of REQ_ID (or the newest of APP_ID) to DIR/own/certs and its CA"
              + " and CRLs to DIR/trusted/{certs,crl}.")
  public static final class Download extends ClientCommand {
    @Parameters(index = "0", paramLabel = "REQ_ID|APP_ID")
    String id;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--format", description = "der (default), pem or base64.")
    String format = "der";

    @Override
    protected void validate() {
      if (!List.of("der", "pem", "base64").contains(format.toLowerCase(Locale.ROOT))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--format must be der, pem or base64");
      }
    }

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o =
          c.call(OBJECT, VendorNamespace.id(PATH + ".GetCertificateBundle"), new Variant(id));
      byte[] cert = ((ByteString) value(o[0])).bytesOrEmpty();
      ByteString[] issuers = (ByteString[]) value(o[1]);
      ByteString[] crls = (ByteString[]) value(o[2]);
      String serial = (String) o[4].value();
      List<String> written = new ArrayList<>();
      written.add(
          write(out.resolve("own").resolve("certs"), "certificate-" + serial, "CERTIFICATE", cert));
      for (int i = 0; i < issuers.length; i++) {
        written.add(
            write(
                out.resolve("trusted").resolve("certs"),
                "ca-" + i,
                "CERTIFICATE",
                issuers[i].bytesOrEmpty()));
      }
      for (int i = 0; i < crls.length; i++) {
        written.add(
            write(
                out.resolve("trusted").resolve("crl"),
                "ca-" + i,
                "X509 CRL",
                crls[i].bytesOrEmpty()));
      }
      if (options.json()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationId", o[3].value());
        m.put("serial", serial);
        m.put("files", written);
        printJson(m);
      } else {
        written.forEach(out()::println);
      }
      return 0;
    }

    private String write(Path dir, String base, String pemLabel, byte[] der) throws Exception {
      Files.createDirectories(dir);
      String f = format.toLowerCase(Locale.ROOT);
      Path file;
      byte[] content;
      switch (f) {
        case "pem" -> {
          file = dir.resolve(base + (pemLabel.equals("X509 CRL") ? ".crl.pem" : ".pem"));
          content = Pem.encode(pemLabel, der).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        case "base64" -> {
          file = dir.resolve(base + ".b64");
          content =
              (Base64.getEncoder().encodeToString(der) + "\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        default -> {
          file = dir.resolve(base + (pemLabel.equals("X509 CRL") ? ".crl" : ".der"));
          content = der;
        }
      }
      Files.write(file, content);
      return file.toString();
    }
  }
}
