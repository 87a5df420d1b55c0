package io.gdsvault.signer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * Bridges BouncyCastle's certificate and CRL builders to the {@link IssuerSigner} port: BC streams
 * the to-be-signed bytes in, and the port signs them. Not thread-safe: one per build.
 */
public final class PortContentSigner implements ContentSigner {

  private final IssuerSigner signer;
  private final ByteArrayOutputStream tbs = new ByteArrayOutputStream(2048);

  public PortContentSigner(IssuerSigner signer) {
    this.signer = signer;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return signer.signatureAlgorithm().algorithmIdentifier();
  }

  @Override
  public OutputStream getOutputStream() {
    return tbs;
  }

  /**
   * Signs what was written. A {@link SignerException} travels out as the cause of a {@link
   * RuntimeOperatorException}; callers unwrap it with {@link #unwrap}.
   */
  @Override
  public byte[] getSignature() {
    try {
      return signer.sign(tbs.toByteArray());
    } catch (SignerException e) {
      throw new RuntimeOperatorException(e.getMessage(), e);
    }
  }

  /** The signer failure behind a BouncyCastle runtime exception, or a generic one. */
  public static SignerException unwrap(RuntimeException e) {
    if (e.getCause() instanceof SignerException se) {
      return se;
    }
    return new SignerException("signing failed", e);
  }
}
