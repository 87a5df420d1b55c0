package io.gdsvault.sim.push;

import static io.gdsvault.sim.push.PushClient.CONFIG;
import static io.gdsvault.sim.push.PushClient.TRUST_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;

import io.gdsvault.testing.Fuzz;
import io.gdsvault.testing.Mutations;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client writing hostile TrustListDataType files to a real push target: Open for writing, Write
 * in pieces, CloseAndUpdate. Every write ends Good (then cancelled) or with a Bad_ status, never
 * Bad_InternalError; lists with more entries than the device's maxTrustListEntries are refused with
 * Bad_EncodingLimitsExceeded, through CloseAndUpdate and through AddCertificate; the applied trust
 * list is unchanged and another client is served. UpdateCertificate with mutated certificates,
 * issuers and PEM/PFX keys ends Bad_, never Bad_InternalError, and leaves the certificate in use.
 * One device for the class.
 */
class TrustListWriteFuzzIT {

  private static final int MAX_ENTRIES = 8;
  private static final String ADMIN = "admin";
  private static final String PASSWORD = "admin-secret";

  @TempDir static Path dir;
  private static PushTargetDevice device;
  private static PushClient.ClientIdentity identity;
  private static PushClient admin;
  private static TestCa ca;
  private static byte[] valid;

  @BeforeAll
  static void startDevice() throws Exception {
    KeyPair kp = TestCa.rsa(2048);
    String uri = "urn:gdsvault:test:trust-fuzz-client";
    identity =
        new PushClient.ClientIdentity(kp, TestCa.selfSigned(kp, "trust fuzz client", uri), uri);
    Path pki = dir.resolve("pki");
    Files.createDirectories(pki.resolve("trusted/certs"));
    Files.write(pki.resolve("trusted/certs/client.der"), identity.certificate().getEncoded());
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    device =
        PushTargetDevice.start(
            new PushTargetDevice.Settings(
                "127.0.0.1",
                port,
                pki,
                List.of(
                    new PushTargetDevice.User(
                        ADMIN, PASSWORD.getBytes(StandardCharsets.UTF_8), true)),
                false,
                64 * 1024,
                false,
                MAX_ENTRIES));
    admin = connect();
    ca = new TestCa("Trust Fuzz CA");
    valid =
        new TrustListContent(
                List.of(ca.certificate, identity.certificate()),
                List.of(ca.crl()),
                List.of(ca.certificate),
                List.of())
            .encode(admin.client.getStaticEncodingContext(), TrustListContent.ALL);
  }

  @AfterAll
  static void stopDevice() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (device != null) {
      device.close();
    }
  }

  @Test
  void hostileTrustListFilesEndGoodOrBadNeverInternalAndChangeNothingApplied() throws Exception {
    List<X509Certificate> before = device.support().trustList().trustedCertificates();
    Fuzz.forAll(
        "wire.push-trust-list",
        50,
        Duration.ofSeconds(25),
        r -> r.nextInt(5) == 0 ? Mutations.random(r, r.nextInt(3000), -1) : Mutations.any(valid, r),
        bytes -> {
          UInteger handle = (UInteger) admin.callOk(TRUST_LIST, open(), ubyte(6))[0];
          int half = bytes.length / 2;
          StatusCode w1 =
              admin.status(
                  TRUST_LIST,
                  method("Write"),
                  handle,
                  ByteString.of(Arrays.copyOfRange(bytes, 0, half)));
          StatusCode w2 =
              admin.status(
                  TRUST_LIST,
                  method("Write"),
                  handle,
                  ByteString.of(Arrays.copyOfRange(bytes, half, bytes.length)));
          assertThat(w1.isGood() && w2.isGood()).isTrue();
          StatusCode done = admin.status(TRUST_LIST, method("CloseAndUpdate"), handle);
          assertThat(done.getValue())
              .isNotEqualTo(StatusCodes.Bad_InternalError)
              .isNotEqualTo(StatusCodes.Bad_UnexpectedError);
          if (done.isGood()) {
            admin.callOk(CONFIG, NodeIds.ServerConfiguration_CancelChanges);
          } else {
            assertThat(done.isBad()).isTrue();
          }
        });
    assertThat(device.support().trustList().trustedCertificates()).isEqualTo(before);
    try (PushClient other = connect()) {
      UInteger h = (UInteger) other.callOk(TRUST_LIST, open(), ubyte(1))[0];
      assertThat(other.status(TRUST_LIST, method("Close"), h).isGood()).isTrue();
    }
  }

  @Test
  void moreCertificatesAndCrlsThanTheLimitAreBadEncodingLimitsExceeded() throws Exception {
    List<X509Certificate> many = new ArrayList<>();
    KeyPair kp = TestCa.rsa(2048);
    for (int i = 0; i <= MAX_ENTRIES; i++) {
      many.add(TestCa.selfSigned(kp, "filler " + i, "urn:filler:" + i));
    }
    byte[] tooMany =
        new TrustListContent(many, List.of(), List.of(), List.of())
            .encode(admin.client.getStaticEncodingContext(), TrustListContent.ALL);
    UInteger handle = (UInteger) admin.callOk(TRUST_LIST, open(), ubyte(6))[0];
    admin.callOk(TRUST_LIST, method("Write"), handle, ByteString.of(tooMany));
    assertThat(admin.status(TRUST_LIST, method("CloseAndUpdate"), handle).getValue())
        .isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
    // one by one: the trusted client certificate plus seven fit, the ninth entry does not
    StatusCode last = StatusCode.GOOD;
    int added = 0;
    for (X509Certificate c : many) {
      last =
          admin.status(TRUST_LIST, method("AddCertificate"), ByteString.of(c.getEncoded()), true);
      if (!last.isGood()) {
        break;
      }
      added++;
    }
    assertThat(added).isEqualTo(MAX_ENTRIES - 1);
    assertThat(last.getValue()).isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
    admin.callOk(CONFIG, NodeIds.ServerConfiguration_CancelChanges);
    assertThat(device.support().trustList().trustedCertificates())
        .containsExactly(identity.certificate());
  }

  @Test
  void hostileUpdateCertificateArgumentsEndBadNeverInternal() throws Exception {
    // UpdateCertificate decodes the caller's certificate, issuers and PEM/PFX private key
    KeyPair kp = TestCa.rsa(2048);
    X509Certificate leaf =
        ca.issue(kp.getPublic(), "fuzz update", device.support().applicationUri());
    byte[] pem =
        ("-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(kp.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n")
            .getBytes(StandardCharsets.US_ASCII);
    X509Certificate before = device.support().currentCertificate();
    byte[] leafDer = leaf.getEncoded();
    byte[] caDer = ca.certificate.getEncoded();
    Fuzz.forAll(
        "wire.push-update-certificate",
        40,
        Duration.ofSeconds(20),
        r -> {
          boolean mutateKey = r.nextBoolean();
          byte[] cert = mutateKey ? leafDer : Mutations.any(leafDer, r);
          byte[] key = mutateKey ? Mutations.any(pem, r) : pem;
          String format = r.nextInt(4) == 0 ? "PFX" : "PEM";
          return new Object[] {
            cert, key, format, r.nextBoolean() ? Mutations.any(caDer, r) : caDer
          };
        },
        x -> {
          StatusCode s =
              admin.status(
                  CONFIG,
                  NodeIds.ServerConfiguration_UpdateCertificate,
                  NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup,
                  NodeIds.RsaSha256ApplicationCertificateType,
                  ByteString.of((byte[]) x[0]),
                  new ByteString[] {ByteString.of((byte[]) x[3])},
                  x[2],
                  ByteString.of((byte[]) x[1]));
          assertThat(s.getValue())
              .isNotEqualTo(StatusCodes.Bad_InternalError)
              .isNotEqualTo(StatusCodes.Bad_UnexpectedError);
          if (s.isGood()) {
            admin.callOk(CONFIG, NodeIds.ServerConfiguration_CancelChanges);
          } else {
            assertThat(s.isBad()).isTrue();
          }
        });
    assertThat(device.support().currentCertificate()).isEqualTo(before);
  }

  private static PushClient connect() throws Exception {
    return PushClient.connect(
        device.endpointUrl(),
        SecurityPolicy.Basic256Sha256,
        MessageSecurityMode.SignAndEncrypt,
        identity,
        PushClient.user(ADMIN, PASSWORD));
  }

  private static org.eclipse.milo.opcua.stack.core.types.builtin.NodeId open() {
    return NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Open;
  }

  private static org.eclipse.milo.opcua.stack.core.types.builtin.NodeId method(String name) {
    return PushTargetIT.m(name);
  }
}
