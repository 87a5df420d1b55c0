package io.gdsvault.signer;

/** The power to create a new issuer key inside a backend; separate from signing on purpose. */
public interface KeyCreator {

  /**
   * Creates a new key under {@code alias} inside the backend (non-exportable where the backend can
   * enforce it) and returns a signer for it, with an empty chain.
   *
   * @throws SignerException if the alias is taken or the backend refuses
   */
  IssuerSigner createKey(String alias, KeySpec spec) throws SignerException;
}
