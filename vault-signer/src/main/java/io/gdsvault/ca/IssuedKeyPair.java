package io.gdsvault.ca;

import java.security.PrivateKey;

/** A certificate issued for a key pair the CA generated (Part 12 StartNewKeyPairRequest). */
public record IssuedKeyPair(IssuedCertificate issued, PrivateKey privateKey) {

  @Override
  public String toString() {
    return "IssuedKeyPair[" + issued.serialNumber().toString(16) + ", private key hidden]";
  }
}
