package io.gdsvault.sim.push;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;

/** Certificates, CRLs and private keys in the encodings that ServerConfiguration methods use. */
public final class CertificateCodec {

  public static final String PEM = "PEM";
  public static final String PFX = "PFX";

  private CertificateCodec() {}

  /** Exactly one DER or PEM certificate; anything else is Bad_CertificateInvalid. */
  public static X509Certificate decodeCertificate(byte[] der) throws UaException {
    try {
      return Certificates.parse(der);
    } catch (InvalidCertificateException e) {
      throw invalid(e);
    }
  }

  /** Decodes one or more concatenated DER or PEM certificates. */
  public static List<X509Certificate> decodeCertificateChain(byte[] bytes) throws UaException {
    try {
      return Certificates.parseAll(bytes);
    } catch (InvalidCertificateException e) {
      throw invalid(e);
    }
  }

  public static List<X509Certificate> decodeCertificates(ByteString[] values) throws UaException {
    List<X509Certificate> out = new ArrayList<>();
    if (values != null) {
      for (ByteString v : values) {
        out.add(decodeCertificate(v == null ? new byte[0] : v.bytesOrEmpty()));
      }
    }
    return out;
  }

  public static X509CRL decodeCrl(byte[] bytes) throws UaException {
    try {
      return Certificates.parseCrl(bytes);
    } catch (InvalidCertificateException e) {
      throw invalid(e);
    }
  }

  private static UaException invalid(InvalidCertificateException e) {
    // the helper's messages are short and safe to answer with
    return new UaException(StatusCodes.Bad_CertificateInvalid, e.getMessage());
  }

  public static List<X509CRL> decodeCrls(ByteString[] values) throws UaException {
    List<X509CRL> out = new ArrayList<>();
    if (values != null) {
      for (ByteString v : values) {
        out.add(decodeCrl(v == null ? new byte[0] : v.bytesOrEmpty()));
      }
    }
    return out;
  }

  /**
   * Decodes a private key given to UpdateCertificate: {@code PEM} (PKCS#8 or traditional) or {@code
   * PFX} (PKCS#12 without a password, or with an empty one).
   */
  public static PrivateKey decodePrivateKey(String format, byte[] bytes) throws UaException {
    if (PEM.equalsIgnoreCase(format)) {
      try (var parser =
          new PEMParser(
              new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
        Object o = parser.readObject();
        var converter = new JcaPEMKeyConverter();
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        } else if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
      } catch (IOException | RuntimeException e) {
        // fall through to the uniform error below; the key material stays out of the message
      }
      throw new UaException(
          StatusCodes.Bad_CertificateInvalid, "private key is not a readable PEM key");
    } else if (PFX.equalsIgnoreCase(format)) {
      for (char[] password : new char[][] {new char[0], null}) {
        try {
          var ks = KeyStore.getInstance("PKCS12");
          ks.load(new ByteArrayInputStream(bytes), password);
          Enumeration<String> aliases = ks.aliases();
          while (aliases.hasMoreElements()) {
            String alias = aliases.nextElement();
            if (ks.isKeyEntry(alias)) {
              return (PrivateKey) ks.getKey(alias, password == null ? new char[0] : password);
            }
          }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
          // try the next password convention
        }
      }
      throw new UaException(
          StatusCodes.Bad_CertificateInvalid, "private key is not a readable PFX");
    }
    throw new UaException(StatusCodes.Bad_NotSupported, "private key format not supported");
  }

  /** True when {@code privateKey} is the partner of {@code publicKey} (signs and verifies). */
  public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
    try {
      String alg =
          switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
          };
      if (alg == null || !publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
        return false;
      }
      byte[] probe = "gds-vault key match probe".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(privateKey);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(publicKey);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  public static int keySize(PublicKey key) {
    if (key instanceof RSAKey rsa) {
      return rsa.getModulus().bitLength();
    } else if (key instanceof ECKey ec) {
      return ec.getParams().getOrder().bitLength();
    }
    return 0;
  }

  public static String toPem(Object... objects) {
    var sw = new StringWriter();
    try (var w = new JcaPEMWriter(sw)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    } catch (IOException e) {
      throw new IllegalStateException("PEM encoding failed", e);
    }
    return sw.toString();
  }

  public static KeyPair readKeyPair(byte[] pem, PublicKey publicKey) throws UaException {
    return new KeyPair(publicKey, decodePrivateKey(PEM, pem));
  }

  public static PrivateKey readPemPrivateKey(String pem) throws UaException {
    return decodePrivateKey(PEM, pem.getBytes(StandardCharsets.US_ASCII));
  }

  static Object readPemObject(String pem) throws IOException {
    try (var parser = new PEMParser(new StringReader(pem))) {
      return parser.readObject();
    }
  }
}
