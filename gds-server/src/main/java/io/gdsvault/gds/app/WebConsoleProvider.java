package io.gdsvault.gds.app;

import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Starts the web console over a running GDS. The gds-web module implements it and registers it as a
 * {@link ServiceLoader} service, so the server module does not depend on the web stack; a build
 * without gds-web has none.
 */
public interface WebConsoleProvider {

  /** Starts the console on {@code app}'s services with the settings' {@code web} section. */
  WebConsole start(GdsApplication app, Clock clock) throws Exception;

  /** The provider on the class path, if any. */
  static Optional<WebConsoleProvider> find() {
    return ServiceLoader.load(WebConsoleProvider.class).findFirst();
  }
}
