package io.gdsvault.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar benchmarks/target/gds-bench.jar COMMAND}: the load harness. It runs in its own
 * JVM and starts the servers it measures as separate JVMs (the GDS from its built jar, the plain
 * Milo reference from this jar), so client work and server work never share a heap or a JIT, and
 * server CPU is read from the server process itself.
 */
@Command(
    name = "gds-bench",
    mixinStandardHelpOptions = true,
    description = "Load harness: the GDS against a plain Milo server, same client code.",
    subcommands = {
      CompareCommand.class,
      BurstCommand.class,
      FleetCommand.class,
      SqlCommand.class,
      ReferenceCommand.class
    })
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
