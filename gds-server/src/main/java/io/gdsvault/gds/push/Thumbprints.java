package io.gdsvault.gds.push;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;

/**
 * Push's view of {@link Certificates}: the same thumbprints and parsing, failing with the {@link
 * PushException} kinds a push job records.
 */
final class Thumbprints {

  private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-f]{40}");

  private Thumbprints() {}

  /** SHA-1 hex (lower case) of the DER encoding. */
  static String of(X509Certificate c) {
    return Certificates.thumbprint(der(c));
  }

  /** An operator's thumbprint (colons, spaces, any case) as 40 lower-case hex digits. */
  static String normalize(String t) {
    String s = Certificates.normalizeThumbprint(t);
    if (!SHA1_HEX.matcher(s).matches()) {
      throw GdsException.invalid("the thumbprint must be 40 hexadecimal digits (SHA-1)");
    }
    return s;
  }

  static byte[] der(X509Certificate c) {
    try {
      return Certificates.encoded(c);
    } catch (InvalidCertificateException e) {
      throw new PushException(PushException.Kind.INTERNAL, "a certificate cannot be encoded", e);
    }
  }

  static X509Certificate parse(byte[] der) {
    try {
      return Certificates.parse(der);
    } catch (InvalidCertificateException e) {
      throw new PushException(
          PushException.Kind.INTERNAL, "a stored certificate cannot be read", e);
    }
  }
}
