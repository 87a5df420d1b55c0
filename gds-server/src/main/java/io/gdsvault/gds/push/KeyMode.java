package io.gdsvault.gds.push;

/**
 * How a push obtains the target's new key: {@code CSR} asks the target for a signing request (the
 * key never leaves the target), falling back to a new key pair when the target does not support
 * CreateSigningRequest; {@code NEW_KEY_PAIR} always has the GDS generate the key.
 */
public enum KeyMode {
  CSR,
  NEW_KEY_PAIR
}
