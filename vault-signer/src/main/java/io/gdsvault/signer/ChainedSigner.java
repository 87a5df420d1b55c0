package io.gdsvault.signer;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A signer with a certificate chain attached; the key stays where the delegate keeps it. */
record ChainedSigner(IssuerSigner delegate, List<X509Certificate> certificateChain)
    implements IssuerSigner {

  @Override
  public String keyReference() {
    return delegate.keyReference();
  }

  @Override
  public PublicKey publicKey() {
    return delegate.publicKey();
  }

  @Override
  public SignatureAlgorithm signatureAlgorithm() {
    return delegate.signatureAlgorithm();
  }

  @Override
  public byte[] sign(byte[] toBeSigned) throws SignerException {
    return delegate.sign(toBeSigned);
  }

  @Override
  public IssuerSigner withChain(List<X509Certificate> chain) {
    return new ChainedSigner(delegate, List.copyOf(chain));
  }
}
