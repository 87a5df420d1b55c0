package io.gdsvault.gds.push;

import io.gdsvault.gds.model.GdsException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-1 thumbprints (as OPC UA uses them) and certificate decoding for push. */
final class Thumbprints {

  private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-f]{40}");

  private Thumbprints() {}

  /** SHA-1 hex (lower case) of the DER encoding. */
  static String of(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  /** An operator's thumbprint (colons, spaces, any case) as 40 lower-case hex digits. */
  static String normalize(String t) {
    String s = t.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (!SHA1_HEX.matcher(s).matches()) {
      throw GdsException.invalid("the thumbprint must be 40 hexadecimal digits (SHA-1)");
    }
    return s;
  }

  static byte[] der(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new PushException(PushException.Kind.INTERNAL, "a certificate cannot be encoded", e);
    }
  }

  static X509Certificate parse(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new PushException(
          PushException.Kind.INTERNAL, "a stored certificate cannot be read", e);
    }
  }
}
