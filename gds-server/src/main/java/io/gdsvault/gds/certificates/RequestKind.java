package io.gdsvault.gds.certificates;

/** How the requester supplies the key: a CSR it signed, or a key pair the GDS generates. */
public enum RequestKind {
  SIGNING_REQUEST,
  NEW_KEY_PAIR
}
