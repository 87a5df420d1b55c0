package io.gdsvault.gds.cli;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.opcua.server.CertificateVendorMethods;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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

/** {@code gds ca show|export|crl [GROUP]}: the certificate groups' CAs and CRLs. */
@Command(
    name = "ca",
    description =
        "The CA certificates and CRLs of a certificate group (default DefaultApplicationGroup).",
    subcommands = {CaCommand.Show.class, CaCommand.Export.class, CaCommand.Crl.class})
public final class CaCommand implements Runnable {

  static final String PATH = "GdsVault." + CertificateVendorMethods.AUTHORITIES;
  static final ExpandedNodeId OBJECT = VendorNamespace.id(PATH);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a ca command is required");
  }

  static Variant[] fetch(GdsConnection c, String group) throws Exception {
    return c.call(
        OBJECT,
        VendorNamespace.id(PATH + ".GetCertificateAuthority"),
        new Variant(group == null ? "" : group));
  }

  static void checkFormat(CommandLine cl, String format) {
    if (!List.of("pem", "der").contains(format.toLowerCase(Locale.ROOT))) {
      throw new CommandLine.ParameterException(cl, "--format must be pem or der");
    }
  }

  static void write(Path file, String label, ByteString[] items, String format) throws Exception {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format.equalsIgnoreCase("der")) {
      if (items.length > 0) {
        out.write(items[0].bytesOrEmpty());
      }
    } else {
      for (ByteString b : items) {
        out.write(Pem.encode(label, b.bytesOrEmpty()).getBytes(StandardCharsets.US_ASCII));
      }
    }
    Files.write(file, out.toByteArray());
  }

  @Command(name = "show", description = "Show the group's CA certificates and CRLs.")
  public static final class Show extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "GROUP")
    String group;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o = fetch(c, group);
      List<Map<String, Object>> cas = new ArrayList<>();
      for (ByteString b : (ByteString[]) value(o[0])) {
        X509Certificate x = Certificates.parse(b.bytesOrEmpty());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", x.getSubjectX500Principal().getName());
        m.put("serial", x.getSerialNumber().toString(16));
        m.put("thumbprint", Certificates.thumbprint(x));
        m.put("keyAlgorithm", x.getPublicKey().getAlgorithm());
        m.put("notBefore", x.getNotBefore().toInstant().toString());
        m.put("notAfter", x.getNotAfter().toInstant().toString());
        cas.add(m);
      }
      List<Map<String, Object>> crls = new ArrayList<>();
      for (ByteString b : (ByteString[]) value(o[1])) {
        X509CRL crl = Certificates.parseCrl(b.bytesOrEmpty());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", crl.getIssuerX500Principal().getName());
        m.put("thisUpdate", crl.getThisUpdate().toInstant().toString());
        m.put(
            "nextUpdate",
            crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant().toString());
        m.put(
            "revoked",
            crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size());
        crls.add(m);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("group", group == null ? "DefaultApplicationGroup" : group);
      result.put("caCertificates", cas);
      result.put("crls", crls);
      if (options.json()) {
        printJson(result);
      } else {
        for (Map<String, Object> m : cas) {
          out()
              .println(
                  "CA "
                      + m.get("subject")
                      + " thumbprint="
                      + m.get("thumbprint")
                      + " notAfter="
                      + m.get("notAfter"));
        }
        for (Map<String, Object> m : crls) {
          out()
              .println(
                  "CRL "
                      + m.get("issuer")
                      + " nextUpdate="
                      + m.get("nextUpdate")
                      + " revoked="
                      + m.get("revoked"));
        }
      }
      return 0;
    }
  }

  /** Writes one kind of the group's trust material (CA certificates or CRLs) to a file. */
  abstract static class WriteMaterial extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "GROUP")
    String group;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--format", description = "pem (default) or der.")
    String format = "pem";

    private final int outputIndex;
    private final String pemLabel;
    private final String jsonKey;

    WriteMaterial(int outputIndex, String pemLabel, String jsonKey) {
      this.outputIndex = outputIndex;
      this.pemLabel = pemLabel;
      this.jsonKey = jsonKey;
    }

    @Override
    protected void validate() {
      checkFormat(spec.commandLine(), format);
    }

    @Override
    protected int execute(GdsConnection c) throws Exception {
      ByteString[] items = (ByteString[]) value(fetch(c, group)[outputIndex]);
      write(out, pemLabel, items, format);
      if (options.json()) {
        printJson(Map.of("file", out.toString(), jsonKey, items.length));
      } else {
        out().println(out);
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      description = "Write the group's CA certificates to FILE (der: the first only).")
  public static final class Export extends WriteMaterial {
    public Export() {
      super(0, "CERTIFICATE", "certificates");
    }
  }

  @Command(name = "crl", description = "Write the group's CRLs to FILE (der: the first only).")
  public static final class Crl extends WriteMaterial {
    public Crl() {
      super(1, "X509 CRL", "crls");
    }
  }
}
