package io.gdsvault.gds.certificates;

/** Told about request changes after they are committed (OPC UA nodes and events listen). */
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

  CertificateRequestListener NONE =
      new CertificateRequestListener() {
        @Override
        public void created(CertificateRequestRecord request) {}

        @Override
        public void changed(CertificateRequestRecord request) {}
      };
}
