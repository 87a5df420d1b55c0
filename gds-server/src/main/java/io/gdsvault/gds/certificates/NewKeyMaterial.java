package io.gdsvault.gds.certificates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The private key of a StartNewKeyPairRequest between start and delivery, without ever keeping the
 * password: at start, everything that needs the password is computed ({@link #prepare}) — the
 * password-encrypted PKCS#8 (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) and, for PFX, the PKCS#12 MAC
 * key derived from the password — and the password is dropped. At finish, {@link #deliver}
 * assembles the PEM or the PFX around the issued certificate. The prepared payload is itself sealed
 * under the server data key before it is stored.
 */
public final class NewKeyMaterial {

  private static final int ITERATIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private static final byte PEM_READY = 1;
  private static final byte PFX_PLAIN = 2;
  private static final byte PFX_SHROUDED = 3;

  private NewKeyMaterial() {}

  /**
   * The payload to seal and store. {@code password} null or empty means an unprotected key (PEM
   * "PRIVATE KEY"; PFX with an empty password).
   */
  public static byte[] prepare(
      PrivateKey key, PublicKey publicKey, PrivateKeyFormat format, char[] password) {
    boolean protectedKey = password != null && password.length > 0;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      if (format == PrivateKeyFormat.PEM) {
        out.writeByte(PEM_READY);
        String pem =
            protectedKey
                ? pem("ENCRYPTED PRIVATE KEY", encryptPkcs8(key, password.clone()))
                : pem("PRIVATE KEY", key.getEncoded());
        writeBytes(out, pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      } else if (!protectedKey) {
        out.writeByte(PFX_PLAIN);
        writeBytes(out, key.getEncoded());
      } else {
        out.writeByte(PFX_SHROUDED);
        writeBytes(out, encryptPkcs8(key, password.clone()));
        writeBytes(out, localKeyId(publicKey));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        writeBytes(out, salt);
        out.writeInt(ITERATIONS);
        writeBytes(out, macKey(password, salt, ITERATIONS));
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the private key cannot be prepared", e);
    }
  }

  /** The PrivateKey output of FinishRequest for the prepared payload and the issued chain. */
  public static byte[] deliver(
      byte[] payload, X509Certificate certificate, List<X509Certificate> issuers) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte kind = in.readByte();
      return switch (kind) {
        case PEM_READY -> readBytes(in);
        case PFX_PLAIN -> plainPfx(readBytes(in), certificate, issuers);
        case PFX_SHROUDED -> {
          byte[] encrypted = readBytes(in);
          byte[] keyId = readBytes(in);
          byte[] salt = readBytes(in);
          int iterations = in.readInt();
          byte[] macKey = readBytes(in);
          yield shroudedPfx(encrypted, keyId, salt, iterations, macKey, certificate, issuers);
        }
        default -> throw new IllegalStateException("unknown key payload");
      };
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the private key cannot be delivered", e);
    }
  }

  private static byte[] encryptPkcs8(PrivateKey key, char[] password)
      throws GeneralSecurityException {
    try {
      var encryptor =
          new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
              .setPRF(
                  new AlgorithmIdentifier(
                      PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
              .setIterationCount(ITERATIONS)
              .setProvider(BC)
              .build(password);
      return new PKCS8EncryptedPrivateKeyInfoBuilder(PrivateKeyInfo.getInstance(key.getEncoded()))
          .build(encryptor)
          .getEncoded();
    } catch (org.bouncycastle.operator.OperatorCreationException | IOException e) {
      throw new GeneralSecurityException("PBES2 encryption failed", e);
    }
  }

  /** The PKCS#12 (RFC 7292 Appendix B) MAC key for HMAC-SHA256 over the password. */
  private static byte[] macKey(char[] password, byte[] salt, int iterations) {
    PKCS12ParametersGenerator gen = new PKCS12ParametersGenerator(new SHA256Digest());
    byte[] pw = bmpPassword(password);
    gen.init(pw, salt, iterations);
    // the generator keeps a reference to pw: derive before wiping it
    byte[] key = ((KeyParameter) gen.generateDerivedMacParameters(256)).getKey();
    Arrays.fill(pw, (byte) 0);
    return key;
  }

  /** BMPString with the two-byte terminator, also for an empty password (as JDK and OpenSSL do). */
  private static byte[] bmpPassword(char[] password) {
    byte[] out = new byte[(password.length + 1) * 2];
    for (int i = 0; i < password.length; i++) {
      out[i * 2] = (byte) (password[i] >>> 8);
      out[i * 2 + 1] = (byte) password[i];
    }
    return out;
  }

  private static byte[] localKeyId(PublicKey key) throws GeneralSecurityException {
    return MessageDigest.getInstance("SHA-1").digest(key.getEncoded());
  }

  private static byte[] shroudedPfx(
      byte[] encryptedKey,
      byte[] keyId,
      byte[] salt,
      int iterations,
      byte[] macKey,
      X509Certificate certificate,
      List<X509Certificate> issuers)
      throws IOException, GeneralSecurityException {
    Attribute localKeyId =
        new Attribute(
            PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DERSet(new DEROctetString(keyId)));
    Attribute friendlyName =
        new Attribute(
            PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
            new DERSet(new DERBMPString("application certificate")));
    ASN1EncodableVector certBags = new ASN1EncodableVector();
    certBags.add(
        new SafeBag(
            PKCSObjectIdentifiers.certBag,
            new CertBag(
                PKCSObjectIdentifiers.x509Certificate,
                new DEROctetString(certificate.getEncoded())),
            new DERSet(new org.bouncycastle.asn1.ASN1Encodable[] {localKeyId, friendlyName})));
    for (X509Certificate issuer : issuers) {
      certBags.add(
          new SafeBag(
              PKCSObjectIdentifiers.certBag,
              new CertBag(
                  PKCSObjectIdentifiers.x509Certificate, new DEROctetString(issuer.getEncoded()))));
    }
    SafeBag keyBag =
        new SafeBag(
            PKCSObjectIdentifiers.pkcs8ShroudedKeyBag,
            EncryptedPrivateKeyInfo.getInstance(encryptedKey),
            new DERSet(new org.bouncycastle.asn1.ASN1Encodable[] {localKeyId, friendlyName}));
    ContentInfo certs =
        new ContentInfo(
            PKCSObjectIdentifiers.data,
            new DEROctetString(new DERSequence(certBags).getEncoded(ASN1Encoding.DER)));
    ContentInfo keys =
        new ContentInfo(
            PKCSObjectIdentifiers.data,
            new DEROctetString(new DERSequence(keyBag).getEncoded(ASN1Encoding.DER)));
    byte[] authSafe =
        new AuthenticatedSafe(new ContentInfo[] {certs, keys}).getEncoded(ASN1Encoding.DER);
    Pfx pfx =
        new Pfx(
            new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(authSafe)),
            macData(authSafe, macKey, salt, iterations));
    return pfx.getEncoded(ASN1Encoding.DER);
  }

  /** The PFX's HMAC-SHA256 over the authenticated safe. */
  private static MacData macData(byte[] authSafe, byte[] macKey, byte[] salt, int iterations) {
    HMac hmac = new HMac(new SHA256Digest());
    hmac.init(new KeyParameter(macKey));
    hmac.update(authSafe, 0, authSafe.length);
    byte[] mac = new byte[hmac.getMacSize()];
    hmac.doFinal(mac, 0);
    return new MacData(
        new DigestInfo(
            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE), mac),
        salt,
        iterations);
  }

  private static byte[] plainPfx(
      byte[] pkcs8, X509Certificate certificate, List<X509Certificate> issuers)
      throws IOException, GeneralSecurityException {
    String algorithm = certificate.getPublicKey().getAlgorithm();
    PrivateKey key =
        KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    List<Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuers);
    ks.setKeyEntry("application certificate", key, new char[0], chain.toArray(Certificate[]::new));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ks.store(out, new char[0]);
    return out.toByteArray();
  }

  private static String pem(String label, byte[] der) throws IOException {
    StringWriter w = new StringWriter();
    try (PemWriter pw = new PemWriter(w)) {
      pw.writeObject(new PemObject(label, der));
    }
    return w.toString();
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("bad length");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
