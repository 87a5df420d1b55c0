package io.gdsvault.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A certificate before signing: everything the signer will cover. The CA builds it, runs its {@link
 * TemplateChecks}, and only then asks the signer for a signature.
 */
public record CertificateTemplate(
    X500Name issuer,
    BigInteger serialNumber,
    Instant notBefore,
    Instant notAfter,
    X500Name subject,
    SubjectPublicKeyInfo publicKeyInfo,
    List<Extension> extensions) {

  public CertificateTemplate {
    extensions = List.copyOf(extensions);
  }

  /** The extension with {@code oid}, or null. */
  public @Nullable Extension extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
    for (Extension e : extensions) {
      if (e.getExtnId().equals(oid)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The DER of the TBSCertificate for signature algorithm {@code signatureAlgorithm}, encoded once.
   * Validity times are written as UTCTime up to 2049 and GeneralizedTime from 2050 (RFC 5280
   * §4.1.2.5).
   */
  byte[] tbsDer(AlgorithmIdentifier signatureAlgorithm) throws IOException {
    V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
    g.setSerialNumber(new ASN1Integer(serialNumber));
    g.setSignature(signatureAlgorithm);
    g.setIssuer(issuer);
    g.setStartDate(time(notBefore));
    g.setEndDate(time(notAfter));
    g.setSubject(subject);
    g.setSubjectPublicKeyInfo(publicKeyInfo);
    if (!extensions.isEmpty()) {
      g.setExtensions(new Extensions(extensions.toArray(Extension[]::new)));
    }
    return g.generateTBSCertificate().getEncoded(ASN1Encoding.DER);
  }

  /**
   * An X.509 Time for {@code instant} (whole seconds). UTCTime is written as its DER bytes ({@code
   * YYMMDDHHMMSSZ}): BouncyCastle's Date constructors format and re-parse the text through
   * SimpleDateFormat, which cost about as much as the rest of the template.
   */
  static Time time(Instant instant) throws IOException {
    Instant t = instant.truncatedTo(ChronoUnit.SECONDS);
    if (t.isBefore(UTC_TIME_START) || !t.isBefore(UTC_TIME_END)) {
      return new Time(new DERGeneralizedTime(Date.from(t)));
    }
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    byte[] der = new byte[15];
    der[0] = 0x17; // UTCTime
    der[1] = 13;
    int[] fields = {
      d.getYear() % 100,
      d.getMonthValue(),
      d.getDayOfMonth(),
      d.getHour(),
      d.getMinute(),
      d.getSecond()
    };
    for (int i = 0; i < fields.length; i++) {
      der[2 + 2 * i] = (byte) ('0' + fields[i] / 10);
      der[3 + 2 * i] = (byte) ('0' + fields[i] % 10);
    }
    der[14] = 'Z';
    return new Time(ASN1Primitive.fromByteArray(der));
  }

  private static final Instant UTC_TIME_START = Instant.parse("1950-01-01T00:00:00Z");
  private static final Instant UTC_TIME_END = Instant.parse("2050-01-01T00:00:00Z");
}
