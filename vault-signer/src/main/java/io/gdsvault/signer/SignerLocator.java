package io.gdsvault.signer;

import java.util.Optional;

/** The power to find an existing issuer key by alias. */
public interface SignerLocator {

  /** The signer for {@code alias} (with an empty chain), or empty if there is no such key. */
  Optional<IssuerSigner> findKey(String alias) throws SignerException;
}
