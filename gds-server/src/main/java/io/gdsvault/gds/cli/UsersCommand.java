package io.gdsvault.gds.cli;

import io.gdsvault.gds.opcua.server.VendorNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gds users add|list|remove|passwd|unlock}: user management (SecurityAdmin). */
@Command(
    mixinStandardHelpOptions = true,
    name = "users",
    description = "Manage GDS users (needs SecurityAdmin).",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Remove.class,
      UsersCommand.Passwd.class,
      UsersCommand.Unlock.class
    })
public final class UsersCommand implements Runnable {

  static final ExpandedNodeId USERS = VendorNamespace.id("GdsVault.Users");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a users command is required");
  }

  static ExpandedNodeId method(String name) {
    return VendorNamespace.id("GdsVault.Users." + name);
  }

  static String readNewPassword(Path file) throws java.io.IOException {
    return Files.readString(file).strip();
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "add",
      description = "Add a user with one or more roles.")
  public static final class Add extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--role",
        required = true,
        description =
            "DiscoveryAdmin, CertificateAuthorityAdmin, RegistrationAuthorityAdmin or SecurityAdmin"
                + " (repeatable).")
    List<String> roles;

    @Option(names = "--new-password-file", required = true, paramLabel = "F")
    Path newPasswordFile;

    @Override
    protected void validate() {
      for (String r : roles) {
        if (io.gdsvault.gds.auth.Role.fromName(r).isEmpty()) {
          throw new CommandLine.ParameterException(spec.commandLine(), "unknown role: " + r);
        }
      }
    }

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(
          USERS,
          method("AddUser"),
          new Variant(name),
          new Variant(readNewPassword(newPasswordFile)),
          new Variant(roles.toArray(String[]::new)));
      if (options.json()) {
        printJson(Map.of("user", name, "roles", roles));
      } else {
        out().println("added user " + name);
      }
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "list",
      description = "List users and their roles.")
  public static final class ListUsers extends ClientCommand {
    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] outs = c.call(USERS, method("ListUsers"));
      String[] names = (String[]) value(outs[0]);
      String[] roles = (String[]) value(outs[1]);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("user", names[i]);
        row.put("roles", roles[i].isEmpty() ? List.of() : List.of(roles[i].split(",")));
        rows.add(row);
      }
      if (options.json()) {
        printJson(rows);
      } else {
        for (int i = 0; i < names.length; i++) {
          out().println(names[i] + "\t" + roles[i]);
        }
      }
      return 0;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "remove", description = "Remove a user.")
  public static final class Remove extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(USERS, method("RemoveUser"), new Variant(name));
      if (options.json()) {
        printJson(Map.of("removed", name));
      } else {
        out().println("removed user " + name);
      }
      return 0;
    }
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "unlock",
      description = "Lift the login delay or lockout that failed logins put on a user.")
  public static final class Unlock extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      Variant[] out = c.call(USERS, method("UnlockUser"), new Variant(name));
      boolean was = out.length > 0 && Boolean.TRUE.equals(out[0].value());
      if (options.json()) {
        printJson(Map.of("user", name, "wasLocked", was));
      } else {
        out().println((was ? "unlocked user " : "user was not locked: ") + name);
      }
      return 0;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "passwd", description = "Set a user's password.")
  public static final class Passwd extends ClientCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--new-password-file", required = true, paramLabel = "F")
    Path newPasswordFile;

    @Override
    protected int execute(GdsConnection c) throws Exception {
      c.call(
          USERS,
          method("SetPassword"),
          new Variant(name),
          new Variant(readNewPassword(newPasswordFile)));
      if (options.json()) {
        printJson(Map.of("user", name, "passwordChanged", true));
      } else {
        out().println("password changed for " + name);
      }
      return 0;
    }
  }
}
