package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import java.security.KeyPair;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/** Every refusal of the pull flow reaches the client as its Part 12 status code. */
class PullRefusalsIT extends PullSupport {

  @Test
  void aRejectedRequestAnswersBadRequestNotAllowed() throws Exception {
    Device d = device("rejected");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(reject(approver, req, "unknown device").getStatusCode().isGood()).isTrue();
      assertThat(status(finish(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_RequestNotAllowed);
      // decided once: a second decision is refused
      assertThat(status(approve(approver, req, "changed my mind")))
          .isEqualTo(StatusCodes.Bad_InvalidState);
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void finishWithAnotherApplicationIdIsAnInvalidArgument() throws Exception {
    Device d = device("wrong-app");
    Device other = device("wrong-app-other");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(status(finish(device, other.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void unknownRequestsAndApplicationsAreNotFound() throws Exception {
    Device d = device("unknown");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      NodeId unknownRequest = new NodeId(ns(device), UUID.randomUUID());
      assertThat(status(finish(device, d.applicationId(), unknownRequest)))
          .isEqualTo(StatusCodes.Bad_NotFound);
      NodeId unknownApp = new NodeId(ns(device), UUID.randomUUID());
      assertThat(status(startSigning(device, unknownApp, csr(rsa(), d.uri()))))
          .isEqualTo(StatusCodes.Bad_NotFound);
      assertThat(
              status(
                  callDirectory(device, GdsNodeIds.GetCertificateGroups, new Variant(unknownApp))))
          .isEqualTo(StatusCodes.Bad_NotFound);
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void finishFromAnotherClientCertificateIsDenied() throws Exception {
    // Part 12 §7.9.5: FinishRequest must come from the same client certificate as the Start call
    Device d = device("other-cert");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    OpcUaClient thief = connect(selfSigned(d.uri(), rsa()), REQUESTER);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      assertThat(status(finish(thief, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(finish(device, d.applicationId(), req).getStatusCode().isGood()).isTrue();
    } finally {
      TestClients.disconnect(device, approver, thief);
    }
  }

  @Test
  void aCsrNamingAnotherApplicationUriIsBadCertificateUriInvalid() throws Exception {
    Device d = device("foreign-uri");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      CallMethodResult r = startSigning(device, d.applicationId(), csr(rsa(), "urn:someone:else"));
      assertThat(status(r)).isEqualTo(StatusCodes.Bad_CertificateUriInvalid);
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void aCsrWithAKeyThatDoesNotFitTheTypeOrABrokenSignatureIsInvalid() throws Exception {
    Device d = device("bad-csr");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      // an EC key for the default (RSA) type
      assertThat(status(startSigning(device, d.applicationId(), csr(ec("secp256r1"), d.uri()))))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
      byte[] tampered = csr(rsa(), d.uri());
      tampered[tampered.length - 5] ^= 0x55;
      assertThat(status(startSigning(device, d.applicationId(), tampered)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
      assertThat(status(startSigning(device, d.applicationId(), new byte[] {1, 2, 3})))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
      // an unknown group
      CallMethodResult g =
          callDirectory(
              device,
              GdsNodeIds.StartSigningRequest,
              new Variant(d.applicationId()),
              new Variant(new NodeId(ns(device), 99999)),
              new Variant(NodeId.NULL_VALUE),
              new Variant(ByteString.of(csr(rsa(), d.uri()))));
      assertThat(status(g)).isEqualTo(StatusCodes.Bad_InvalidArgument);
      // a PrivateKeyFormat that Part 12 does not know
      assertThat(status(startNewKeyPair(device, d.applicationId(), "JKS", null)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void anApplicationActingForItselfCannotRequestForAnotherApplication() throws Exception {
    Device a = device("self-a");
    Device b = device("self-b");
    KeyPair key = rsa();
    OpcUaClient admin = connect(a.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    OpcUaClient self = null;
    try {
      // a gets a certificate through its admin, then acts for itself with it
      NodeId req = requestId(startSigning(admin, a.applicationId(), csr(key, a.uri())));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      var cert = x509(bytes(finish(admin, a.applicationId(), req).getOutputArguments()[0]));
      self = connect(new ClientIdentity(key, cert, a.uri()), null);
      assertThat(
              startSigning(self, a.applicationId(), csr(rsa(), a.uri())).getStatusCode().isGood())
          .isTrue();
      assertThat(status(startSigning(self, b.applicationId(), csr(rsa(), b.uri()))))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(
              status(
                  callDirectory(
                      self,
                      GdsNodeIds.GetTrustList,
                      new Variant(b.applicationId()),
                      new Variant(NodeId.NULL_VALUE))))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
    } finally {
      TestClients.disconnect(admin, approver, self);
    }
  }

  @Test
  void callersWithoutTheRoleOrTheApplicationsOwnCertificateAreDenied() throws Exception {
    Device d = device("unprivileged");
    // a self-signed certificate with the right URI that no admin vouched for
    OpcUaClient anonymous = connect(d.identity(), null);
    OpcUaClient nobody = TestClients.secure(gds, NOBODY, PASSWORD);
    OpcUaClient approverOnly = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      for (OpcUaClient c : new OpcUaClient[] {anonymous, nobody, approverOnly}) {
        assertThat(status(startSigning(c, d.applicationId(), csr(rsa(), d.uri()))))
            .isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(status(startNewKeyPair(c, d.applicationId(), "PEM", null)))
            .isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(
                status(
                    callDirectory(
                        c, GdsNodeIds.GetCertificateGroups, new Variant(d.applicationId()))))
            .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      }
      // approving needs RegistrationAuthorityAdmin
      OpcUaClient requester = connect(d.identity(), REQUESTER);
      try {
        NodeId req = requestId(startSigning(requester, d.applicationId(), csr(rsa(), d.uri())));
        assertThat(status(approve(nobody, req, "me"))).isEqualTo(StatusCodes.Bad_UserAccessDenied);
        assertThat(status(approve(requester, req, "me")))
            .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      } finally {
        TestClients.disconnect(requester);
      }
    } finally {
      TestClients.disconnect(anonymous, nobody, approverOnly);
    }
  }

  @Test
  void theApproverMustNotBeTheRequester() throws Exception {
    Device d = device("four-eyes");
    OpcUaClient both = connect(d.identity(), BOTH);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startSigning(both, d.applicationId(), csr(rsa(), d.uri())));
      CallMethodResult own = approve(both, req, "my own");
      assertThat(status(own)).isEqualTo(StatusCodes.Bad_UserAccessDenied);
      // the refusal says which rule refused, not the generic "lacks the role"
      assertThat(own.getInputArgumentDiagnosticInfos()[0].additionalInfo())
          .isEqualTo(
              "the requester cannot approve their own request: ask another"
                  + " RegistrationAuthorityAdmin");
      assertThat(status(finish(both, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_NothingToDo);
      assertThat(approve(approver, req, "second pair of eyes").getStatusCode().isGood()).isTrue();
      assertThat(finish(both, d.applicationId(), req).getStatusCode().isGood()).isTrue();
    } finally {
      TestClients.disconnect(both, approver);
    }
  }

  // four-eyes by device: a RegistrationAuthorityAdmin who holds the application's key files and
  // approves from its certificate is refused; FinishRequest of a user's request needs that user
  @Test
  void approvalFromTheFilingCertificateAndFinishByAnotherUserAreRefused() throws Exception {
    Device d = device("four-eyes-device");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approverOnDevice = connect(d.identity(), APPROVER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    OpcUaClient otherUserOnDevice = connect(d.identity(), BOTH);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      CallMethodResult sameDevice = approve(approverOnDevice, req, "I hold its keys");
      assertThat(status(sameDevice)).isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(sameDevice.getInputArgumentDiagnosticInfos()[0].additionalInfo())
          .startsWith("the request was filed from this client certificate");
      assertThat(approve(approver, req, "seen on site").getStatusCode().isGood()).isTrue();
      CallMethodResult otherUser = finish(otherUserOnDevice, d.applicationId(), req);
      assertThat(status(otherUser)).isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(otherUser.getInputArgumentDiagnosticInfos()[1].additionalInfo())
          .isEqualTo("FinishRequest must come from the user who started the request");
      assertThat(finish(device, d.applicationId(), req).getStatusCode().isGood()).isTrue();
    } finally {
      TestClients.disconnect(device, approverOnDevice, approver, otherUserOnDevice);
    }
  }

  @Test
  void unencryptedSessionsAreRefused() throws Exception {
    Device d = device("insecure");
    OpcUaClient insecure = TestClients.insecure(gds);
    try {
      assertThat(status(startSigning(insecure, d.applicationId(), csr(rsa(), d.uri()))))
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
    } finally {
      TestClients.disconnect(insecure);
    }
  }
}
