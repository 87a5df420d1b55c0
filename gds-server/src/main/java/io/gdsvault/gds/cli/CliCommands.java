package io.gdsvault.gds.cli;

import picocli.CommandLine;

/** Registers the client commands of {@code gds}; each feature adds its command here. */
public final class CliCommands {

  private CliCommands() {}

  public static void addTo(CommandLine root) {
    root.addSubcommand(new UsersCommand());
    root.addSubcommand(new AppsCommand());
    root.addSubcommand(new TrustCommand());
    root.addSubcommand(new RequestsCommand());
    root.addSubcommand(new CertsCommand());
    root.addSubcommand(new CaCommand());
    root.addSubcommand(new PushCommand());
    root.addSubcommand(new AuditCommand());
    root.addSubcommand(new BackupCommand());
    root.addSubcommand(new RestoreCommand());
  }
}
