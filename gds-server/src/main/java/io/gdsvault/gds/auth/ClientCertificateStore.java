package io.gdsvault.gds.auth;

import java.util.List;

/** The secure channel's trust store for client application certificates. */
public interface ClientCertificateStore {

  /** Rejected and trusted client certificates. */
  List<ClientCertificate> list();

  /** Moves a rejected certificate to the trusted list; false when no rejected one matches. */
  boolean accept(String thumbprint);
}
