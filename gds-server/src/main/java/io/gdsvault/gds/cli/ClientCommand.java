package io.gdsvault.gds.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gdsvault.gds.model.GdsException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every client command: connects per {@link ClientOptions}, runs {@link #execute}, and maps
 * failures to exit code 1 with the OPC UA status code name and a readable message on stderr. Usage
 * problems detected by a command throw {@link CommandLine.ParameterException} (exit code 2).
 */
public abstract class ClientCommand implements Callable<Integer> {

  protected static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Mixin protected ClientOptions options;

  @Spec protected CommandSpec spec;

  /** Does the work over an open connection; returns the exit code (normally 0). */
  protected abstract int execute(GdsConnection connection) throws Exception;

  /** Checks arguments before connecting; throw ParameterException for usage errors. */
  protected void validate() {}

  @Override
  public final Integer call() throws Exception {
    validate();
    PrintWriter err = spec.commandLine().getErr();
    char[] password = options.password();
    if (options.user() != null && password == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--user needs --password-file or GDS_PASSWORD");
    }
    try (GdsConnection c =
        GdsConnection.open(options.url(), options.user(), password, ClientOptions.home(), err)) {
      return execute(c);
    } catch (UaException e) {
      return fail(e.getStatusCode(), e.getMessage());
    } catch (GdsException e) {
      err.println("gds: " + e.getMessage());
      return 1;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof UaException ua) {
        return fail(ua.getStatusCode(), ua.getMessage());
      }
      throw e;
    }
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected void printJson(Object value) throws Exception {
    out().println(JSON.writeValueAsString(value));
  }

  /** An output argument's value; a GDS answer without it is malformed, and said so plainly. */
  protected static Object value(Variant v) {
    Object value = v.value();
    if (value == null) {
      throw new IllegalStateException("the GDS answered without an expected output value");
    }
    return value;
  }

  /** An array output argument; OPC UA lets a null array stand for an empty one. */
  protected static Object[] values(Variant v) {
    Object value = v.value();
    return value == null ? new Object[0] : (Object[]) value;
  }

  private int fail(StatusCode status, @Nullable String message) {
    PrintWriter err = spec.commandLine().getErr();
    String[] info = StatusCodes.lookup(status.value()).orElse(new String[] {status.toString(), ""});
    // a message without "status=" is the GDS's own reason (the rule that refused): shown as is
    String text =
        message != null && !message.isBlank() && !message.contains("status=")
            ? message
            : readable(status, info[1]);
    err.println("gds: " + info[0] + ": " + text);
    err.flush();
    return 1;
  }

  private static String readable(StatusCode status, String detail) {
    long v = status.value();
    if (v == StatusCodes.Bad_UserAccessDenied) {
      return "the user lacks the role for this operation (or the login failed)";
    }
    if (v == StatusCodes.Bad_IdentityTokenRejected || v == StatusCodes.Bad_IdentityTokenInvalid) {
      return "the login was refused";
    }
    return detail == null || detail.isBlank() ? "the GDS refused the operation" : detail;
  }
}
