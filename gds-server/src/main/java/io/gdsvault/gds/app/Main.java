package io.gdsvault.gds.app;

import io.gdsvault.gds.cli.CliCommands;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gds} command: {@code serve} runs the GDS, every other command is an OPC UA client of a
 * running GDS. Exit codes: 0 success, 1 refused or failed, 2 usage error.
 */
@Command(
    name = "gds",
    mixinStandardHelpOptions = true,
    version = "gds 0.1.0",
    description = "GDS Vault: OPC UA Global Discovery Server.",
    subcommands = {ServeCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code =
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    System.exit(code);
  }

  /** Runs the command line in-process (tests use this); returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The command tree; features add their client commands in {@link CliCommands}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    CliCommands.addTo(cl);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("gds: " + ex.getMessage());
          return 1;
        });
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
