package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.junit.jupiter.api.Test;

/**
 * The pull flow end to end over loopback (Part 12 §7.9): a device requests, a second user approves
 * through the vendor approval methods, the device finishes, validates the certificate against the
 * TrustList it read from the GDS and reconnects with the new certificate.
 */
class PullFlowIT extends PullSupport {

  @Test
  void aSigningRequestApprovedByASecondUserYieldsACertificateThatChainsToTheTrustListCa()
      throws Exception {
    Device d = device("csr-device");
    KeyPair key = rsa();
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(key, d.uri())));
      // pending: the polling contract of the reference GDS
      assertThat(status(finish(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_NothingToDo);

      assertThat(approve(approver, req, "known device").getStatusCode().isGood()).isTrue();

      CallMethodResult done = finish(device, d.applicationId(), req);
      assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
      X509Certificate cert = x509(bytes(done.getOutputArguments()[0]));
      assertThat(
              done.getOutputArguments()[1].value() == null
                  || bytes(done.getOutputArguments()[1]).length == 0)
          .isTrue();
      assertThat(cert.getPublicKey()).isEqualTo(key.getPublic());
      assertThat(org.eclipse.milo.opcua.stack.core.util.CertificateUtil.getSanUri(cert))
          .contains(d.uri());

      TrustListDataType trustList = readTrustList(device, d.applicationId());
      validate(cert, trustList);

      // a repeat within the grace period (the reply was lost) gets the same certificate again;
      // after it, Bad_InvalidArgument (FinishRequestRepeatIT)
      CallMethodResult repeat = finish(device, d.applicationId(), req);
      assertThat(repeat.getStatusCode().isGood()).as("repeat %s", repeat.getStatusCode()).isTrue();
      assertThat(bytes(repeat.getOutputArguments()[0])).isEqualTo(cert.getEncoded());

      // the new certificate is the application certificate of a new session, acting for itself
      OpcUaClient again = connect(new ClientIdentity(key, cert, d.uri()), null);
      try {
        CallMethodResult groups =
            callDirectory(again, GdsNodeIds.GetCertificateGroups, new Variant(d.applicationId()));
        assertThat(groups.getStatusCode().isGood())
            .as("self-service %s", groups.getStatusCode())
            .isTrue();
        assertThat((NodeId[]) groups.getOutputArguments()[0].value()).hasSize(3);
        validate(cert, readTrustList(again, d.applicationId()));
      } finally {
        TestClients.disconnect(again);
      }
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void aNewKeyPairAsPfxWithPasswordOpensWithItsPasswordAndItsKeyMatchesTheCertificate()
      throws Exception {
    Device d = device("pfx-device");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startNewKeyPair(device, d.applicationId(), "PFX", "pfx-secret-1"));
      // the per-request Approve(Comment) method of the CertificateRequests view
      String path = "GdsVault.CertificateRequests." + req.getIdentifier();
      CallMethodResult ok =
          callVendor(approver, path, path + ".Approve", new Variant("per-request approval"));
      assertThat(ok.getStatusCode().isGood()).as("Approve %s", ok.getStatusCode()).isTrue();
      NodeId state =
          VendorNamespace.id(path + ".State").toNodeId(approver.getNamespaceTable()).orElseThrow();
      assertThat(approver.readValue(0, TimestampsToReturn.Neither, state).getValue().getValue())
          .as("an approved request stays in the view until delivered")
          .isEqualTo("approved");

      CallMethodResult done = finishWhenReady(device, d.applicationId(), req);
      assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
      // delivered: the request has left the view at once, without waiting for a re-read
      assertThat(
              approver.readValue(0, TimestampsToReturn.Neither, state).getStatusCode().getValue())
          .isEqualTo(StatusCodes.Bad_NodeIdUnknown);
      X509Certificate cert = x509(bytes(done.getOutputArguments()[0]));
      KeyStore pfx = KeyStore.getInstance("PKCS12");
      pfx.load(
          new ByteArrayInputStream(bytes(done.getOutputArguments()[1])),
          "pfx-secret-1".toCharArray());
      String alias = pfx.aliases().nextElement();
      PrivateKey key = (PrivateKey) pfx.getKey(alias, "pfx-secret-1".toCharArray());
      assertThat(pfx.getCertificate(alias)).isEqualTo(cert);
      assertKeyMatches(key, cert);
      assertThat(cert.getSubjectX500Principal().getName()).contains("CN=new key pair device");
      validate(cert, readTrustList(device, d.applicationId()));

      OpcUaClient again =
          connect(new ClientIdentity(new KeyPair(cert.getPublicKey(), key), cert, d.uri()), null);
      try {
        assertThat(
                callDirectory(
                        again, GdsNodeIds.GetCertificateGroups, new Variant(d.applicationId()))
                    .getStatusCode()
                    .isGood())
            .isTrue();
      } finally {
        TestClients.disconnect(again);
      }
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void aNewKeyPairAsEncryptedPemDecryptsWithThePassword() throws Exception {
    Device d = device("pem-device");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startNewKeyPair(device, d.applicationId(), "PEM", "pem-secret-2"));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      CallMethodResult done = finishWhenReady(device, d.applicationId(), req);
      assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
      X509Certificate cert = x509(bytes(done.getOutputArguments()[0]));
      String pem = new String(bytes(done.getOutputArguments()[1]), StandardCharsets.US_ASCII);
      assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
      try (PEMParser p = new PEMParser(new StringReader(pem))) {
        var info = (org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo) p.readObject();
        PrivateKeyInfo plain =
            info.decryptPrivateKeyInfo(
                new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                    .build("pem-secret-2".toCharArray()));
        assertKeyMatches(new JcaPEMKeyConverter().getPrivateKey(plain), cert);
      }
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void anEccP256SigningRequestForTheP256TypeIsIssuedByTheP256Ca() throws Exception {
    Device d = device("ecc-device");
    KeyPair key = ec("secp256r1");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      CallMethodResult start =
          callDirectory(
              device,
              GdsNodeIds.StartSigningRequest,
              new Variant(d.applicationId()),
              new Variant(NodeId.NULL_VALUE),
              new Variant(
                  org.eclipse.milo.opcua.stack.core.NodeIds.EccNistP256ApplicationCertificateType),
              new Variant(
                  org.eclipse.milo.opcua.stack.core.types.builtin.ByteString.of(
                      csr(key, d.uri()))));
      NodeId req = requestId(start);
      assertThat(approve(approver, req, "ecc").getStatusCode().isGood()).isTrue();
      CallMethodResult done = finish(device, d.applicationId(), req);
      assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
      X509Certificate cert = x509(bytes(done.getOutputArguments()[0]));
      X509Certificate issuer =
          x509(
              ((org.eclipse.milo.opcua.stack.core.types.builtin.ByteString[])
                      done.getOutputArguments()[2].value())
                  [0].bytesOrEmpty());
      assertThat(issuer.getPublicKey().getAlgorithm()).isEqualTo("EC");
      cert.verify(issuer.getPublicKey());
      validate(cert, readTrustList(device, d.applicationId()));
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void anUndeliveredPrivateKeyExpiresAndItsRequestIsRemoved() throws Exception {
    // the private key of a new key pair is deleted when nobody collects it in time
    Device d = device("expired-key");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startNewKeyPair(device, d.applicationId(), "PFX", "never-collected"));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      var service = gds.app().certificates().service();
      java.util.UUID id = (java.util.UUID) req.getIdentifier();
      Await.until("the generated key sealed in the request")
          .atMost(Duration.ofSeconds(10))
          .every(Duration.ofMillis(50))
          .isTrue(
              () ->
                  service.show(io.gdsvault.gds.auth.Caller.system(), id).getKey().keyBlob()
                      != null);
      assertThat(
              service.purgeExpiredKeys(java.time.Instant.now().plus(java.time.Duration.ofDays(2))))
          .isGreaterThanOrEqualTo(1);
      var purged = service.show(io.gdsvault.gds.auth.Caller.system(), id);
      assertThat(purged.getKey().keyBlob()).isNull();
      assertThat(purged.getKey().state())
          .isEqualTo(io.gdsvault.gds.certificates.RequestState.REMOVED);
      assertThat(purged.getValue())
          .anySatisfy(h -> assertThat(h.action()).isEqualTo("key-expired"));
      // removed before delivery: the device is told to file a new request
      assertThat(status(finish(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_RequestNotAllowed);
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void aCertificateAnAdminUsedForTheApplicationMayActForItselfWithoutAUser() throws Exception {
    // onboarding: the device's own certificate, used once by an admin for this application
    Device d = device("bound");
    OpcUaClient anonymousBefore = connect(d.identity(), null);
    try {
      assertThat(
              status(
                  callDirectory(
                      anonymousBefore,
                      GdsNodeIds.GetCertificateGroups,
                      new Variant(d.applicationId()))))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    } finally {
      TestClients.disconnect(anonymousBefore);
    }
    OpcUaClient admin = connect(d.identity(), REQUESTER);
    try {
      requestId(startSigning(admin, d.applicationId(), csr(rsa(), d.uri())));
    } finally {
      TestClients.disconnect(admin);
    }
    OpcUaClient self = connect(d.identity(), null);
    try {
      assertThat(
              callDirectory(self, GdsNodeIds.GetCertificateGroups, new Variant(d.applicationId()))
                  .getStatusCode()
                  .isGood())
          .isTrue();
      NodeId req = requestId(startSigning(self, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(status(finish(self, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_NothingToDo);
    } finally {
      TestClients.disconnect(self);
    }
  }

  static void assertKeyMatches(PrivateKey key, X509Certificate cert) throws Exception {
    String alg = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    Signature s = Signature.getInstance(alg);
    s.initSign(key);
    byte[] data = "proof of possession".getBytes(StandardCharsets.UTF_8);
    s.update(data);
    byte[] sig = s.sign();
    Signature v = Signature.getInstance(alg);
    v.initVerify(cert.getPublicKey());
    v.update(data);
    assertThat(v.verify(sig)).isTrue();
  }
}
