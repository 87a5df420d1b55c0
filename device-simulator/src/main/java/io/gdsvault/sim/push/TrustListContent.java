package io.gdsvault.sim.push;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;

/**
 * One trust list: trusted and issuer certificates and CRLs. Immutable; the four lists are the
 * fields of Part 12's TrustListDataType, whose UA-binary encoding is the TrustList file content.
 */
public record TrustListContent(
    List<X509Certificate> trustedCertificates,
    List<X509CRL> trustedCrls,
    List<X509Certificate> issuerCertificates,
    List<X509CRL> issuerCrls) {

  /** TrustListMasks bits (Part 12). */
  public static final int TRUSTED_CERTIFICATES = 1;

  public static final int TRUSTED_CRLS = 2;
  public static final int ISSUER_CERTIFICATES = 4;
  public static final int ISSUER_CRLS = 8;
  public static final int ALL = 15;

  public static final TrustListContent EMPTY =
      new TrustListContent(List.of(), List.of(), List.of(), List.of());

  public TrustListContent {
    trustedCertificates = List.copyOf(trustedCertificates);
    trustedCrls = List.copyOf(trustedCrls);
    issuerCertificates = List.copyOf(issuerCertificates);
    issuerCrls = List.copyOf(issuerCrls);
  }

  /** This list with the fields named by {@code masks} taken from {@code update}. */
  public TrustListContent merge(int masks, TrustListContent update) {
    return new TrustListContent(
        (masks & TRUSTED_CERTIFICATES) != 0 ? update.trustedCertificates : trustedCertificates,
        (masks & TRUSTED_CRLS) != 0 ? update.trustedCrls : trustedCrls,
        (masks & ISSUER_CERTIFICATES) != 0 ? update.issuerCertificates : issuerCertificates,
        (masks & ISSUER_CRLS) != 0 ? update.issuerCrls : issuerCrls);
  }

  /** The UA-binary encoded TrustListDataType (no ExtensionObject header) with the masked fields. */
  public byte[] encode(EncodingContext context, int masks) throws UaException {
    var data =
        new TrustListDataType(
            uint(masks & ALL),
            (masks & TRUSTED_CERTIFICATES) != 0 ? certs(trustedCertificates) : null,
            (masks & TRUSTED_CRLS) != 0 ? crls(trustedCrls) : null,
            (masks & ISSUER_CERTIFICATES) != 0 ? certs(issuerCertificates) : null,
            (masks & ISSUER_CRLS) != 0 ? crls(issuerCrls) : null);
    ExtensionObject xo = ExtensionObject.encode(context, data);
    Object body = xo.getBody();
    if (body instanceof ByteString bs) {
      return bs.bytesOrEmpty();
    }
    throw new UaException(StatusCodes.Bad_EncodingError, "unexpected trust list encoding");
  }

  /** Certificates and CRLs in all four lists. */
  public int entryCount() {
    return trustedCertificates.size()
        + trustedCrls.size()
        + issuerCertificates.size()
        + issuerCrls.size();
  }

  /** Decoded file content; the returned masks say which fields were given. */
  public static Masked decode(EncodingContext context, byte[] bytes) throws UaException {
    return decode(context, bytes, 0);
  }

  /**
   * Decoded file content; the returned masks say which fields were given. With {@code maxEntries}
   * above 0, more entries than that are refused (Bad_EncodingLimitsExceeded) before any certificate
   * is parsed.
   */
  public static Masked decode(EncodingContext context, byte[] bytes, int maxEntries)
      throws UaException {
    TrustListDataType data;
    try {
      NodeId encodingId =
          TrustListDataType.BINARY_ENCODING_ID.toNodeId(context.getNamespaceTable()).orElseThrow();
      Object decoded = ExtensionObject.of(ByteString.of(bytes), encodingId).decode(context);
      data = (TrustListDataType) decoded;
    } catch (RuntimeException e) {
      throw new UaException(
          StatusCodes.Bad_DecodingError, "trust list content is not a TrustListDataType");
    }
    int masks = data.getSpecifiedLists() == null ? 0 : data.getSpecifiedLists().intValue() & ALL;
    long entries =
        (long) length(data.getTrustedCertificates())
            + length(data.getTrustedCrls())
            + length(data.getIssuerCertificates())
            + length(data.getIssuerCrls());
    if (maxEntries > 0 && entries > maxEntries) {
      throw new UaException(
          StatusCodes.Bad_EncodingLimitsExceeded,
          "trust list has " + entries + " entries, more than " + maxEntries + " accepted");
    }
    return new Masked(
        masks,
        new TrustListContent(
            CertificateCodec.decodeCertificates(data.getTrustedCertificates()),
            CertificateCodec.decodeCrls(data.getTrustedCrls()),
            CertificateCodec.decodeCertificates(data.getIssuerCertificates()),
            CertificateCodec.decodeCrls(data.getIssuerCrls())));
  }

  private static int length(ByteString[] values) {
    return values == null ? 0 : values.length;
  }

  /** Decoded content together with its SpecifiedLists mask. */
  public record Masked(int masks, TrustListContent content) {}

  private static ByteString[] certs(List<X509Certificate> list) throws UaException {
    List<ByteString> out = new ArrayList<>();
    for (X509Certificate c : list) {
      try {
        out.add(ByteString.of(c.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new UaException(StatusCodes.Bad_CertificateInvalid, "certificate cannot be encoded");
      }
    }
    return out.toArray(new ByteString[0]);
  }

  private static ByteString[] crls(List<X509CRL> list) throws UaException {
    List<ByteString> out = new ArrayList<>();
    for (X509CRL c : list) {
      try {
        out.add(ByteString.of(c.getEncoded()));
      } catch (CRLException e) {
        throw new UaException(StatusCodes.Bad_CertificateInvalid, "CRL cannot be encoded");
      }
    }
    return out.toArray(new ByteString[0]);
  }
}
