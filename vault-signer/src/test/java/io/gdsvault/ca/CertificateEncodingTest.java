package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** The CA's own DER shortcuts encode exactly what BouncyCastle's general code would. */
class CertificateEncodingTest {

  // RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
  @Test
  void validityTimesEncodeAsBouncyCastleWouldAndSwitchToGeneralizedTimeIn2050() throws Exception {
    for (String at :
        List.of(
            "1999-12-31T23:59:59Z",
            "2026-11-27T07:00:00Z",
            "2049-12-31T23:59:59Z",
            "2050-01-01T00:00:00Z",
            "2124-02-29T12:00:00Z")) {
      Instant instant = Instant.parse(at);
      Time ours = CertificateTemplate.time(instant);
      Time bc = new Time(Date.from(instant));
      assertThat(ours.getEncoded(ASN1Encoding.DER))
          .as(at)
          .isEqualTo(bc.getEncoded(ASN1Encoding.DER));
      assertThat(ours.getDate().toInstant()).as(at).isEqualTo(instant);
    }
    assertThat(CertificateTemplate.time(Instant.parse("2049-12-31T23:59:59Z")).toASN1Primitive())
        .isInstanceOf(ASN1UTCTime.class);
    assertThat(CertificateTemplate.time(Instant.parse("2050-01-01T00:00:00Z")).toASN1Primitive())
        .isInstanceOf(ASN1GeneralizedTime.class);
  }

  @Test
  void derLengthsUseTheShortestForm() {
    assertThat(SignedDer.derHeader(0x30, 0x7f)).containsExactly(0x30, 0x7f);
    assertThat(SignedDer.derHeader(0x30, 0x80)).containsExactly(0x30, 0x81, 0x80);
    assertThat(SignedDer.derHeader(0x03, 0x1234)).containsExactly(0x03, 0x82, 0x12, 0x34);
    assertThat(SignedDer.derHeader(0x30, 0x012345)).containsExactly(0x30, 0x83, 0x01, 0x23, 0x45);
  }
}
