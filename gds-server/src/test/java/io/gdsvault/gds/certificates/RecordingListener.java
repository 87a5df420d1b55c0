package io.gdsvault.gds.certificates;

import java.util.ArrayList;
import java.util.List;

/**
 * Notes every call with whether a transaction was open, as {@code recorded:<action>:tx} or {@code
 * <event>:committed}; throws in {@link #recorded} for the action set by {@link #failOn}.
 */
final class RecordingListener implements CertificateRequestListener {

  private final InMemoryCertificateStore store;
  private final List<String> calls = new ArrayList<>();
  private String failOn = "";

  RecordingListener(InMemoryCertificateStore store) {
    this.store = store;
  }

  /** The next {@code recorded} of this history action fails (as a refused audit row does). */
  void failOn(String action) {
    failOn = action;
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  synchronized void clear() {
    calls.clear();
  }

  @Override
  public synchronized void recorded(CertificateRequestRecord request, RequestHistoryEntry entry) {
    if (entry.action().equals(failOn)) {
      failOn = "";
      throw new IllegalStateException("audit row refused");
    }
    calls.add("recorded:" + entry.action() + where());
  }

  @Override
  public synchronized void created(CertificateRequestRecord request) {
    calls.add("created" + where());
  }

  @Override
  public synchronized void changed(CertificateRequestRecord request) {
    calls.add("changed:" + request.state().label() + where());
  }

  @Override
  public synchronized void delivered(CertificateRequestRecord request, boolean repeat) {
    calls.add((repeat ? "delivered-again" : "delivered") + where());
  }

  @Override
  public synchronized void revoked(IssuedCertificateRecord certificate, String actor) {
    calls.add("revoked" + where());
  }

  private String where() {
    return store.inTransaction() ? ":tx" : ":committed";
  }
}
