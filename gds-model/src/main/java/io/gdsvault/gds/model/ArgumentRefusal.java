package io.gdsvault.gds.model;

/**
 * A refusal that names the input argument it is about (e.g. {@code CertificateRequest}), so the OPC
 * UA layer can mark that argument and hand the caller the reason with it. The message follows the
 * {@link GdsException} rule: short and safe to show.
 */
public final class ArgumentRefusal extends GdsException {

  private final String argument;

  public ArgumentRefusal(Reason reason, String argument, String safeMessage) {
    super(reason, safeMessage);
    this.argument = argument;
  }

  /** The same refusal ({@code e}'s reason and message), said of {@code argument}. */
  public static ArgumentRefusal of(GdsException e, String argument) {
    return e instanceof ArgumentRefusal a
        ? a
        : new ArgumentRefusal(
            e.reason(), argument, java.util.Objects.requireNonNullElse(e.getMessage(), ""));
  }

  /** The BrowseName of the input argument the refusal is about. */
  public String argument() {
    return argument;
  }
}
