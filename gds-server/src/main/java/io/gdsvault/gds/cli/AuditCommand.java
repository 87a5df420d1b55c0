package io.gdsvault.gds.cli;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gds audit list [--since TIME] | verify}: the hash-chained audit trail (SecurityAdmin). */
@Command(
    name = "audit",
    description = "The tamper-evident audit trail (needs SecurityAdmin).",
    subcommands = {AuditCommand.ListRecords.class, AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {

  static final ExpandedNodeId OBJECT = VendorNamespace.id("GdsVault.Audit");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "an audit command is required");
  }

  /**
   * TIME: an ISO-8601 instant (2026-11-27T04:00:00Z), a date (2026-11-27, UTC) or an age (30m, 24h,
   * 7d).
   */
  static Instant parseTime(String text, Instant now) {
    String t = text.trim();
    try {
      if (t.matches("\\d+[smhd]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        Duration d =
            switch (t.charAt(t.length() - 1)) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
        return now.minus(d);
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(t.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "TIME must be an ISO-8601 instant, a date or an age like 24h");
    }
  }

  @Command(name = "list", description = "List audit records, oldest first.")
  public static final class ListRecords extends ClientCommand {
    @Option(
        names = "--since",
        paramLabel = "TIME",
        description = "ISO-8601 instant, date (UTC) or age such as 30m, 24h, 7d")
    String since;

    @Option(names = "--limit", paramLabel = "N", description = "at most N records (default 10000)")
    long limit = 10_000;

    private @Nullable Instant from;

    @Override
    protected void validate() {
      if (since != null) {
        try {
          from = parseTime(since, Instant.now());
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      if (limit < 1 || limit > 0xFFFF_FFFFL) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be positive");
      }
    }

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o =
          c.call(
              OBJECT,
              VendorNamespace.id("GdsVault.Audit.ListAuditRecords"),
              new Variant(from == null ? DateTime.NULL_VALUE : new DateTime(from)),
              new Variant(uint(limit)));
      Long[] seqs = (Long[]) o[0].value();
      DateTime[] times = (DateTime[]) value(o[1]);
      String[] actors = (String[]) value(o[2]);
      String[] actions = (String[]) value(o[3]);
      String[] targets = (String[]) value(o[4]);
      String[] details = (String[]) value(o[5]);
      String[] outcomes = (String[]) value(o[6]);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; seqs != null && i < seqs.length; i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("seq", seqs[i]);
        row.put("time", times[i].getJavaInstant().toString());
        row.put("actor", actors[i]);
        row.put("action", actions[i]);
        row.put("target", targets[i]);
        row.put("detail", details[i]);
        row.put("outcome", outcomes[i]);
        rows.add(row);
      }
      if (options.json()) {
        printJson(rows);
      } else {
        for (Map<String, Object> r : rows) {
          out()
              .println(
                  r.get("seq")
                      + "\t"
                      + r.get("time")
                      + "\t"
                      + r.get("actor")
                      + "\t"
                      + r.get("action")
                      + "\t"
                      + r.get("target")
                      + "\t"
                      + r.get("outcome")
                      + "\t"
                      + r.get("detail"));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "verify",
      description = "Check the hash chain; exit 1 naming the first broken row.")
  public static final class Verify extends ClientCommand {
    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] o = c.call(OBJECT, VendorNamespace.id("GdsVault.Audit.VerifyAuditLog"));
      boolean intact = Boolean.TRUE.equals(o[0].value());
      long rows = (Long) value(o[1]);
      long broken = (Long) value(o[2]);
      String problem = (String) o[3].value();
      if (options.json()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", intact);
        m.put("rows", rows);
        m.put("brokenSeq", intact ? null : broken);
        m.put("problem", problem);
        printJson(m);
      } else if (intact) {
        out().println("audit trail intact: " + rows + " rows");
      }
      if (!intact) {
        spec.commandLine()
            .getErr()
            .println("gds: audit trail broken at row " + broken + ": " + problem);
        return 1;
      }
      return 0;
    }
  }
}
