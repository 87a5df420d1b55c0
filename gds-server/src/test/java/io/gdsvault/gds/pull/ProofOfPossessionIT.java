package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.testing.TestClients;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Proof of possession is checked once, at StartSigningRequest (Part 12 §7.9.3), and recorded with a
 * keyed seal over the stored CSR; approval issues from the sealed CSR without verifying its
 * signature again, and refuses a CSR that was changed in the database.
 */
class ProofOfPossessionIT extends PullSupport {

  static Jdbi jdbi() {
    return gds.app().database().jdbi();
  }

  static long requestsOf(String uri) {
    return jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM certificate_requests WHERE application_uri = :u")
                    .bind("u", uri)
                    .mapTo(Long.class)
                    .one());
  }

  // A CSR whose signature does not match its key proves nothing: refused when submitted, nothing
  // filed.
  @Test
  void aCsrWithABadSignatureIsRefusedAtSubmissionWithAClearReason() throws Exception {
    Device d = device("bad-pop");
    byte[] tampered = csr(rsa(), d.uri());
    tampered[tampered.length - 5] ^= 0x55; // inside the signature BIT STRING: still valid DER
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      assertThat(status(startSigning(device, d.applicationId(), tampered)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
    } finally {
      TestClients.disconnect(device);
    }
    Throwable t =
        catchThrowable(
            () ->
                gds.app()
                    .certificates()
                    .service()
                    .startSigningRequest(
                        Caller.system(),
                        (UUID) d.applicationId().getIdentifier(),
                        null,
                        null,
                        tampered));
    assertThat(t)
        .isInstanceOfSatisfying(
            GdsException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
              assertThat(e.getMessage()).isEqualTo("certificate request signature is invalid");
            });
    assertThat(requestsOf(d.uri())).isZero();
  }

  // The stored CSR is integrity-protected: swapping in another (validly signed) CSR is not issued.
  @Test
  void aCsrChangedInTheDatabaseAfterSubmissionIsNotIssued() throws Exception {
    Device d = device("swapped-csr");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId request = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      UUID id = (UUID) request.getIdentifier();
      byte[] seal =
          jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT csr_seal FROM certificate_requests WHERE request_id = :id")
                          .bind("id", id)
                          .mapTo(byte[].class)
                          .one());
      assertThat(seal).hasSize(32);
      byte[] otherKeysCsr = csr(rsa(), d.uri());
      jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "UPDATE certificate_requests SET csr_der = :c WHERE request_id = :id")
                      .bind("c", otherKeysCsr)
                      .bind("id", id)
                      .execute());

      CallMethodResult approved = approve(approver, request, "looks fine");
      assertThat(approved.getStatusCode().isGood()).isFalse();
      long stillNew =
          jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT COUNT(*) FROM certificate_requests WHERE request_id = :id"
                                  + " AND certificate_der IS NULL AND state = 'NEW'")
                          .bind("id", id)
                          .mapTo(Long.class)
                          .one());
      assertThat(stillNew).isEqualTo(1L);
      assertThat(status(finish(device, d.applicationId(), request)))
          .isEqualTo(StatusCodes.Bad_NothingToDo);
    } finally {
      TestClients.disconnect(device);
      TestClients.disconnect(approver);
    }
  }

  // The normal path still works: filed, sealed, approved, issued from the sealed CSR, delivered.
  @Test
  void aSealedRequestIsIssuedAtApprovalAndDelivered() throws Exception {
    Device d = device("sealed-ok");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      var key = rsa();
      NodeId request = requestId(startSigning(device, d.applicationId(), csr(key, d.uri())));
      assertThat(approve(approver, request, "ok").getStatusCode().isGood()).isTrue();
      CallMethodResult done = finishWhenReady(device, d.applicationId(), request);
      assertThat(done.getStatusCode().isGood()).as("%s", done.getStatusCode()).isTrue();
      var cert = x509(bytes(done.getOutputArguments()[0]));
      assertThat(cert.getPublicKey()).isEqualTo(key.getPublic());
    } finally {
      TestClients.disconnect(device);
      TestClients.disconnect(approver);
    }
  }

  // A request filed before seals existed (csr_seal NULL) is not stranded by the upgrade: its proof
  // of possession is verified at approval instead, and a CSR whose signature fails is still
  // refused.
  @Test
  void aRequestWithoutASealIsVerifiedAtApproval() throws Exception {
    Device d = device("legacy-unsealed");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      var key = rsa();
      NodeId request = requestId(startSigning(device, d.applicationId(), csr(key, d.uri())));
      UUID id = (UUID) request.getIdentifier();
      jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "UPDATE certificate_requests SET csr_seal = NULL WHERE request_id = :id")
                      .bind("id", id)
                      .execute());
      assertThat(approve(approver, request, "filed before the upgrade").getStatusCode().isGood())
          .isTrue();
      CallMethodResult done = finishWhenReady(device, d.applicationId(), request);
      assertThat(done.getStatusCode().isGood()).as("%s", done.getStatusCode()).isTrue();
      assertThat(x509(bytes(done.getOutputArguments()[0])).getPublicKey())
          .isEqualTo(key.getPublic());

      NodeId second = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      UUID secondId = (UUID) second.getIdentifier();
      byte[] badSignature = csr(rsa(), d.uri());
      badSignature[badSignature.length - 5] ^= 0x55;
      jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "UPDATE certificate_requests SET csr_seal = NULL, csr_der = :c WHERE"
                              + " request_id = :id")
                      .bind("c", badSignature)
                      .bind("id", secondId)
                      .execute());
      assertThat(approve(approver, second, "looks fine").getStatusCode().isGood()).isFalse();
      assertThat(status(finish(device, d.applicationId(), second)))
          .isEqualTo(StatusCodes.Bad_NothingToDo);
    } finally {
      TestClients.disconnect(device);
      TestClients.disconnect(approver);
    }
  }
}
