package io.gdsvault.gds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gdsvault.gds.opcua.server.CertificateVendorMethods;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gds requests list|show|approve|reject}: the certificate approval queue. */
@Command(
    name = "requests",
    description = "The certificate request approval queue (RegistrationAuthorityAdmin).",
    subcommands = {
      RequestsCommand.ListRequests.class,
      RequestsCommand.Show.class,
      RequestsCommand.Approve.class,
      RequestsCommand.Reject.class
    })
public final class RequestsCommand implements Runnable {

  static final String PATH = "GdsVault." + CertificateVendorMethods.REQUESTS;
  static final ExpandedNodeId OBJECT = VendorNamespace.id(PATH);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a requests command is required");
  }

  static ExpandedNodeId method(String name) {
    return VendorNamespace.id(PATH + "." + name);
  }

  @Command(name = "list", description = "List requests, oldest first.")
  public static final class ListRequests extends ClientCommand {
    @Option(
        names = "--state",
        description = "new, approved, rejected, accepted, revoked or removed.")
    String state;

    @Override
    protected void validate() {
      if (state != null
          && !List.of("new", "approved", "rejected", "accepted", "revoked", "removed")
              .contains(state.toLowerCase(Locale.ROOT))) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--state must be new, approved, rejected, accepted, revoked or removed");
      }
    }

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o = c.call(OBJECT, method("ListRequests"), new Variant(state == null ? "" : state));
      String[] ids = (String[]) value(o[0]);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requestId", ids[i]);
        row.put("applicationId", ((String[]) value(o[1]))[i]);
        row.put("applicationUri", ((String[]) value(o[2]))[i]);
        row.put("state", ((String[]) value(o[3]))[i]);
        row.put("requestedBy", ((String[]) value(o[4]))[i]);
        row.put("created", ((DateTime[]) value(o[5]))[i].getJavaInstant().toString());
        row.put("subject", ((String[]) value(o[6]))[i]);
        row.put("keyType", ((String[]) value(o[7]))[i]);
        row.put("kind", ((String[]) value(o[8]))[i]);
        row.put("certificateGroup", ((String[]) value(o[9]))[i]);
        rows.add(row);
      }
      if (options.json()) {
        printJson(rows);
      } else {
        for (Map<String, Object> r : rows) {
          out()
              .println(
                  r.get("requestId")
                      + "\t"
                      + r.get("state")
                      + "\t"
                      + r.get("applicationUri")
                      + "\t"
                      + r.get("requestedBy")
                      + "\t"
                      + r.get("created"));
        }
      }
      return 0;
    }
  }

  @Command(name = "show", description = "Show a request with its decision history.")
  public static final class Show extends ClientCommand {
    @Parameters(index = "0", paramLabel = "REQ_ID")
    String requestId;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o = c.call(OBJECT, method("GetRequest"), new Variant(requestId));
      JsonNode details = JSON.readTree((String) o[0].value());
      if (options.json()) {
        printJson(details);
      } else {
        details
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getKey().equals("history")) {
                    out()
                        .println(
                            e.getKey()
                                + ": "
                                + (e.getValue().isNull()
                                    ? ""
                                    : e.getValue().isTextual()
                                        ? e.getValue().asText()
                                        : e.getValue().toString()));
                  }
                });
        out().println("history:");
        for (JsonNode h : details.get("history")) {
          out()
              .println(
                  "  "
                      + h.get("at").asText()
                      + " "
                      + h.get("actor").asText()
                      + " "
                      + h.get("action").asText()
                      + (h.get("text").asText().isEmpty() ? "" : ": " + h.get("text").asText()));
        }
      }
      return 0;
    }
  }

  @Command(name = "approve", description = "Approve a new request (not your own).")
  public static final class Approve extends ClientCommand {
    @Parameters(index = "0", paramLabel = "REQ_ID")
    String requestId;

    @Option(names = "--comment", description = "Why it is approved (recorded).")
    String comment;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(
          OBJECT,
          method("ApproveRequest"),
          new Variant(requestId),
          new Variant(comment == null ? "" : comment));
      if (options.json()) {
        printJson(Map.of("requestId", requestId, "state", "approved"));
      } else {
        out().println("approved " + requestId);
      }
      return 0;
    }
  }

  @Command(name = "reject", description = "Reject a new request with a reason.")
  public static final class Reject extends ClientCommand {
    @Parameters(index = "0", paramLabel = "REQ_ID")
    String requestId;

    @Option(names = "--reason", required = true, description = "Why it is rejected (recorded).")
    String reason;

    @Override
    protected void validate() {
      if (reason.isBlank()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--reason must not be empty");
      }
    }

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(OBJECT, method("RejectRequest"), new Variant(requestId), new Variant(reason));
      if (options.json()) {
        printJson(Map.of("requestId", requestId, "state", "rejected"));
      } else {
        out().println("rejected " + requestId);
      }
      return 0;
    }
  }
}
