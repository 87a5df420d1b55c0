package io.gdsvault.bench.client;

/** A call of a flow answered with a bad status or an unexpected output. */
public final class FlowException extends Exception {

  private static final long serialVersionUID = 1L;

  public FlowException(String message) {
    super(message);
  }
}
