package io.gdsvault.bench;

import io.gdsvault.bench.reference.ReferenceServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reference --port N}: runs the plain Milo reference server until SIGTERM. */
@Command(
    name = "reference",
    mixinStandardHelpOptions = true,
    description = "Run the plain Milo reference server (the harness starts it in its own JVM).")
final class ReferenceCommand implements Callable<Integer> {

  @Option(names = "--port", required = true, description = "TCP port on 127.0.0.1.")
  int port;

  @Override
  public Integer call() throws Exception {
    ReferenceServer server = ReferenceServer.start(port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception ignored) {
                    // exiting anyway
                  }
                  stopped.countDown();
                },
                "reference-shutdown"));
    System.out.println("REFERENCE listening on " + server.endpointUrl());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
