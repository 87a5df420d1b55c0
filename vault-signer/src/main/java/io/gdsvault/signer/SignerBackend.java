package io.gdsvault.signer;

/**
 * A place where issuer keys live: it can create and find them. The CA layer opens one per
 * certificate group; {@link #close()} releases sessions or clients.
 */
public interface SignerBackend extends KeyCreator, SignerLocator, AutoCloseable {

  /** A short name for logs: {@code local}, {@code pkcs11}, {@code azure}. */
  String kind();

  @Override
  void close();
}
