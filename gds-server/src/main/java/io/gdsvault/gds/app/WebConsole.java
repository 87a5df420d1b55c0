package io.gdsvault.gds.app;

/** A running web console (HTTPS pages and REST API) of a GDS; {@link #close()} stops it. */
public interface WebConsole extends AutoCloseable {

  /** The URL it serves, e.g. {@code https://localhost:58843/}. */
  String url();

  @Override
  void close();
}
