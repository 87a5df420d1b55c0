package io.gdsvault.gds.certificates;

/** Told about request changes after they are committed (OPC UA nodes and events listen). */
public interface CertificateRequestListener {

  /** A new request was stored (raise the CertificateRequested event). */
  void created(CertificateRequestRecord request);

  /** A request changed state or got its certificate. */
  void changed(CertificateRequestRecord request);

  CertificateRequestListener NONE =
      new CertificateRequestListener() {
        @Override
        public void created(CertificateRequestRecord request) {}

        @Override
        public void changed(CertificateRequestRecord request) {}
      };
}
