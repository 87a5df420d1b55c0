package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.PortContentSigner;
import io.gdsvault.signer.SignerException;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * The last step of issuance: the only place the CA hands bytes to the {@link IssuerSigner} port,
 * after every check has passed. A certificate's TBSCertificate is encoded once and the signed DER
 * assembled around it; a CRL goes through BouncyCastle's builder and {@link PortContentSigner}.
 */
final class SignedDer {

  private SignedDer() {}

  /**
   * Encodes the template's TBSCertificate once, has the port sign exactly those bytes, and appends
   * the algorithm and signature: {@code Certificate ::= SEQUENCE { tbsCertificate,
   * signatureAlgorithm, signatureValue BIT STRING }} (RFC 5280 §4.1). Building the BouncyCastle
   * holder and encoding it again would encode the TBSCertificate twice.
   */
  static byte[] certificate(CertificateTemplate t, IssuerSigner signer) throws CaException {
    AlgorithmIdentifier algorithm = signer.signatureAlgorithm().algorithmIdentifier();
    byte[] tbs;
    byte[] algorithmDer;
    try {
      tbs = t.tbsDer(algorithm);
      algorithmDer = algorithm.getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "certificate could not be encoded", e);
    }
    byte[] signature;
    try {
      signature = signer.sign(tbs);
    } catch (SignerException e) {
      throw new CaException(Reason.SIGNER_UNAVAILABLE, e.getMessage(), e);
    }
    return assemble(tbs, algorithmDer, signature);
  }

  /** Signs the CRL {@code builder} holds through the port and returns its DER. */
  static byte[] crl(X509v2CRLBuilder builder, IssuerSigner signer) throws CaException {
    try {
      return builder.build(new PortContentSigner(signer)).getEncoded();
    } catch (IOException e) {
      throw new CaException(Reason.TEMPLATE_INVALID, "CRL could not be built", e);
    } catch (RuntimeException e) {
      SignerException se = PortContentSigner.unwrap(e);
      throw new CaException(Reason.SIGNER_UNAVAILABLE, se.getMessage(), se);
    }
  }

  private static byte[] assemble(byte[] tbs, byte[] algorithmDer, byte[] signature) {
    int bitStringLength = signature.length + 1; // leading octet: 0 unused bits
    byte[] bitHeader = derHeader(0x03, bitStringLength);
    int body = tbs.length + algorithmDer.length + bitHeader.length + bitStringLength;
    byte[] header = derHeader(0x30, body);
    byte[] der = new byte[header.length + body];
    int at = 0;
    System.arraycopy(header, 0, der, at, header.length);
    at += header.length;
    System.arraycopy(tbs, 0, der, at, tbs.length);
    at += tbs.length;
    System.arraycopy(algorithmDer, 0, der, at, algorithmDer.length);
    at += algorithmDer.length;
    System.arraycopy(bitHeader, 0, der, at, bitHeader.length);
    at += bitHeader.length;
    der[at++] = 0;
    System.arraycopy(signature, 0, der, at, signature.length);
    return der;
  }

  /** A DER tag and definite length, in the shortest form. */
  static byte[] derHeader(int tag, int length) {
    if (length < 0x80) {
      return new byte[] {(byte) tag, (byte) length};
    }
    int octets = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
    byte[] h = new byte[2 + octets];
    h[0] = (byte) tag;
    h[1] = (byte) (0x80 | octets);
    for (int i = 0; i < octets; i++) {
      h[2 + i] = (byte) (length >>> (8 * (octets - 1 - i)));
    }
    return h;
  }
}
