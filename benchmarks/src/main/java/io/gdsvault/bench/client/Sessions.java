package io.gdsvault.bench.client;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;

/**
 * Long-lived sessions for request bursts: worker {@code w} owns session {@code w} and the devices
 * {@code w, w + n, w + 2n, ...}, so a request is always finished by the session (client
 * certificate) that started it, as the GDS requires.
 */
public final class Sessions implements AutoCloseable {

  /** What a worker does with one device, in its own session. */
  public interface Step {
    void run(OpcUaClient session, int index) throws Exception;
  }

  private final List<OpcUaClient> clients;

  private Sessions(List<OpcUaClient> clients) {
    this.clients = clients;
  }

  /** {@code n} sessions, each with the certificate of one of {@code owners}. */
  public static Sessions open(
      Connector connector, List<Device> owners, int n, IdentityProvider identity) throws Exception {
    List<OpcUaClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        clients.add(connector.open(owners.get(i), false, identity));
      }
    } catch (Exception e) {
      clients.forEach(Connector::close);
      throw e;
    }
    return new Sessions(clients);
  }

  public int size() {
    return clients.size();
  }

  /**
   * Runs {@code step} for indexes {@code 0..count-1}, each worker on its own session and its own
   * share; returns the seconds it took. The first failure ends the burst.
   */
  public double each(int count, Step step) throws Exception {
    int n = clients.size();
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    for (int w = 0; w < n; w++) {
      int worker = w;
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int i = worker; i < count && failures.isEmpty(); i += n) {
                    step.run(clients.get(worker), i);
                  }
                } catch (Exception e) {
                  failures.add(e);
                }
              },
              "burst-" + w);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  @Override
  public void close() {
    clients.forEach(Connector::close);
  }
}
