package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.jspecify.annotations.Nullable;

/** The checks every application certificate template passes before it is signed. */
public final class TemplateChecks {

  /** Serial numbers carry at least this many bits (CA/B and Part 6 guidance: 64 random bits). */
  public static final int MIN_SERIAL_BITS = 64;

  private TemplateChecks() {}

  /** All standard checks for a leaf issued by {@code issuer} for {@code applicationUri}. */
  public static List<TemplateCheck> forApplication(X509Certificate issuer, String applicationUri) {
    return List.of(forIssuer(issuer), applicationUriIs(applicationUri));
  }

  /** The checks that depend only on the issuer, combined; build once per CA certificate. */
  public static TemplateCheck forIssuer(X509Certificate issuer) {
    List<TemplateCheck> checks =
        List.of(
            serialLongEnough(),
            withinIssuerValidity(issuer),
            notCa(),
            authorityKeyIdMatches(issuer));
    return t -> {
      for (TemplateCheck c : checks) {
        c.check(t);
      }
    };
  }

  public static TemplateCheck serialLongEnough() {
    return t -> {
      if (t.serialNumber().signum() <= 0 || t.serialNumber().bitLength() < MIN_SERIAL_BITS) {
        throw invalid("serial number is too short");
      }
    };
  }

  public static TemplateCheck withinIssuerValidity(X509Certificate issuer) {
    return t -> {
      Instant caEnd = issuer.getNotAfter().toInstant();
      if (!t.notBefore().isBefore(t.notAfter()) || t.notAfter().isAfter(caEnd)) {
        throw invalid("validity is outside the issuer's validity");
      }
    };
  }

  public static TemplateCheck notCa() {
    byte[] leaf = encoded(new BasicConstraints(false));
    return t -> {
      Extension bc = t.extension(Extension.basicConstraints);
      if (bc != null && bc.isCritical() && Arrays.equals(leaf, bc.getExtnValue().getOctets())) {
        return; // the CA's own encoding of CA:false, compared as bytes
      }
      if (bc == null
          || !bc.isCritical()
          || BasicConstraints.getInstance(bc.getParsedValue()).isCA()) {
        throw invalid("basicConstraints must be critical with CA:false");
      }
    };
  }

  public static TemplateCheck applicationUriIs(String applicationUri) {
    return t -> {
      Extension san = t.extension(Extension.subjectAlternativeName);
      if (san == null) {
        throw invalid("subjectAltName is missing");
      }
      long uris = 0;
      boolean matches = false;
      for (GeneralName n : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
        if (n.getTagNo() == GeneralName.uniformResourceIdentifier) {
          uris++;
          matches |= n.getName().toString().equals(applicationUri);
        }
      }
      if (uris != 1 || !matches) {
        throw invalid("subjectAltName must hold exactly the ApplicationUri");
      }
    };
  }

  public static TemplateCheck authorityKeyIdMatches(X509Certificate issuer) {
    byte @Nullable [] ski = Certificates.subjectKeyId(issuer);
    // the AKI the CA writes for this issuer, compared as bytes (its key id is checked once here);
    // anything else is parsed and checked below
    byte[] expected = expectedAuthorityKeyId(issuer, ski);
    return t -> {
      Extension aki = t.extension(Extension.authorityKeyIdentifier);
      if (aki == null || ski == null) {
        throw invalid("authority key identifier is missing");
      }
      if (Arrays.equals(expected, aki.getExtnValue().getOctets())) {
        return;
      }
      byte[] keyId =
          AuthorityKeyIdentifier.getInstance(aki.getParsedValue()).getKeyIdentifierOctets();
      if (!Arrays.equals(ski, keyId)) {
        throw invalid("authority key identifier does not name the issuer key");
      }
    };
  }

  private static byte @Nullable [] expectedAuthorityKeyId(
      X509Certificate issuer, byte @Nullable [] ski) {
    if (ski == null) {
      return null;
    }
    try {
      AuthorityKeyIdentifier aki = Certificates.authorityKeyIdentifier(issuer);
      return Arrays.equals(aki.getKeyIdentifierOctets(), ski) ? encoded(aki) : null;
    } catch (CaException e) {
      return null; // every template is then parsed and checked the long way
    }
  }

  private static byte[] encoded(ASN1Object value) {
    try {
      return value.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("extension value cannot be encoded", e);
    }
  }

  private static CaException invalid(String what) {
    return new CaException(Reason.TEMPLATE_INVALID, "certificate template rejected: " + what);
  }
}
