package io.gdsvault.bench;

import io.gdsvault.bench.process.GdsInstance;
import io.gdsvault.bench.process.Postgres;
import io.gdsvault.bench.report.MachineLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options every measuring command shares: where the GDS jar is, JVM options, database, output. */
final class CommonOptions {

  @Option(
      names = "--gds-jar",
      description = "The built GDS jar (default gds-web/target/gds.jar, what ./gds serve runs).",
      defaultValue = "gds-web/target/gds.jar")
  Path gdsJar;

  @Option(
      names = "--gds-java-opts",
      description = "JVM options of the GDS (default -Xmx512m).",
      defaultValue = "-Xmx512m")
  String gdsJavaOpts;

  @Option(
      names = "--ref-java-opts",
      description = "JVM options of the reference server (default -Xmx512m).",
      defaultValue = "-Xmx512m")
  String refJavaOpts;

  @Option(
      names = "--gds-config",
      description = "Extra YAML for the GDS (e.g. certificates.keyPool); default none.")
  @Nullable Path gdsConfig;

  @Option(
      names = "--db",
      description = "h2 (the GDS's embedded default) or postgres (embedded PostgreSQL).",
      defaultValue = "h2")
  String db;

  @Option(
      names = "--out",
      description = "Run directory (default benchmarks/target/runs/<time>-<command>).")
  @Nullable Path out;

  @Option(
      names = "--user-password",
      description = "Password of the harness's device user (default a fixed bench password).",
      defaultValue = "bench device password 1")
  String userPassword;

  static final String DEVICE_USER = "device";
  static final List<String> DEVICE_ROLES = List.of("DiscoveryAdmin", "CertificateAuthorityAdmin");

  Path runDir(String command) throws IOException {
    Path dir =
        out != null
            ? out
            : Path.of(
                "benchmarks",
                "target",
                "runs",
                LocalDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                    + "-"
                    + command);
    dir = dir.toAbsolutePath();
    Files.createDirectories(dir);
    return dir;
  }

  boolean postgres() {
    return db.equalsIgnoreCase("postgres");
  }

  static List<String> split(String opts) {
    return Arrays.stream(opts.trim().split("\\s+", -1)).filter(s -> !s.isEmpty()).toList();
  }

  GdsInstance startGds(Path dir, @Nullable Postgres pg) throws IOException, InterruptedException {
    if (!Files.isRegularFile(gdsJar)) {
      throw new IOException(
          gdsJar + " is missing: build it first (./mvnw -B -o -q -DskipTests package)");
    }
    String yaml = gdsConfig == null ? null : Files.readString(gdsConfig);
    GdsInstance gds =
        GdsInstance.start(
            dir,
            new GdsInstance.Options(
                gdsJar, split(gdsJavaOpts), pg == null ? null : pg.database(), yaml));
    gds.addUser(DEVICE_USER, userPassword, DEVICE_ROLES);
    return gds;
  }

  /** The header every result file starts with: machine, JVM, load, command line. */
  static String header(String title, String commandLine) {
    return "# "
        + title
        + "\n\n"
        + "- when: "
        + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        + " UTC\n- machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cores, load average "
        + MachineLoad.summary()
        + " at the start\n- JVM: "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version")
        + "\n- command: `"
        + commandLine
        + "`\n\n";
  }
}
