package io.gdsvault.gds.cli;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gds apps register|list|show|unregister}: the Part 12 application directory. */
@Command(
    mixinStandardHelpOptions = true,
    name = "apps",
    description = "Register and look up applications in the Directory.",
    subcommands = {
      AppsCommand.Register.class,
      AppsCommand.ListApps.class,
      AppsCommand.Show.class,
      AppsCommand.Unregister.class
    })
public final class AppsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "an apps command is required");
  }

  static NodeId parseAppId(CommandLine cl, String text) {
    try {
      return NodeId.parse(text);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(cl, "not a NodeId: " + text);
    }
  }

  static Map<String, Object> describe(ApplicationRecordDataType r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applicationId", r.getApplicationId().toParseableString());
    m.put("applicationUri", r.getApplicationUri());
    m.put(
        "applicationType",
        ApplicationType.fromValue(r.getApplicationType()).map(Enum::name).orElse("?"));
    List<String> names = new ArrayList<>();
    if (r.getApplicationNames() != null) {
      for (var n : r.getApplicationNames()) {
        names.add(n.text());
      }
    }
    m.put("applicationNames", names);
    m.put("productUri", r.getProductUri());
    m.put(
        "discoveryUrls", r.getDiscoveryUrls() == null ? List.of() : List.of(r.getDiscoveryUrls()));
    m.put(
        "serverCapabilities",
        r.getServerCapabilities() == null ? List.of() : List.of(r.getServerCapabilities()));
    return m;
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "register",
      description = "Register an application (needs DiscoveryAdmin).")
  public static final class Register extends ClientCommand {
    @Option(names = "--uri", required = true, description = "ApplicationUri.")
    String uri;

    @Option(names = "--name", required = true, description = "Application name.")
    String name;

    @Option(
        names = "--type",
        required = true,
        description = "server, client, clientandserver or discoveryserver.")
    String type;

    @Option(names = "--product-uri")
    String productUri;

    @Option(names = "--discovery-url")
    List<String> discoveryUrls = new ArrayList<>();

    @Option(names = "--capability")
    List<String> capabilities = new ArrayList<>();

    ApplicationType applicationType() {
      return switch (type.toLowerCase(java.util.Locale.ROOT)) {
        case "server" -> ApplicationType.SERVER;
        case "client" -> ApplicationType.CLIENT;
        case "clientandserver" -> ApplicationType.CLIENT_AND_SERVER;
        case "discoveryserver" -> ApplicationType.DISCOVERY_SERVER;
        default ->
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--type must be server, client, clientandserver or discoveryserver");
      };
    }

    @Override
    protected void validate() {
      applicationType();
    }

    @Override
    protected int execute(GdsConnection c) throws Exception {
      ApplicationRecord record =
          new ApplicationRecord(
              null,
              uri,
              applicationType(),
              List.of(LocalizedName.of(name)),
              productUri,
              discoveryUrls,
              capabilities);
      ExtensionObject xo =
          ExtensionObject.encode(
              c.encodingContext(), ApplicationRecordMapper.toUa(record, c.gdsNamespaceIndex()));
      Variant[] out = c.call(GdsNodeIds.Directory, GdsNodeIds.RegisterApplication, new Variant(xo));
      String id = ((NodeId) value(out[0])).toParseableString();
      if (options.json()) {
        printJson(Map.of("applicationId", id));
      } else {
        out().println(id);
      }
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "list",
      description =
          "List every registered application, those with the capability NA included"
              + " (DiscoveryAdmin, CertificateAuthorityAdmin or RegistrationAuthorityAdmin).")
  public static final class ListApps extends ClientCommand {
    static final ExpandedNodeId APPLICATIONS = VendorNamespace.id("GdsVault.Applications");
    static final ExpandedNodeId LIST = VendorNamespace.id("GdsVault.Applications.ListApplications");

    @Override
    protected int execute(GdsConnection c) throws Exception {
      // the operators' list, not QueryApplications: that one leaves NA applications out
      List<Map<String, Object>> rows = new ArrayList<>();
      long start = 0;
      do {
        Variant[] o = c.call(APPLICATIONS, LIST, new Variant(uint(start)), new Variant(uint(0)));
        for (Object x : values(o[0])) {
          rows.add(
              describe(
                  (ApplicationRecordDataType) ((ExtensionObject) x).decode(c.encodingContext())));
        }
        start = ((UInteger) value(o[1])).longValue();
      } while (start != 0);
      if (options.json()) {
        printJson(rows);
      } else {
        for (Map<String, Object> r : rows) {
          out()
              .println(
                  r.get("applicationId")
                      + "\t"
                      + r.get("applicationType")
                      + "\t"
                      + r.get("applicationUri"));
        }
      }
      return 0;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "show", description = "Show one application.")
  public static final class Show extends ClientCommand {
    @Parameters(index = "0", paramLabel = "APP_ID")
    String appId;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o =
          c.call(
              GdsNodeIds.Directory,
              GdsNodeIds.GetApplication,
              new Variant(parseAppId(spec.commandLine(), appId)));
      var r =
          (ApplicationRecordDataType) ((ExtensionObject) value(o[0])).decode(c.encodingContext());
      Map<String, Object> m = describe(r);
      if (options.json()) {
        printJson(m);
      } else {
        m.forEach((k, v) -> out().println(k + ": " + v));
      }
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "unregister",
      description = "Unregister an application (needs DiscoveryAdmin).")
  public static final class Unregister extends ClientCommand {
    @Parameters(index = "0", paramLabel = "APP_ID")
    String appId;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(
          GdsNodeIds.Directory,
          GdsNodeIds.UnregisterApplication,
          new Variant(parseAppId(spec.commandLine(), appId)));
      if (options.json()) {
        printJson(Map.of("unregistered", appId));
      } else {
        out().println("unregistered " + appId);
      }
      return 0;
    }
  }
}
