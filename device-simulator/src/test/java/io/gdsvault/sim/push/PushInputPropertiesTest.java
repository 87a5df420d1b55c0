package io.gdsvault.sim.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.testing.Fuzz;
import io.gdsvault.testing.Mutations;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decoders behind the push target's ServerConfiguration methods, fed hostile bytes: PEM and PFX
 * private keys and certificates (UpdateCertificate), certificates (AddCertificate) and the
 * TrustListDataType a client writes through the TrustList file (CloseAndUpdate). Every input gives
 * a value or a UaException with Bad_CertificateInvalid, Bad_NotSupported, Bad_DecodingError or
 * Bad_EncodingLimitsExceeded; nothing else, no hang, no OutOfMemoryError.
 */
class PushInputPropertiesTest {

  private static final EncodingContext CONTEXT = DefaultEncodingContext.INSTANCE;
  private static final List<Long> KEY_REFUSALS =
      List.of(StatusCodes.Bad_CertificateInvalid, StatusCodes.Bad_NotSupported);

  private static byte[] certificate;
  private static byte[] crl;
  private static byte[] pem;
  private static byte[] pfx;
  private static byte[] trustList;

  @BeforeAll
  static void validInputs() throws Exception {
    TestCa ca = new TestCa("Fuzz CA");
    KeyPair kp = TestCa.rsa(2048);
    X509Certificate cert = ca.issue(kp.getPublic(), "fuzz device", "urn:fuzz:device");
    X509CRL revocations = ca.crl(cert);
    certificate = cert.getEncoded();
    crl = revocations.getEncoded();
    pem =
        ("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(kp.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n")
            .getBytes(StandardCharsets.US_ASCII);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("key", kp.getPrivate(), new char[0], new Certificate[] {cert});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ks.store(out, new char[0]);
    pfx = out.toByteArray();
    trustList =
        new TrustListContent(
                List.of(ca.certificate, cert),
                List.of(revocations),
                List.of(ca.certificate),
                List.of())
            .encode(CONTEXT, TrustListContent.ALL);
  }

  @Test
  void theValidInputsDecode() throws Exception {
    // the properties would be empty if the unmutated inputs were refused
    assertThat(CertificateCodec.decodePrivateKey("PEM", pem)).isNotNull();
    assertThat(CertificateCodec.decodePrivateKey("PFX", pfx)).isNotNull();
    assertThat(CertificateCodec.decodeCertificate(certificate)).isNotNull();
    assertThat(CertificateCodec.decodeCrl(crl)).isNotNull();
    assertThat(TrustListContent.decode(CONTEXT, trustList, 1000).content().entryCount())
        .isEqualTo(4);
  }

  @Test
  void mutatedPemKeysGiveAKeyOrBadCertificateInvalid() {
    Fuzz.forAll(
        "push.pem-key",
        1500,
        Duration.ofSeconds(5),
        r -> r.nextBoolean() ? Mutations.any(pem, r) : pemAround(Mutations.any(der(pem), r)),
        bytes -> keyOrRefused(() -> CertificateCodec.decodePrivateKey("PEM", bytes)));
  }

  @Test
  void mutatedPfxFilesGiveAKeyOrBadCertificateInvalid() {
    Fuzz.forAll(
        "push.pfx-key",
        150,
        Duration.ofSeconds(5),
        r -> Mutations.any(pfx, r),
        bytes -> keyOrRefused(() -> CertificateCodec.decodePrivateKey("PFX", bytes)));
  }

  @Test
  void unknownKeyFormatsAreBadNotSupported() {
    Fuzz.forAll(
        "push.key-format",
        200,
        Duration.ofSeconds(2),
        r -> "x" + Long.toHexString(r.nextLong()) + (r.nextBoolean() ? "PEM" : "\u0000PFX"),
        format ->
            assertThat(refusal(() -> CertificateCodec.decodePrivateKey(format, pfx)))
                .isEqualTo(StatusCodes.Bad_NotSupported));
  }

  @Test
  void mutatedCertificatesChainsAndCrlsGiveAValueOrBadCertificateInvalid() {
    Fuzz.forAll(
        "push.certificates",
        1500,
        Duration.ofSeconds(6),
        r -> Mutations.any(r.nextBoolean() ? certificate : crl, r),
        bytes -> {
          for (Decoder d :
              List.<Decoder>of(
                  () -> CertificateCodec.decodeCertificate(bytes),
                  () -> CertificateCodec.decodeCertificateChain(bytes),
                  () -> CertificateCodec.decodeCrl(bytes))) {
            Long status = refusal(d);
            if (status != null) {
              assertThat(status).isEqualTo(StatusCodes.Bad_CertificateInvalid);
            }
          }
        });
  }

  @Test
  void mutatedTrustListFilesGiveAListOrATypedRefusal() {
    Fuzz.forAll(
        "push.trust-list",
        2000,
        Duration.ofSeconds(8),
        r -> Mutations.any(trustList, r),
        bytes -> {
          Long status = refusal(() -> TrustListContent.decode(CONTEXT, bytes, 1000));
          if (status != null) {
            assertThat(status)
                .isIn(
                    StatusCodes.Bad_DecodingError,
                    StatusCodes.Bad_CertificateInvalid,
                    StatusCodes.Bad_EncodingLimitsExceeded);
          }
        });
  }

  @Test
  void aTrustListDeclaringTwoBillionCertificatesIsADecodingErrorNotAnAllocation() {
    // SpecifiedLists = 1, TrustedCertificates count 0x7fffffff, no elements
    byte[] b = {1, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
    assertThat(refusal(() -> TrustListContent.decode(CONTEXT, b, 1000)))
        .isEqualTo(StatusCodes.Bad_DecodingError);
  }

  @Test
  void moreEntriesThanTheLimitAreRefusedBeforeAnyCertificateIsParsed() throws Exception {
    // 1001 empty "certificates" under the byte limit: the entry cap answers, not the X.509 parser
    ByteString[] many = new ByteString[1001];
    java.util.Arrays.fill(many, ByteString.of(new byte[] {1}));
    var data =
        new org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType(
            org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(1),
            many,
            null,
            null,
            null);
    byte[] bytes =
        ((ByteString)
                org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject.encode(
                        CONTEXT, data)
                    .getBody())
            .bytesOrEmpty();
    assertThat(refusal(() -> TrustListContent.decode(CONTEXT, bytes, 1000)))
        .isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
    assertThat(refusal(() -> TrustListContent.decode(CONTEXT, bytes, 2000)))
        .isEqualTo(StatusCodes.Bad_CertificateInvalid);
  }

  @FunctionalInterface
  private interface Decoder {
    Object decode() throws UaException;
  }

  private static void keyOrRefused(Decoder decode) {
    Long status = refusal(decode);
    if (status != null) {
      assertThat(status).isIn(KEY_REFUSALS);
    }
  }

  /** Null when {@code d} returns a value; the status code of its UaException otherwise. */
  private static Long refusal(Decoder d) {
    Object[] value = new Object[1];
    Throwable t = catchThrowable(() -> value[0] = d.decode());
    if (t == null) {
      assertThat(value[0]).isNotNull();
      return null;
    }
    assertThat(t).as("only a UaException may leave a decoder").isInstanceOf(UaException.class);
    return ((UaException) t).getStatusCode().value();
  }

  private static byte[] der(byte[] pemBytes) {
    String s = new String(pemBytes, StandardCharsets.US_ASCII);
    String body = s.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static byte[] pemAround(byte[] der) {
    return ("-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(der)
            + "\n-----END PRIVATE KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
