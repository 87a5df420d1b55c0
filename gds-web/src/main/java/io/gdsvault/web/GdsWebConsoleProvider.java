package io.gdsvault.web;

import io.gdsvault.gds.app.GdsApplication;
import io.gdsvault.gds.app.WebConsole;
import io.gdsvault.gds.app.WebConsoleProvider;
import java.time.Clock;

/** The web console, found by {@code gds serve} through {@link java.util.ServiceLoader}. */
public final class GdsWebConsoleProvider implements WebConsoleProvider {

  @Override
  public WebConsole start(GdsApplication app, Clock clock) throws Exception {
    return WebServer.start(app, clock);
  }
}
