package io.gdsvault.gds.certificates;

/**
 * Told about request changes. {@link #recorded} runs inside the change's transaction (the audit
 * trail writes its row there, so the change and its row commit or roll back together); every other
 * method runs after the change committed (OPC UA nodes and events listen).
 */
public interface CertificateRequestListener {

  /** A new request was stored (raise the CertificateRequested event). */
  void created(CertificateRequestRecord request);

  /** A request changed state or got its certificate. */
  void changed(CertificateRequestRecord request);

  /** FinishRequest delivered the request's certificate (raise CertificateDelivered). */
  default void delivered(CertificateRequestRecord request) {
    changed(request);
  }

  /**
   * FinishRequest delivered the request's certificate; {@code repeat} when it was delivered before
   * and asked for again within the grace period (a lost reply).
   */
  default void delivered(CertificateRequestRecord request, boolean repeat) {
    delivered(request);
  }

  /** A certificate was revoked (raise CertificateRevoked). */
  default void revoked(IssuedCertificateRecord certificate, String actor) {}

  /**
   * A step of {@code request}'s history (created, approved, rejected, issued, delivered, revoked,
   * removed, key-generated, key-expired) was stored, in the transaction that made the change and
   * before it commits: a failure here rolls the change back. {@code request} is the request as the
   * change left it.
   */
  default void recorded(CertificateRequestRecord request, RequestHistoryEntry entry) {}

  CertificateRequestListener NONE =
      new CertificateRequestListener() {
        @Override
        public void created(CertificateRequestRecord request) {}

        @Override
        public void changed(CertificateRequestRecord request) {}
      };
}
