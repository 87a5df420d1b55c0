package io.gdsvault.gds.cli;

import static io.gdsvault.gds.cli.ClientCommand.value;

import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gds push enable|disable|run|status}: servers whose certificates the GDS pushes. */
@Command(
    name = "push",
    description = "Push certificates and trust lists to servers (needs SecurityAdmin).",
    subcommands = {
      PushCommand.Enable.class,
      PushCommand.Disable.class,
      PushCommand.Run.class,
      PushCommand.Status.class
    })
public final class PushCommand implements Runnable {

  static final ExpandedNodeId OBJECT = VendorNamespace.id("GdsVault.Push");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a push command is required");
  }

  static ExpandedNodeId method(String name) {
    return VendorNamespace.id("GdsVault.Push." + name);
  }

  @Command(
      name = "enable",
      description =
          "Manage a registered server by push: connect once, pin its certificate, queue the first"
              + " push.")
  public static final class Enable extends ClientCommand {
    @Parameters(index = "0", paramLabel = "APP_ID")
    String applicationId;

    @Option(names = "--endpoint", required = true, paramLabel = "URL")
    String endpoint;

    @Option(names = "--target-user", required = true, paramLabel = "U")
    String targetUser;

    @Option(names = "--target-password-file", required = true, paramLabel = "F")
    Path targetPasswordFile;

    @Option(names = "--expect-thumbprint", paramLabel = "T")
    String expectThumbprint;

    @Option(
        names = "--security-policy",
        paramLabel = "URI",
        description = "Default: Basic256Sha256.")
    String securityPolicy;

    @Option(
        names = "--new-key-pair",
        description = "The GDS generates the key instead of asking the target for a CSR.")
    boolean newKeyPair;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o =
          c.call(
              OBJECT,
              method("EnablePush"),
              new Variant(applicationId),
              new Variant(endpoint),
              new Variant(securityPolicy == null ? "" : securityPolicy),
              new Variant(targetUser),
              new Variant(UsersCommand.readNewPassword(targetPasswordFile)),
              new Variant(expectThumbprint == null ? "" : expectThumbprint),
              new Variant(newKeyPair ? "new-key-pair" : "csr"));
      String thumbprint = (String) o[0].value();
      String error = o.length > 1 ? (String) o[1].value() : "";
      if (error != null && !error.isEmpty()) {
        spec.commandLine().getErr().println("gds: " + error);
        return 1;
      }
      if (options.json()) {
        printJson(Map.of("applicationId", applicationId, "thumbprint", thumbprint));
      } else {
        out().println("pinned target certificate " + thumbprint);
      }
      return 0;
    }
  }

  @Command(name = "disable", description = "Stop managing a server by push.")
  public static final class Disable extends ClientCommand {
    @Parameters(index = "0", paramLabel = "APP_ID")
    String applicationId;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(OBJECT, method("DisablePush"), new Variant(applicationId));
      if (options.json()) {
        printJson(Map.of("applicationId", applicationId, "disabled", true));
      } else {
        out().println("push disabled for " + applicationId);
      }
      return 0;
    }
  }

  @Command(name = "run", description = "Push now (trust list and a new certificate).")
  public static final class Run extends ClientCommand {
    @Parameters(index = "0", paramLabel = "APP_ID")
    String applicationId;

    @Option(
        names = "--wait",
        description = "Wait until the push succeeded (exit 0) or failed (exit 1).")
    boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600")
    long timeoutSeconds;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(OBJECT, method("RunPush"), new Variant(applicationId));
      if (!waitForEnd) {
        if (options.json()) {
          printJson(Map.of("applicationId", applicationId, "state", "pending"));
        } else {
          out().println("push queued for " + applicationId);
        }
        return 0;
      }
      Instant deadline = Instant.now().plus(Duration.ofSeconds(timeoutSeconds));
      Thread.sleep(200);
      while (true) {
        Map<String, Object> row = status(c, applicationId).get(0);
        String state =
            (String) Objects.requireNonNull(row.get("state"), "push status has no state");
        if (state.equals("succeeded") || state.equals("failed")) {
          if (options.json()) {
            printJson(row);
          } else {
            out()
                .println(state + (row.get("lastError") == null ? "" : ": " + row.get("lastError")));
          }
          return state.equals("succeeded") ? 0 : 1;
        }
        if (Instant.now().isAfter(deadline)) {
          spec.commandLine()
              .getErr()
              .println("gds: the push is still " + state + " (" + row.get("phase") + ")");
          return 1;
        }
        Thread.sleep(500);
      }
    }
  }

  @Command(
      name = "status",
      description = "Push targets: state, certificate, expiry, last push, last error.")
  public static final class Status extends ClientCommand {
    @Parameters(index = "0", paramLabel = "APP_ID", arity = "0..1")
    String applicationId;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      List<Map<String, Object>> rows = status(c, applicationId);
      if (options.json()) {
        printJson(rows);
      } else {
        for (Map<String, Object> r : rows) {
          out()
              .println(
                  r.get("applicationId")
                      + "\t"
                      + r.get("state")
                      + "\t"
                      + r.get("endpoint")
                      + "\t"
                      + nz(r.get("certificateThumbprint"))
                      + "\t"
                      + nz(r.get("notAfter"))
                      + "\t"
                      + nz(r.get("lastPush"))
                      + "\t"
                      + nz(r.get("lastError"))
                      + "\t"
                      + types(r.get("certificates")));
        }
      }
      return 0;
    }

    private static String nz(@Nullable Object o) {
      return o == null ? "-" : o.toString();
    }

    /** {@code RsaSha256ApplicationCertificateType:installed,...} of a status row. */
    private static String types(@Nullable Object certificates) {
      if (!(certificates instanceof List<?> l) || l.isEmpty()) {
        return "-";
      }
      List<String> out = new ArrayList<>();
      for (Object o : l) {
        if (o instanceof Map<?, ?> m) {
          out.add(m.get("type") + ":" + m.get("state"));
        }
      }
      return String.join(",", out);
    }
  }

  static List<Map<String, Object>> status(GdsConnection c, String applicationId) throws Exception {
    Variant[] o =
        c.call(
            OBJECT,
            method("GetPushStatus"),
            new Variant(applicationId == null ? "" : applicationId));
    String[] ids = (String[]) value(o[0]);
    String[] endpoints = (String[]) value(o[1]);
    String[] states = (String[]) value(o[2]);
    DateTime[] lastPush = (DateTime[]) value(o[3]);
    String[] errors = (String[]) value(o[4]);
    String[] thumbprints = (String[]) value(o[5]);
    DateTime[] notAfter = (DateTime[]) value(o[6]);
    String[] phases = (String[]) value(o[7]);
    Integer[] attempts = (Integer[]) value(o[8]);
    String[] pinned = (String[]) value(o[9]);
    String[] certificates = o.length > 10 ? (String[]) value(o[10]) : new String[ids.length];
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("applicationId", ids[i]);
      row.put("endpoint", endpoints[i]);
      row.put("state", states[i]);
      row.put("lastPush", time(lastPush[i]));
      row.put("lastError", blank(errors[i]));
      row.put("certificateThumbprint", blank(thumbprints[i]));
      row.put("notAfter", time(notAfter[i]));
      row.put("phase", blank(phases[i]));
      row.put("attempts", attempts[i]);
      row.put("pinnedThumbprint", blank(pinned[i]));
      row.put("certificates", certificateTypes(certificates[i]));
      rows.add(row);
    }
    return rows;
  }

  /**
   * The certificate types of a status row: GetPushStatus sends one line per type, {@code
   * type=state;key=value;...} (state installed, requested, skipped or none).
   */
  static List<Map<String, String>> certificateTypes(@Nullable String lines) {
    List<Map<String, String>> out = new ArrayList<>();
    if (lines == null || lines.isBlank()) {
      return out;
    }
    for (String line : lines.split("\n", -1)) {
      Map<String, String> m = new LinkedHashMap<>();
      String[] parts = line.split(";", -1);
      int eq = parts[0].indexOf('=');
      m.put("type", eq < 0 ? parts[0] : parts[0].substring(0, eq));
      m.put("state", eq < 0 ? "none" : parts[0].substring(eq + 1));
      for (int i = 1; i < parts.length; i++) {
        int e = parts[i].indexOf('=');
        if (e > 0) {
          m.put(parts[i].substring(0, e), parts[i].substring(e + 1));
        }
      }
      out.add(m);
    }
    return out;
  }

  private static @Nullable String time(@Nullable DateTime t) {
    return t == null || t.isNull() ? null : t.getJavaInstant().toString();
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
