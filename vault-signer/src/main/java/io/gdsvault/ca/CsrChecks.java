package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** The CSR parsing step and the standard checks, each usable on its own. */
public final class CsrChecks {

  /** Requests larger than this are refused before parsing (a CSR is a few KB at most). */
  public static final int DEFAULT_MAX_CSR_BYTES = 64 * 1024;

  private CsrChecks() {}

  /**
   * Parses a DER PKCS#10 request, refusing oversized input, garbage and key algorithms or curves
   * other than RSA, NIST P-256 and P-384. Never lets an unchecked exception out.
   */
  public static CertificateRequest parse(byte[] der, int maxBytes) throws CaException {
    return parse(der, maxBytes, true);
  }

  /**
   * As {@link #parse(byte[], int)}; without {@code strictDer} the check that the input is in
   * canonical DER (a re-encoding) is left out. Only for bytes that passed it before and are known
   * unchanged: a sealed CSR ({@link CsrSeal#restore}).
   */
  static CertificateRequest parse(byte[] der, int maxBytes, boolean strictDer) throws CaException {
    if (der == null || der.length == 0) {
      throw new CaException(Reason.CSR_MALFORMED, "certificate request is empty");
    }
    if (der.length > maxBytes) {
      throw new CaException(
          Reason.CSR_TOO_LARGE,
          "certificate request is " + der.length + " bytes; at most " + maxBytes + " accepted");
    }
    PKCS10CertificationRequest pkcs10;
    SubjectPublicKeyInfo spki;
    try {
      pkcs10 = new PKCS10CertificationRequest(der);
      spki = pkcs10.getSubjectPublicKeyInfo();
      if (strictDer && !java.util.Arrays.equals(pkcs10.getEncoded(), der)) {
        throw new CaException(Reason.CSR_MALFORMED, "certificate request is not plain DER");
      }
    } catch (IOException | RuntimeException e) {
      throw new CaException(
          Reason.CSR_MALFORMED, "certificate request is not a PKCS#10 request", e);
    }
    // a sealed request's key was accepted when it was verified: its JCA key is made on demand
    PublicKey key = strictDer ? publicKey(spki) : null;
    if (!strictDer) {
      checkKeyAlgorithm(spki);
    }
    List<String> uris = new ArrayList<>();
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    try {
      for (Attribute attr :
          pkcs10.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
        for (ASN1Encodable value : attr.getAttributeValues()) {
          Extensions exts = Extensions.getInstance(value);
          GeneralNames names = GeneralNames.fromExtensions(exts, Extension.subjectAlternativeName);
          if (names == null) {
            continue;
          }
          for (GeneralName n : names.getNames()) {
            switch (n.getTagNo()) {
              case GeneralName.uniformResourceIdentifier -> uris.add(n.getName().toString());
              case GeneralName.dNSName -> dns.add(n.getName().toString());
              case GeneralName.iPAddress ->
                  ips.add(ipText(ASN1OctetString.getInstance(n.getName()).getOctets()));
              default -> {
                // other name forms are ignored: the CA writes its own SAN
              }
            }
          }
        }
      }
    } catch (RuntimeException e) {
      throw new CaException(
          Reason.CSR_MALFORMED, "certificate request extensions are malformed", e);
    }
    return new CertificateRequest(pkcs10, spki, key, pkcs10.getSubject(), uris, dns, ips);
  }

  private static String ipText(byte[] octets) {
    try {
      return java.net.InetAddress.getByAddress(octets).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      return "invalid";
    }
  }

  static PublicKey publicKey(SubjectPublicKeyInfo spki) throws CaException {
    String jca = checkKeyAlgorithm(spki);
    try {
      return KeyFactory.getInstance(jca).generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new CaException(Reason.CSR_MALFORMED, "public key in the request is malformed", e);
    }
  }

  /** RSA, P-256 or P-384; returns the JCA key algorithm name. */
  private static String checkKeyAlgorithm(SubjectPublicKeyInfo spki) throws CaException {
    ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
    String jca;
    if (PKCSObjectIdentifiers.rsaEncryption.equals(alg)) {
      jca = "RSA";
    } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(alg)) {
      ASN1Encodable params = spki.getAlgorithm().getParameters();
      if (!(params instanceof ASN1ObjectIdentifier curve)
          || !(curve.equals(SECObjectIdentifiers.secp256r1)
              || curve.equals(SECObjectIdentifiers.secp384r1))) {
        throw new CaException(
            Reason.ALGORITHM_UNSUPPORTED,
            "elliptic curve " + params + " is not supported; use NIST P-256 or P-384");
      }
      jca = "EC";
    } else {
      throw new CaException(
          Reason.ALGORITHM_UNSUPPORTED, "key algorithm " + alg.getId() + " is not supported");
    }
    return jca;
  }

  /**
   * ECDSA verification through BouncyCastle: on JDK 17, SunEC verifies P-256 about four times
   * slower than it signs, which would make CSR checking dominate issuance.
   */
  private static final java.security.Provider BC =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  /** The request is signed by the private key matching its public key. */
  public static CsrCheck signatureValid() {
    return request -> {
      boolean valid;
      try {
        boolean rsa =
            PKCSObjectIdentifiers.rsaEncryption.equals(
                request.publicKeyInfo().getAlgorithm().getAlgorithm());
        var verifiers =
            rsa
                ? new JcaContentVerifierProviderBuilder().build(request.publicKey())
                : new JcaContentVerifierProviderBuilder()
                    .setProvider(BC)
                    .build(request.publicKeyInfo());
        valid = request.pkcs10().isSignatureValid(verifiers);
      } catch (Exception e) {
        throw new CaException(
            Reason.CSR_SIGNATURE_INVALID, "certificate request signature cannot be verified", e);
      }
      if (!valid) {
        throw new CaException(
            Reason.CSR_SIGNATURE_INVALID, "certificate request signature is invalid");
      }
    };
  }

  /** The key type and size fit {@code type}: RSA 2048..4096 for RSA, the named curve for ECC. */
  public static CsrCheck keyFits(CertificateType type) {
    return request -> {
      SubjectPublicKeyInfo spki = request.publicKeyInfo();
      boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(spki.getAlgorithm().getAlgorithm());
      if (type.isRsa()) {
        if (!rsa) {
          throw new CaException(Reason.KEY_TYPE_MISMATCH, type.browseName() + " needs an RSA key");
        }
        int bits = rsaBits(spki);
        if (bits < CertificateType.RSA_MIN_BITS) {
          throw new CaException(
              Reason.KEY_TOO_WEAK,
              "RSA key of "
                  + bits
                  + " bits is too weak; at least "
                  + CertificateType.RSA_MIN_BITS
                  + " required");
        }
        if (bits > CertificateType.RSA_MAX_BITS) {
          throw new CaException(
              Reason.KEY_TYPE_MISMATCH,
              "RSA key of " + bits + " bits exceeds " + CertificateType.RSA_MAX_BITS);
        }
        return;
      }
      ASN1ObjectIdentifier want =
          type == CertificateType.ECC_NIST_P256
              ? SECObjectIdentifiers.secp256r1
              : SECObjectIdentifiers.secp384r1;
      if (rsa || !want.equals(spki.getAlgorithm().getParameters())) {
        throw new CaException(
            Reason.KEY_TYPE_MISMATCH,
            type.browseName()
                + " needs an EC key on "
                + (want.equals(SECObjectIdentifiers.secp256r1) ? "P-256" : "P-384"));
      }
    };
  }

  /** The smallest RSA public exponent accepted (F4; small exponents such as 3 are refused). */
  public static final BigInteger MIN_RSA_EXPONENT = BigInteger.valueOf(65_537);

  /** Signature algorithms of SHA-256 or better (RSASSA-PSS is checked for its hash). */
  private static final java.util.Set<ASN1ObjectIdentifier> STRONG_SIGNATURES =
      java.util.Set.of(
          PKCSObjectIdentifiers.sha256WithRSAEncryption,
          PKCSObjectIdentifiers.sha384WithRSAEncryption,
          PKCSObjectIdentifiers.sha512WithRSAEncryption,
          X9ObjectIdentifiers.ecdsa_with_SHA256,
          X9ObjectIdentifiers.ecdsa_with_SHA384,
          X9ObjectIdentifiers.ecdsa_with_SHA512);

  private static final java.util.Set<ASN1ObjectIdentifier> STRONG_DIGESTS =
      java.util.Set.of(
          org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256,
          org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha384,
          org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha512);

  /**
   * The request's cryptography is strong enough: an RSA key's public exponent is at least {@link
   * #MIN_RSA_EXPONENT}, and the request is signed with SHA-256 or better (MD5, SHA-1 and SHA-224
   * are refused).
   */
  public static CsrCheck strongCrypto() {
    return request -> {
      SubjectPublicKeyInfo spki = request.publicKeyInfo();
      if (PKCSObjectIdentifiers.rsaEncryption.equals(spki.getAlgorithm().getAlgorithm())) {
        BigInteger exponent;
        try {
          exponent = RSAPublicKey.getInstance(spki.parsePublicKey()).getPublicExponent();
        } catch (IOException | RuntimeException e) {
          throw new CaException(Reason.CSR_MALFORMED, "RSA public key is malformed", e);
        }
        if (exponent.compareTo(MIN_RSA_EXPONENT) < 0) {
          throw new CaException(
              Reason.KEY_TOO_WEAK,
              "RSA public exponent " + exponent + " is too small; at least 65537 required");
        }
      }
      var alg = request.pkcs10().getSignatureAlgorithm();
      ASN1ObjectIdentifier oid = alg.getAlgorithm();
      boolean strong =
          STRONG_SIGNATURES.contains(oid)
              || (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)
                  && strongPss(alg.getParameters()));
      if (!strong) {
        throw new CaException(
            Reason.ALGORITHM_UNSUPPORTED,
            "certificate request is signed with "
                + oid.getId()
                + "; a signature with SHA-256 or better is required");
      }
    };
  }

  private static boolean strongPss(@org.jspecify.annotations.Nullable ASN1Encodable params) {
    try {
      var pss = org.bouncycastle.asn1.pkcs.RSASSAPSSparams.getInstance(params);
      return pss != null && STRONG_DIGESTS.contains(pss.getHashAlgorithm().getAlgorithm());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int rsaBits(SubjectPublicKeyInfo spki) throws CaException {
    try {
      BigInteger modulus = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus();
      return modulus.bitLength();
    } catch (IOException | RuntimeException e) {
      throw new CaException(Reason.CSR_MALFORMED, "RSA public key is malformed", e);
    }
  }

  /**
   * Every URI the request puts in its subjectAltName equals the registered {@code applicationUri}
   * (Part 12: Bad_CertificateUriInvalid). With {@code required}, the request must carry it.
   */
  public static CsrCheck applicationUriMatches(String applicationUri, boolean required) {
    return request -> {
      if (required && request.uris().isEmpty()) {
        throw new CaException(
            Reason.CERTIFICATE_URI_INVALID,
            "certificate request has no application URI in its subjectAltName");
      }
      for (String uri : request.uris()) {
        if (!uri.equals(applicationUri)) {
          throw new CaException(
              Reason.CERTIFICATE_URI_INVALID,
              "certificate request URI does not match the registered ApplicationUri");
        }
      }
    };
  }
}
