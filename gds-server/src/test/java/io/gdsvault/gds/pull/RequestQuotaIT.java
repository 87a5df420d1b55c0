package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request quotas: an application's open requests are capped (Bad_TooManyOperations), and so are all
 * open requests together (Bad_ResourceUnavailable); closing a request frees its place.
 */
class RequestQuotaIT extends PullSupport {

  @BeforeAll
  static void smallQuotas() throws Exception {
    TestClients.disconnect(admin);
    gds.close();
    gds =
        GdsTestServer.start(
            t -> {
              ObjectNode q = (ObjectNode) t.get("quotas");
              q.put("maxOpenRequestsPerApplication", 2);
              q.put("maxOpenRequests", 3);
              q.put("maxSessionsPerClient", 2);
            });
    admin = TestClients.admin(gds);
    PullSupport.users();
  }

  @Test
  void aClientsThirdSessionIsRefusedWithTooManySessionsWhileOtherClientsConnect() throws Exception {
    var identity = selfSigned("urn:it:greedy", rsa());
    OpcUaClient one = connect(identity, REQUESTER);
    OpcUaClient two = connect(identity, null);
    try {
      Throwable refused = null;
      try {
        TestClients.disconnect(connect(identity, APPROVER));
      } catch (Exception e) {
        refused = e;
      }
      assertThat(refused).as("the third session of one client").isNotNull();
      Throwable t = refused;
      while (t != null && !(t instanceof UaException)) {
        t = t.getCause();
      }
      assertThat(t).isInstanceOf(UaException.class);
      assertThat(((UaException) t).getStatusCode().getValue())
          .isEqualTo(StatusCodes.Bad_TooManySessions);
      // another client is not affected
      OpcUaClient other = connect(selfSigned("urn:it:modest", rsa()), APPROVER);
      TestClients.disconnect(other);
      // a closed session frees its place
      TestClients.disconnect(two);
      two = connect(identity, null);
    } finally {
      TestClients.disconnect(one, two);
    }
  }

  @Test
  void anApplicationsThirdOpenRequestIsRefusedUntilOneIsClosedAndTheGdsWideCapHoldsToo()
      throws Exception {
    Device a = device("quota-a");
    Device b = device("quota-b");
    OpcUaClient ca = connect(a.identity(), REQUESTER);
    OpcUaClient cb = connect(b.identity(), REQUESTER);
    try {
      NodeId first = requestId(startSigning(ca, a.applicationId(), csr(rsa(), a.uri())));
      requestId(startSigning(ca, a.applicationId(), csr(rsa(), a.uri())));
      assertThat(status(startSigning(ca, a.applicationId(), csr(rsa(), a.uri()))))
          .isEqualTo(StatusCodes.Bad_TooManyOperations);
      assertThat(status(startNewKeyPair(ca, a.applicationId(), "PEM", "quota-pw")))
          .isEqualTo(StatusCodes.Bad_TooManyOperations);

      // a rejected request is closed: its place is free again
      assertThat(reject(admin, first, "quota test").getStatusCode().isGood()).isTrue();
      requestId(startSigning(ca, a.applicationId(), csr(rsa(), a.uri())));

      // A holds 2 open, B files its first: 3 open overall; B's second hits the GDS-wide cap
      requestId(startSigning(cb, b.applicationId(), csr(rsa(), b.uri())));
      assertThat(status(startSigning(cb, b.applicationId(), csr(rsa(), b.uri()))))
          .isEqualTo(StatusCodes.Bad_ResourceUnavailable);
      // nothing half-written: the refused requests are not in the queue
      assertThat(gds.app().certificates().service().openRequests()).hasSize(3);
    } finally {
      TestClients.disconnect(ca, cb);
    }
  }
}
