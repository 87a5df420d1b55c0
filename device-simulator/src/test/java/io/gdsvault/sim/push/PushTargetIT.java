package io.gdsvault.sim.push;

import static io.gdsvault.sim.push.PushClient.CONFIG;
import static io.gdsvault.sim.push.PushClient.TRUST_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.testing.Await;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Milo client acting as a push client (a GDS) drives every ServerConfiguration method of a real
 * push target on 127.0.0.1 (Part 12 §7.10), including the refusals.
 */
class PushTargetIT {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "admin-secret";
  static final String OPERATOR = "operator";
  static final String OPERATOR_PASSWORD = "operator-secret";

  static PushClient.ClientIdentity clientIdentity;
  static TestCa ca;

  @TempDir Path tmp;
  PushTargetDevice device;
  final List<PushClient> clients = new ArrayList<>();

  @BeforeAll
  static void makeClientIdentity() throws Exception {
    KeyPair kp = TestCa.rsa(2048);
    String uri = "urn:gdsvault:test:push-client";
    clientIdentity =
        new PushClient.ClientIdentity(kp, TestCa.selfSigned(kp, "push client", uri), uri);
    ca = new TestCa("Push Test CA");
  }

  @BeforeEach
  void startDevice() throws Exception {
    device = start(tmp.resolve("pki"), 1024 * 1024, false);
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(PushClient::close);
    if (device != null) {
      device.close();
    }
  }

  PushTargetDevice start(Path pki, long maxTrustListSize, boolean trustClientLater)
      throws Exception {
    Files.createDirectories(pki.resolve("trusted/certs"));
    if (!trustClientLater) {
      Files.write(
          pki.resolve("trusted/certs/push-client.der"), clientIdentity.certificate().getEncoded());
    }
    int port;
    try (var s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    return PushTargetDevice.start(
        new PushTargetDevice.Settings(
            "127.0.0.1",
            port,
            pki,
            List.of(
                new PushTargetDevice.User(
                    ADMIN, ADMIN_PASSWORD.getBytes(StandardCharsets.UTF_8), true),
                new PushTargetDevice.User(
                    OPERATOR, OPERATOR_PASSWORD.getBytes(StandardCharsets.UTF_8), false)),
            false,
            maxTrustListSize,
            lean()));
  }

  /** Fleet devices prune the type model; {@link LeanPushTargetIT} runs every test that way too. */
  boolean lean() {
    return false;
  }

  PushClient admin() throws UaException {
    return admin(SecurityPolicy.Basic256Sha256);
  }

  PushClient admin(SecurityPolicy policy) throws UaException {
    var c =
        PushClient.connect(
            device.endpointUrl(),
            policy,
            MessageSecurityMode.SignAndEncrypt,
            clientIdentity,
            PushClient.user(ADMIN, ADMIN_PASSWORD));
    clients.add(c);
    return c;
  }

  String appUri() {
    return device.support().applicationUri();
  }

  static NodeId m(String name) {
    return switch (name) {
      case "UpdateCertificate" -> NodeIds.ServerConfiguration_UpdateCertificate;
      case "CreateSigningRequest" -> NodeIds.ServerConfiguration_CreateSigningRequest;
      case "ApplyChanges" -> NodeIds.ServerConfiguration_ApplyChanges;
      case "CancelChanges" -> NodeIds.ServerConfiguration_CancelChanges;
      case "GetRejectedList" -> NodeIds.ServerConfiguration_GetRejectedList;
      case "GetCertificates" -> NodeIds.ServerConfiguration_GetCertificates;
      case "Open" ->
          NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Open;
      case "OpenWithMasks" ->
          NodeIds
              .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_OpenWithMasks;
      case "Read" ->
          NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Read;
      case "Write" ->
          NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Write;
      case "Close" ->
          NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Close;
      case "CloseAndUpdate" ->
          NodeIds
              .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_CloseAndUpdate;
      case "AddCertificate" ->
          NodeIds
              .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_AddCertificate;
      case "RemoveCertificate" ->
          NodeIds
              .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_RemoveCertificate;
      default -> throw new IllegalArgumentException(name);
    };
  }

  static final NodeId GROUP = NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup;
  static final NodeId RSA = NodeIds.RsaSha256ApplicationCertificateType;

  static Object[] updateArgs(
      X509Certificate cert, List<X509Certificate> issuers, String format, byte[] key)
      throws Exception {
    ByteString[] iss = new ByteString[issuers.size()];
    for (int i = 0; i < iss.length; i++) {
      iss[i] = ByteString.of(issuers.get(i).getEncoded());
    }
    return new Object[] {
      GROUP,
      RSA,
      ByteString.of(cert.getEncoded()),
      iss,
      format == null ? "" : format,
      key == null ? ByteString.NULL_VALUE : ByteString.of(key)
    };
  }

  static byte[] nonce() {
    byte[] n = new byte[32];
    new SecureRandom().nextBytes(n);
    return n;
  }

  static X509Certificate endpointCertificate(String url) throws Exception {
    List<EndpointDescription> eps = DiscoveryClient.getEndpoints(url).get(10, TimeUnit.SECONDS);
    EndpointDescription secure =
        eps.stream()
            .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
            .findFirst()
            .orElseThrow();
    return CertificateUtil.decodeCertificate(secure.getServerCertificate().bytes());
  }

  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of(SecurityPolicy.Basic256Sha256),
        Arguments.of(SecurityPolicy.Aes128_Sha256_RsaOaep),
        Arguments.of(SecurityPolicy.Aes256_Sha256_RsaPss));
  }

  // After ApplyChanges the endpoint and new secure channels use the certificate from the CSR
  // (§7.10.5, §7.10.6).
  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void csrWithTheSameKeyThenUpdateAndApplyChangesSwitchesTheEndpointCertificate(
      SecurityPolicy policy) throws Exception {
    X509Certificate before = device.support().currentCertificate();
    List<EndpointDescription> oldEndpoints =
        DiscoveryClient.getEndpoints(device.endpointUrl()).get();
    var admin = admin(policy);

    byte[] csr =
        ((ByteString)
                admin
                    .callOk(
                        CONFIG,
                        m("CreateSigningRequest"),
                        GROUP,
                        RSA,
                        "",
                        false,
                        ByteString.NULL_VALUE)[0])
            .bytes();
    var parsed = new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(csr));
    assertThat(parsed.getPublicKey()).isEqualTo(before.getPublicKey());

    X509Certificate issued = ca.signCsr(csr, appUri());
    Object[] out =
        admin.callOk(
            CONFIG,
            m("UpdateCertificate"),
            updateArgs(issued, List.of(ca.certificate), null, null));
    assertThat(out[0]).isEqualTo(true);
    // staged only: the endpoint still shows the old certificate
    assertThat(endpointCertificate(device.endpointUrl())).isEqualTo(before);

    admin.callOk(CONFIG, m("ApplyChanges"));

    assertThat(endpointCertificate(device.endpointUrl())).isEqualTo(issued);
    try (var fresh =
        PushClient.connect(
            device.endpointUrl(),
            policy,
            MessageSecurityMode.SignAndEncrypt,
            clientIdentity,
            PushClient.user(ADMIN, ADMIN_PASSWORD))) {
      // the handshake succeeded against the new key; the channel's server certificate is the new
      // one
      assertThat(fresh.client.getConfig().getEndpoint().getServerCertificate().bytes())
          .isEqualTo(issued.getEncoded());
      Object[] certs = fresh.callOk(CONFIG, m("GetCertificates"), GROUP);
      assertThat(((ByteString[]) certs[1])[0].bytes()).isEqualTo(issued.getEncoded());
    }
    // a client still holding the old endpoint description (old certificate) is refused
    EndpointDescription stale =
        oldEndpoints.stream()
            .filter(
                e ->
                    e.getSecurityPolicyUri().equals(policy.getUri())
                        && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt)
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(
            () ->
                PushClient.connect(stale, clientIdentity, PushClient.user(ADMIN, ADMIN_PASSWORD))
                    .close())
        .isInstanceOf(UaException.class);
  }

  // A regenerated key stays staged until the certificate for it arrives and is applied (§7.10.10).
  @Test
  void csrWithARegeneratedKeyNeedsTheNonceAndIsUsedByUpdateCertificate() throws Exception {
    var admin = admin();
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("CreateSigningRequest"),
                    GROUP,
                    RSA,
                    "",
                    true,
                    ByteString.of(new byte[8]))
                .getValue())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);

    byte[] csr =
        ((ByteString)
                admin
                    .callOk(
                        CONFIG,
                        m("CreateSigningRequest"),
                        GROUP,
                        RSA,
                        "CN=renewed device,O=Test",
                        true,
                        ByteString.of(nonce()))[0])
            .bytes();
    var parsed = new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(csr));
    assertThat(parsed.getPublicKey())
        .isNotEqualTo(device.support().currentCertificate().getPublicKey());
    assertThat(parsed.getSubject().toString()).contains("CN=renewed device");

    X509Certificate issued = ca.signCsr(csr, appUri());
    admin.callOk(
        CONFIG, m("UpdateCertificate"), updateArgs(issued, List.of(ca.certificate), null, null));
    admin.callOk(CONFIG, m("ApplyChanges"));
    assertThat(device.support().currentCertificate()).isEqualTo(issued);
    assertThat(endpointCertificate(device.endpointUrl())).isEqualTo(issued);
    // the persisted key is the regenerated one
    String keyPem = Files.readString(device.support().pki().resolve("own/private/application.pem"));
    assertThat(
            CertificateCodec.matches(
                issued.getPublicKey(), CertificateCodec.readPemPrivateKey(keyPem)))
        .isTrue();
  }

  // UpdateCertificate with a new private key, PEM (PKCS#8) and PFX (§7.10.5 PrivateKeyFormat).
  @ParameterizedTest(name = "{0}")
  @MethodSource("keyFormats")
  void updateCertificateWithANewPrivateKey(String format) throws Exception {
    var admin = admin();
    KeyPair kp = TestCa.rsa(2048);
    X509Certificate issued = ca.issue(kp.getPublic(), "new key " + format, appUri());
    byte[] key =
        format.equals("PEM")
            ? TestCa.pkcs8Pem(kp.getPrivate())
            : TestCa.pfx(kp.getPrivate(), issued);
    admin.callOk(
        CONFIG, m("UpdateCertificate"), updateArgs(issued, List.of(ca.certificate), format, key));
    admin.callOk(CONFIG, m("ApplyChanges"));
    assertThat(endpointCertificate(device.endpointUrl())).isEqualTo(issued);
    try (var fresh = admin()) {
      assertThat(fresh.client.getConfig().getEndpoint().getServerCertificate().bytes())
          .isEqualTo(issued.getEncoded());
    }
  }

  static Stream<Arguments> keyFormats() {
    return Stream.of(Arguments.of("PEM"), Arguments.of("PFX"));
  }

  // Access: SecurityAdmin over SignAndEncrypt only (§7.10: "shall be called from an encrypted
  // SecureChannel").
  @Test
  void onlyASecurityAdminOnAnEncryptedChannelMayCallAnything() throws Exception {
    try (var operator =
        PushClient.connect(
            device.endpointUrl(),
            SecurityPolicy.Basic256Sha256,
            MessageSecurityMode.SignAndEncrypt,
            clientIdentity,
            PushClient.user(OPERATOR, OPERATOR_PASSWORD))) {
      assertThat(operator.status(CONFIG, m("ApplyChanges")).getValue())
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(operator.status(TRUST_LIST, m("Open"), ubyte(1)).getValue())
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(operator.status(CONFIG, m("GetRejectedList")).getValue())
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    }
    try (var anonymous =
        PushClient.connect(
            device.endpointUrl(),
            SecurityPolicy.Basic256Sha256,
            MessageSecurityMode.SignAndEncrypt,
            clientIdentity,
            PushClient.anonymous())) {
      assertThat(
              anonymous
                  .status(
                      CONFIG,
                      m("CreateSigningRequest"),
                      GROUP,
                      RSA,
                      "",
                      false,
                      ByteString.NULL_VALUE)
                  .getValue())
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    }
    try (var plain =
        PushClient.connect(
            device.endpointUrl(),
            SecurityPolicy.None,
            MessageSecurityMode.None,
            clientIdentity,
            PushClient.user(ADMIN, ADMIN_PASSWORD))) {
      assertThat(
              plain
                  .status(
                      CONFIG,
                      m("CreateSigningRequest"),
                      GROUP,
                      RSA,
                      "",
                      false,
                      ByteString.NULL_VALUE)
                  .getValue())
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
      assertThat(plain.status(TRUST_LIST, m("Open"), ubyte(1)).getValue())
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
    }
    try (var signOnly =
        PushClient.connect(
            device.endpointUrl(),
            SecurityPolicy.Basic256Sha256,
            MessageSecurityMode.Sign,
            clientIdentity,
            PushClient.user(ADMIN, ADMIN_PASSWORD))) {
      assertThat(signOnly.status(CONFIG, m("GetCertificates"), GROUP).getValue())
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
    }
  }

  // Bad certificates are refused with the Part 12 codes and nothing is staged.
  @Test
  void badCertificatesWrongGroupsAndMismatchedKeysAreRefused() throws Exception {
    var admin = admin();
    X509Certificate current = device.support().currentCertificate();
    KeyPair other = TestCa.rsa(2048);
    X509Certificate forOtherKey = ca.issue(other.getPublic(), "other", appUri());

    // not a certificate
    Object[] garbage = updateArgs(forOtherKey, List.of(ca.certificate), null, null);
    garbage[2] = ByteString.of(new byte[] {1, 2, 3});
    assertThat(admin.status(CONFIG, m("UpdateCertificate"), garbage).getValue())
        .isEqualTo(StatusCodes.Bad_CertificateInvalid);

    // the certificate's key is neither the current nor a regenerated one and no key is given
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(forOtherKey, List.of(ca.certificate), null, null))
                .getValue())
        .isEqualTo(StatusCodes.Bad_SecurityChecksFailed);

    // a private key that does not match the certificate
    KeyPair third = TestCa.rsa(2048);
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(
                        forOtherKey,
                        List.of(ca.certificate),
                        "PEM",
                        TestCa.pkcs8Pem(third.getPrivate())))
                .getValue())
        .isEqualTo(StatusCodes.Bad_SecurityChecksFailed);

    // wrong group, wrong certificate type
    Object[] wrongGroup =
        updateArgs(
            forOtherKey, List.of(ca.certificate), "PEM", TestCa.pkcs8Pem(other.getPrivate()));
    wrongGroup[0] = NodeIds.ServerConfiguration_CertificateGroups_DefaultUserTokenGroup;
    assertThat(admin.status(CONFIG, m("UpdateCertificate"), wrongGroup).getValue())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    Object[] wrongType =
        updateArgs(
            forOtherKey, List.of(ca.certificate), "PEM", TestCa.pkcs8Pem(other.getPrivate()));
    wrongType[1] = NodeIds.EccNistP256ApplicationCertificateType;
    assertThat(admin.status(CONFIG, m("UpdateCertificate"), wrongType).getValue())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);

    // an EC certificate does not fit the RSA certificate type
    KeyPair ec = TestCa.p256();
    X509Certificate ecCert = ca.issue(ec.getPublic(), "ec", appUri());
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(
                        ecCert, List.of(ca.certificate), "PEM", TestCa.pkcs8Pem(ec.getPrivate())))
                .getValue())
        .isEqualTo(StatusCodes.Bad_CertificateInvalid);

    // expired, and issuer missing from the call and the trust list
    X509Certificate expired =
        ca.issue(
            other.getPublic(),
            "old",
            appUri(),
            Instant.now().minus(Duration.ofDays(30)),
            Instant.now().minus(Duration.ofDays(1)));
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(
                        expired,
                        List.of(ca.certificate),
                        "PEM",
                        TestCa.pkcs8Pem(other.getPrivate())))
                .getValue())
        .isEqualTo(StatusCodes.Bad_SecurityChecksFailed);
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(forOtherKey, List.of(), "PEM", TestCa.pkcs8Pem(other.getPrivate())))
                .getValue())
        .isEqualTo(StatusCodes.Bad_SecurityChecksFailed);

    // a certificate for another application URI
    X509Certificate otherUri = ca.issue(other.getPublic(), "uri", "urn:someone:else");
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(
                        otherUri,
                        List.of(ca.certificate),
                        "PEM",
                        TestCa.pkcs8Pem(other.getPrivate())))
                .getValue())
        .isEqualTo(StatusCodes.Bad_CertificateUriInvalid);

    // an unsupported key format
    assertThat(
            admin
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(forOtherKey, List.of(ca.certificate), "JWK", new byte[] {1}))
                .getValue())
        .isEqualTo(StatusCodes.Bad_NotSupported);

    // nothing was staged by any of this
    assertThat(admin.status(CONFIG, m("ApplyChanges")).getValue())
        .isEqualTo(StatusCodes.Bad_NothingToDo);
    assertThat(device.support().currentCertificate()).isEqualTo(current);
  }

  // Trust list file round trip: write (Open Write+EraseExisting, Write, CloseAndUpdate), apply,
  // read back (§7.8.2).
  @Test
  void trustListWriteApplyAndReadBack() throws Exception {
    var admin = admin();
    EncodingContext ctx = admin.client.getStaticEncodingContext();
    X509CRL crl = ca.crl();
    var upload =
        new TrustListContent(
            List.of(ca.certificate, clientIdentity.certificate()),
            List.of(crl),
            List.of(),
            List.of());
    byte[] bytes = upload.encode(ctx, TrustListContent.ALL);
    DateTime before =
        (DateTime)
            admin
                .client
                .readValue(
                    0.0,
                    org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                    NodeIds
                        .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_LastUpdateTime)
                .getValue()
                .getValue();

    UInteger handle = (UInteger) admin.callOk(TRUST_LIST, m("Open"), ubyte(6))[0];
    // write in two blocks
    int half = bytes.length / 2;
    admin.callOk(
        TRUST_LIST,
        m("Write"),
        handle,
        ByteString.of(java.util.Arrays.copyOfRange(bytes, 0, half)));
    admin.callOk(
        TRUST_LIST,
        m("Write"),
        handle,
        ByteString.of(java.util.Arrays.copyOfRange(bytes, half, bytes.length)));
    assertThat(admin.callOk(TRUST_LIST, m("CloseAndUpdate"), handle)[0]).isEqualTo(true);
    // not yet live
    assertThat(device.support().trustList().trustedCertificates()).hasSize(1);
    admin.callOk(CONFIG, m("ApplyChanges"));
    assertThat(device.support().trustList().trustedCertificates())
        .containsExactlyInAnyOrder(ca.certificate, clientIdentity.certificate());
    assertThat(device.support().trustList().trustedCrls()).containsExactly(crl);
    try (Stream<Path> crlFiles = Files.list(device.support().pki().resolve("trusted/crl"))) {
      assertThat(crlFiles).hasSize(1);
    }

    TrustListContent read = readTrustList(admin, null);
    assertThat(read.trustedCertificates())
        .containsExactlyInAnyOrder(ca.certificate, clientIdentity.certificate());
    assertThat(read.trustedCrls()).containsExactly(crl);
    // masks: only the trusted CRLs
    TrustListContent masked = readTrustList(admin, TrustListContent.TRUSTED_CRLS);
    assertThat(masked.trustedCertificates()).isEmpty();
    assertThat(masked.trustedCrls()).containsExactly(crl);

    DateTime after =
        (DateTime)
            admin
                .client
                .readValue(
                    0.0,
                    org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                    NodeIds
                        .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_LastUpdateTime)
                .getValue()
                .getValue();
    assertThat(after.getUtcTime()).isGreaterThan(before.getUtcTime());
    Object size =
        admin
            .client
            .readValue(
                0.0,
                org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                NodeIds
                    .ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList_Size)
            .getValue()
            .getValue();
    assertThat(
            ((Number)
                    ((org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong) size)
                        .longValue())
                .longValue())
        .isEqualTo(bytes.length);
  }

  // AddCertificate/RemoveCertificate stage single changes; removing a CA removes its CRLs
  // (§7.8.2.4, §7.8.2.5).
  @Test
  void addAndRemoveCertificate() throws Exception {
    var admin = admin();
    admin.callOk(
        TRUST_LIST, m("AddCertificate"), ByteString.of(ca.certificate.getEncoded()), false);
    admin.callOk(CONFIG, m("ApplyChanges"));
    assertThat(device.support().trustList().issuerCertificates()).containsExactly(ca.certificate);

    String thumb = Certificates.thumbprint(ca.certificate).toUpperCase(Locale.ROOT);
    assertThat(admin.status(TRUST_LIST, m("RemoveCertificate"), thumb, true).getValue())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    admin.callOk(TRUST_LIST, m("RemoveCertificate"), thumb, false);
    admin.callOk(CONFIG, m("ApplyChanges"));
    assertThat(device.support().trustList().issuerCertificates()).isEmpty();
    assertThat(
            admin
                .status(TRUST_LIST, m("AddCertificate"), ByteString.of(new byte[] {9, 9}), true)
                .getValue())
        .isEqualTo(StatusCodes.Bad_CertificateInvalid);
  }

  // Writes beyond MaxTrustListSize fail with Bad_EncodingLimitsExceeded and leave the list
  // unchanged.
  @Test
  void oversizedTrustListsAreRefused() throws Exception {
    device.close();
    device = start(tmp.resolve("small"), 3000, false);
    var admin = admin();
    UInteger max =
        (UInteger)
            admin
                .client
                .readValue(
                    0.0,
                    org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                    NodeIds.ServerConfiguration_MaxTrustListSize)
                .getValue()
                .getValue();
    assertThat(max.longValue()).isEqualTo(3000);
    String[] formats =
        (String[])
            admin
                .client
                .readValue(
                    0.0,
                    org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                    NodeIds.ServerConfiguration_SupportedPrivateKeyFormats)
                .getValue()
                .getValue();
    assertThat(formats).containsExactly("PEM", "PFX");

    List<X509Certificate> many = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      many.add(TestCa.selfSigned(clientIdentity.keyPair(), "filler " + i, "urn:filler:" + i));
    }
    byte[] bytes =
        new TrustListContent(many, List.of(), List.of(), List.of())
            .encode(admin.client.getStaticEncodingContext(), TrustListContent.ALL);
    assertThat(bytes.length).isGreaterThan(3000);
    UInteger handle = (UInteger) admin.callOk(TRUST_LIST, m("Open"), ubyte(6))[0];
    assertThat(admin.status(TRUST_LIST, m("Write"), handle, ByteString.of(bytes)).getValue())
        .isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
    assertThat(admin.status(TRUST_LIST, m("CloseAndUpdate"), handle).getValue())
        .isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);

    // AddCertificate one by one also hits the limit
    StatusCode last = StatusCode.GOOD;
    for (X509Certificate c : many) {
      last = admin.status(TRUST_LIST, m("AddCertificate"), ByteString.of(c.getEncoded()), true);
      if (!last.isGood()) {
        break;
      }
    }
    assertThat(last.getValue()).isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
    admin.callOk(CONFIG, m("CancelChanges"));
    assertThat(device.support().trustList().trustedCertificates())
        .containsExactly(clientIdentity.certificate());
  }

  // One transaction at a time: other sessions get Bad_TransactionPending / Bad_SessionIdInvalid
  // (§7.10.9, §7.10.11).
  @Test
  void anotherSessionCannotInterfereWithPendingChanges() throws Exception {
    var first = admin();
    var second = admin();
    KeyPair kp = TestCa.rsa(2048);
    X509Certificate issued = ca.issue(kp.getPublic(), "first", appUri());
    first.callOk(
        CONFIG,
        m("UpdateCertificate"),
        updateArgs(issued, List.of(ca.certificate), "PEM", TestCa.pkcs8Pem(kp.getPrivate())));

    assertThat(
            second
                .status(
                    CONFIG,
                    m("UpdateCertificate"),
                    updateArgs(
                        issued, List.of(ca.certificate), "PEM", TestCa.pkcs8Pem(kp.getPrivate())))
                .getValue())
        .isEqualTo(StatusCodes.Bad_TransactionPending);
    assertThat(second.status(TRUST_LIST, m("Open"), ubyte(6)).getValue())
        .isEqualTo(StatusCodes.Bad_TransactionPending);
    assertThat(
            second
                .status(
                    TRUST_LIST,
                    m("AddCertificate"),
                    ByteString.of(ca.certificate.getEncoded()),
                    true)
                .getValue())
        .isEqualTo(StatusCodes.Bad_TransactionPending);
    assertThat(second.status(CONFIG, m("ApplyChanges")).getValue())
        .isEqualTo(StatusCodes.Bad_SessionIdInvalid);
    assertThat(second.status(CONFIG, m("CancelChanges")).getValue())
        .isEqualTo(StatusCodes.Bad_SessionIdInvalid);
    // reading is still allowed and shows the applied list
    assertThat(readTrustList(second, null).trustedCertificates())
        .containsExactly(clientIdentity.certificate());

    first.callOk(CONFIG, m("CancelChanges"));
    assertThat(first.status(CONFIG, m("CancelChanges")).getValue())
        .isEqualTo(StatusCodes.Bad_NothingToDo);
    // now the second session may start its own transaction
    second.callOk(
        CONFIG,
        m("UpdateCertificate"),
        updateArgs(issued, List.of(ca.certificate), "PEM", TestCa.pkcs8Pem(kp.getPrivate())));
    second.close();
    // closing the session discards its transaction; the server sees the close a moment after the
    // client returns from it, so wait (bounded) until the transaction is gone
    long added =
        Await.until("the closed session's transaction to be discarded")
            .atMost(Duration.ofSeconds(20))
            .every(Duration.ofMillis(50))
            .valueUnlessThrown(
                () ->
                    first
                        .status(
                            TRUST_LIST,
                            m("AddCertificate"),
                            ByteString.of(ca.certificate.getEncoded()),
                            true)
                        .getValue(),
                status -> status != StatusCodes.Bad_TransactionPending);
    assertThat(added)
        .as("AddCertificate once the closed session's transaction is discarded")
        .isEqualTo(StatusCodes.Good);
    first.callOk(CONFIG, m("ApplyChanges"));
    assertThat(device.support().currentCertificate()).isNotEqualTo(issued);
  }

  // Untrusted clients are refused and land in rejected/certs and GetRejectedList (§7.10.12).
  @Test
  void untrustedClientsAreRejectedAndListed() throws Exception {
    KeyPair kp = TestCa.rsa(2048);
    var stranger =
        new PushClient.ClientIdentity(
            kp, TestCa.selfSigned(kp, "stranger", "urn:stranger"), "urn:stranger");
    assertThatThrownBy(
            () ->
                PushClient.connect(
                        device.endpointUrl(),
                        SecurityPolicy.Basic256Sha256,
                        MessageSecurityMode.SignAndEncrypt,
                        stranger,
                        PushClient.user(ADMIN, ADMIN_PASSWORD))
                    .close())
        .isInstanceOf(UaException.class);
    try (Stream<Path> files = Files.list(device.support().pki().resolve("rejected/certs"))) {
      assertThat(files.count()).isEqualTo(1);
    }
    ByteString[] rejected = (ByteString[]) admin().callOk(CONFIG, m("GetRejectedList"))[0];
    assertThat(Stream.of(rejected).map(ByteString::bytes))
        .anySatisfy(b -> assertThat(b).isEqualTo(getEncoded(stranger.certificate())));
  }

  // Validation honours CRLs given in trusted/crl: a revoked client certificate is refused.
  @Test
  void clientsRevokedByATrustedCrlAreRefused() throws Exception {
    device.close();
    Path pki = tmp.resolve("crl-pki");
    KeyPair goodKp = TestCa.rsa(2048);
    KeyPair badKp = TestCa.rsa(2048);
    X509Certificate good = ca.issue(goodKp.getPublic(), "good client", "urn:good");
    X509Certificate revoked = ca.issue(badKp.getPublic(), "revoked client", "urn:revoked");
    Files.createDirectories(pki.resolve("trusted/certs"));
    Files.createDirectories(pki.resolve("trusted/crl"));
    Files.write(pki.resolve("trusted/certs/ca.der"), ca.certificate.getEncoded());
    Files.write(pki.resolve("trusted/crl/ca.crl"), ca.crl(revoked).getEncoded());
    device = start(pki, 1024 * 1024, false);

    try (var ok =
        PushClient.connect(
            device.endpointUrl(),
            SecurityPolicy.Basic256Sha256,
            MessageSecurityMode.SignAndEncrypt,
            new PushClient.ClientIdentity(goodKp, good, "urn:good"),
            PushClient.anonymous())) {
      assertThat(ok.client.getSession()).isNotNull();
    }
    assertThatThrownBy(
            () ->
                PushClient.connect(
                        device.endpointUrl(),
                        SecurityPolicy.Basic256Sha256,
                        MessageSecurityMode.SignAndEncrypt,
                        new PushClient.ClientIdentity(badKp, revoked, "urn:revoked"),
                        PushClient.anonymous())
                    .close())
        .isInstanceOf(UaException.class);
  }

  // The applied certificate, key and trust list survive a restart on the same PKI folder.
  @Test
  void appliedChangesSurviveARestart() throws Exception {
    var admin = admin();
    KeyPair kp = TestCa.rsa(2048);
    X509Certificate issued = ca.issue(kp.getPublic(), "persistent", appUri());
    admin.callOk(
        CONFIG,
        m("UpdateCertificate"),
        updateArgs(issued, List.of(ca.certificate), "PFX", TestCa.pfx(kp.getPrivate(), issued)));
    admin.callOk(TRUST_LIST, m("AddCertificate"), ByteString.of(ca.certificate.getEncoded()), true);
    admin.callOk(CONFIG, m("ApplyChanges"));
    clients.forEach(PushClient::close);
    clients.clear();
    Path pki = device.support().pki().root();
    device.close();

    device = start(pki, 1024 * 1024, false);
    assertThat(device.support().currentCertificate()).isEqualTo(issued);
    assertThat(endpointCertificate(device.endpointUrl())).isEqualTo(issued);
    var again = admin();
    assertThat(readTrustList(again, null).trustedCertificates())
        .containsExactlyInAnyOrder(ca.certificate, clientIdentity.certificate());
    Object[] certs = again.callOk(CONFIG, m("GetCertificates"), GROUP);
    assertThat(((NodeId[]) certs[0])).containsExactly(RSA);
    assertThat(((ByteString[]) certs[1])[0].bytes()).isEqualTo(issued.getEncoded());
  }

  // After a trust list change, sessions whose client certificate is no longer trusted are closed
  // (§7.8.2.3).
  @Test
  void sessionsOfClientsDroppedFromTheTrustListAreClosed() throws Exception {
    KeyPair kp = TestCa.rsa(2048);
    var keptIdentity =
        new PushClient.ClientIdentity(
            kp, ca.issue(kp.getPublic(), "kept client", "urn:kept"), "urn:kept");
    var admin = admin();
    // trust the CA (and so the kept client), drop the original client certificate
    var upload =
        new TrustListContent(List.of(ca.certificate), List.of(ca.crl()), List.of(), List.of());
    byte[] bytes = upload.encode(admin.client.getStaticEncodingContext(), TrustListContent.ALL);
    UInteger handle = (UInteger) admin.callOk(TRUST_LIST, m("Open"), ubyte(6))[0];
    admin.callOk(TRUST_LIST, m("Write"), handle, ByteString.of(bytes));
    admin.callOk(TRUST_LIST, m("CloseAndUpdate"), handle);
    // staged only: the kept client is not trusted yet
    assertThatThrownBy(
            () ->
                PushClient.connect(
                        device.endpointUrl(),
                        SecurityPolicy.Basic256Sha256,
                        MessageSecurityMode.SignAndEncrypt,
                        keptIdentity,
                        PushClient.user(ADMIN, ADMIN_PASSWORD))
                    .close())
        .isInstanceOf(UaException.class);
    admin.callOk(CONFIG, m("ApplyChanges"));
    Await.until("no session left after the trust list dropped their client")
        .atMost(Duration.ofSeconds(10))
        .every(Duration.ofMillis(100))
        .value(() -> device.server().getSessionManager().getAllSessions().size(), n -> n == 0);
    try (var kept =
        PushClient.connect(
            device.endpointUrl(),
            SecurityPolicy.Basic256Sha256,
            MessageSecurityMode.SignAndEncrypt,
            keptIdentity,
            PushClient.user(ADMIN, ADMIN_PASSWORD))) {
      assertThat(kept.callOk(CONFIG, m("GetCertificates"), GROUP)).hasSize(2);
    }
  }

  // File handle misuse gets clear codes (Part 5 FileType, Part 12 §7.8.2.1).
  @Test
  void fileHandlesAreCheckedAndModesLimited() throws Exception {
    var admin = admin();
    assertThat(admin.status(TRUST_LIST, m("Open"), ubyte(2)).getValue())
        .isEqualTo(StatusCodes.Bad_NotSupported);
    UInteger read = (UInteger) admin.callOk(TRUST_LIST, m("Open"), ubyte(1))[0];
    assertThat(admin.status(TRUST_LIST, m("Write"), read, ByteString.of(new byte[] {1})).getValue())
        .isEqualTo(StatusCodes.Bad_InvalidState);
    assertThat(admin.status(TRUST_LIST, m("CloseAndUpdate"), read).getValue())
        .isEqualTo(StatusCodes.Bad_InvalidState);
    admin.callOk(TRUST_LIST, m("Close"), read);
    assertThat(admin.status(TRUST_LIST, m("Read"), read, 100).getValue())
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    UInteger write = (UInteger) admin.callOk(TRUST_LIST, m("Open"), ubyte(6))[0];
    assertThat(admin.status(TRUST_LIST, m("Open"), ubyte(6)).getValue())
        .isEqualTo(StatusCodes.Bad_InvalidState);
    admin.callOk(TRUST_LIST, m("Write"), write, ByteString.of(new byte[] {1, 2, 3}));
    assertThat(admin.status(TRUST_LIST, m("CloseAndUpdate"), write).getValue())
        .isEqualTo(StatusCodes.Bad_DecodingError);
    assertThat(admin.status(CONFIG, m("ApplyChanges")).getValue())
        .isEqualTo(StatusCodes.Bad_NothingToDo);
  }

  // ---------------------------------------------------------------------------------------------

  static TrustListContent readTrustList(PushClient c, Integer masks) throws Exception {
    UInteger handle =
        masks == null
            ? (UInteger) c.callOk(TRUST_LIST, m("Open"), ubyte(1))[0]
            : (UInteger) c.callOk(TRUST_LIST, m("OpenWithMasks"), uint(masks))[0];
    var out = new java.io.ByteArrayOutputStream();
    while (true) {
      ByteString chunk = (ByteString) c.callOk(TRUST_LIST, m("Read"), handle, 1000)[0];
      if (chunk.isNullOrEmpty()) {
        break;
      }
      out.write(chunk.bytes());
    }
    c.callOk(TRUST_LIST, m("Close"), handle);
    return TrustListContent.decode(c.client.getStaticEncodingContext(), out.toByteArray())
        .content();
  }

  static byte[] getEncoded(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
