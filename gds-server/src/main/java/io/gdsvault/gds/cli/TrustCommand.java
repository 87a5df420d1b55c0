package io.gdsvault.gds.cli;

import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gds trust list|accept THUMBPRINT}: client certificates refused in strict mode. */
@Command(
    mixinStandardHelpOptions = true,
    name = "trust",
    description = "Client certificates rejected in strict mode (needs SecurityAdmin).",
    subcommands = {TrustCommand.ListCerts.class, TrustCommand.Accept.class})
public final class TrustCommand implements Runnable {

  static final ExpandedNodeId OBJECT = VendorNamespace.id("GdsVault.ClientCertificates");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a trust command is required");
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "list",
      description = "List rejected and trusted client certificates.")
  public static final class ListCerts extends ClientCommand {
    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o =
          c.call(OBJECT, VendorNamespace.id("GdsVault.ClientCertificates.ListCertificates"));
      String[] thumbprints = (String[]) value(o[0]);
      String[] states = (String[]) value(o[1]);
      String[] subjects = (String[]) value(o[2]);
      String[] uris = (String[]) value(o[3]);
      DateTime[] notAfter = (DateTime[]) value(o[4]);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < thumbprints.length; i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("thumbprint", thumbprints[i]);
        row.put("state", states[i]);
        row.put("subject", subjects[i]);
        row.put("applicationUri", uris[i]);
        row.put("notAfter", notAfter[i].getJavaInstant().toString());
        rows.add(row);
      }
      if (options.json()) {
        printJson(rows);
      } else {
        for (Map<String, Object> r : rows) {
          out()
              .println(
                  r.get("thumbprint")
                      + "\t"
                      + r.get("state")
                      + "\t"
                      + r.get("applicationUri")
                      + "\t"
                      + r.get("subject"));
        }
      }
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "accept",
      description = "Trust a rejected client certificate.")
  public static final class Accept extends ClientCommand {
    @Parameters(index = "0", paramLabel = "THUMBPRINT")
    String thumbprint;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(
          OBJECT,
          VendorNamespace.id("GdsVault.ClientCertificates.AcceptCertificate"),
          new Variant(thumbprint));
      if (options.json()) {
        printJson(Map.of("accepted", thumbprint));
      } else {
        out().println("trusted " + thumbprint);
      }
      return 0;
    }
  }
}
