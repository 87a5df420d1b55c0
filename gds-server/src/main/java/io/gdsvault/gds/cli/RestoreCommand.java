package io.gdsvault.gds.cli;

import io.gdsvault.gds.backup.BackupArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gds restore FILE --data DIR}: unpacks a backup into a new data directory (refuses a
 * non-empty one); start it with {@code gds serve --data DIR [--config DIR/config/gds.yaml]}.
 */
@Command(name = "restore", description = "Restore a backup into a new, empty data directory.")
public final class RestoreCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      required = true,
      description = "the new data directory")
  Path data;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), file + " is not a file");
    }
    try {
      int n = BackupArchive.restore(file, data);
      spec.commandLine()
          .getOut()
          .println(
              "restored "
                  + n
                  + " files into "
                  + data.toAbsolutePath()
                  + "; the settings in force at backup time are in "
                  + data.resolve("config").resolve("gds.yaml"));
      return 0;
    } catch (IOException e) {
      spec.commandLine().getErr().println("gds: restore refused: " + e.getMessage());
      return 1;
    }
  }
}
