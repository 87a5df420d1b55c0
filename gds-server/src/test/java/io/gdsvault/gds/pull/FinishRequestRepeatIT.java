package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.audit.AuditRecord;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import io.gdsvault.testing.MutableClock;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.EventFilterBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A FinishRequest whose reply was lost on the wire can be repeated: within the grace period the
 * same caller gets byte-identical certificate, issuer chain and private key, the repeat is audited;
 * after it the request is complete (Bad_InvalidArgument, the .NET de-facto status) and the kept
 * private key is gone from the database. Time moves by an injected clock, not by sleeping.
 */
class FinishRequestRepeatIT extends PullSupport {

  static final int GRACE_MINUTES = 10;

  /** A clock the test moves forward (the GDS services read it; Milo keeps its own). */
  static final MutableClock clock = MutableClock.startingNow();

  @BeforeAll
  static void gdsWithMutableClock() throws Exception {
    TestClients.disconnect(admin);
    gds.close();
    gds =
        GdsTestServer.start(
            Files.createTempDirectory("gds-it-repeat-"),
            clock,
            t ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("certificates"))
                    .put("finishRequestGraceMinutes", GRACE_MINUTES));
    admin = TestClients.admin(gds);
    PullSupport.users();
  }

  private static ByteString[] issuers(CallMethodResult r) {
    return (ByteString[]) r.getOutputArguments()[2].value();
  }

  private static byte[] keyBlobInDatabase(NodeId request) {
    return gds.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT key_blob FROM certificate_requests WHERE request_id = :id")
                    .bind("id", (UUID) request.getIdentifier())
                    .mapTo(byte[].class)
                    .findOne()
                    .orElse(null));
  }

  private static List<AuditRecord> auditOf(NodeId request) {
    return gds.app().auditTrail().list(Caller.system(), null, 10_000).stream()
        .filter(a -> a.target().equals(request.getIdentifier().toString()))
        .toList();
  }

  @Test
  void aRepeatedFinishRequestOfANewKeyPairReturnsTheSameCertificateAndKeyUntilTheGracePeriodEnds()
      throws Exception {
    Device d = device("repeat-key");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req =
          requestId(startNewKeyPair(device, d.applicationId(), "PEM", "repeat-key-password"));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      CallMethodResult first = finishWhenReady(device, d.applicationId(), req);
      assertThat(first.getStatusCode().isGood()).as("finish %s", first.getStatusCode()).isTrue();
      byte[] key = bytes(first.getOutputArguments()[1]);
      assertThat(new String(key, java.nio.charset.StandardCharsets.US_ASCII))
          .contains("PRIVATE KEY");
      // kept for the grace period, sealed: the stored bytes are not the delivered PEM
      byte[] stored = keyBlobInDatabase(req);
      assertThat(stored).isNotNull();
      assertThat(Arrays.equals(stored, key)).isFalse();

      // the reply was "lost": the device asks again, nine minutes later
      clock.advance(Duration.ofMinutes(GRACE_MINUTES - 1));
      CallMethodResult again = finish(device, d.applicationId(), req);
      assertThat(again.getStatusCode().isGood()).as("repeat %s", again.getStatusCode()).isTrue();
      assertThat(bytes(again.getOutputArguments()[0]))
          .isEqualTo(bytes(first.getOutputArguments()[0]));
      assertThat(bytes(again.getOutputArguments()[1])).isEqualTo(key);
      assertThat(issuers(again)).containsExactly(issuers(first));
      assertThat(auditOf(req))
          .filteredOn(a -> a.action().equals("request.delivered"))
          .hasSize(2)
          .last()
          .satisfies(a -> assertThat(a.detail()).startsWith("repeat"));

      // after the grace period: already delivered, and the key is erased on that read
      clock.advance(Duration.ofMinutes(2));
      assertThat(status(finish(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
      assertThat(keyBlobInDatabase(req)).as("key_blob after the grace period").isNull();
      assertThat(auditOf(req))
          .anySatisfy(a -> assertThat(a.action()).isEqualTo("request.key-expired"));
      assertThat(status(finish(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void theScheduledPurgeErasesADeliveredKeyWhenTheGracePeriodEnds() throws Exception {
    Device d = device("repeat-purge");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req =
          requestId(startNewKeyPair(device, d.applicationId(), "PFX", "repeat-purge-password"));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      assertThat(finishWhenReady(device, d.applicationId(), req).getStatusCode().isGood()).isTrue();
      var service = gds.app().certificates().service();
      service.purgeExpiredKeys();
      assertThat(keyBlobInDatabase(req)).as("kept within the grace period").isNotNull();
      clock.advance(Duration.ofMinutes(GRACE_MINUTES + 1));
      assertThat(service.purgeExpiredKeys()).isGreaterThanOrEqualTo(1);
      assertThat(keyBlobInDatabase(req)).as("key_blob after the purge").isNull();
      var shown = service.show(Caller.system(), (UUID) req.getIdentifier());
      assertThat(shown.getKey().state())
          .isEqualTo(io.gdsvault.gds.certificates.RequestState.ACCEPTED);
      assertThat(status(finish(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  @Test
  void aRepeatedFinishRequestOfASigningRequestReturnsTheSameCertificateOnlyToItsRequester()
      throws Exception {
    Device d = device("repeat-csr");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient stranger = connect(selfSigned(d.uri(), rsa()), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    // CertificateDelivered events on the Server object: the repeat raises one again, marked as such
    List<Variant[]> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    OpcUaSubscription subscription = new OpcUaSubscription(admin);
    subscription.setSubscriptionListener(
        new OpcUaSubscription.SubscriptionListener() {
          @Override
          public void onEventReceived(
              OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<Variant[]> fields) {
            events.addAll(fields);
          }
        });
    subscription.create();
    OpcUaMonitoredItem item =
        OpcUaMonitoredItem.newEventItem(
            NodeIds.Server,
            new EventFilterBuilder()
                .select(NodeIds.BaseEventType, new QualifiedName(0, "EventType"))
                .select(NodeIds.BaseEventType, new QualifiedName(0, "Message"))
                .build());
    item.setQueueSize(uint(100));
    subscription.addMonitoredItem(item);
    subscription.synchronizeMonitoredItems();
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      CallMethodResult first = finish(device, d.applicationId(), req);
      assertThat(first.getStatusCode().isGood()).as("finish %s", first.getStatusCode()).isTrue();
      // the same identity checks as the first FinishRequest: another client certificate is refused
      assertThat(status(finish(stranger, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      CallMethodResult again = finish(device, d.applicationId(), req);
      assertThat(again.getStatusCode().isGood()).as("repeat %s", again.getStatusCode()).isTrue();
      assertThat(bytes(again.getOutputArguments()[0]))
          .isEqualTo(bytes(first.getOutputArguments()[0]));
      assertThat(
              again.getOutputArguments()[1].value() == null
                  || bytes(again.getOutputArguments()[1]).length == 0)
          .isTrue();
      assertThat(issuers(again)).containsExactly(issuers(first));
      assertThat(keyBlobInDatabase(req)).as("a signing request has no key to keep").isNull();
      NodeId delivered =
          GdsNodeIds.resolve(
              GdsNodeIds.CertificateDeliveredAuditEventType, admin.getNamespaceTable());
      String id = req.getIdentifier().toString();
      java.util.function.Supplier<List<String>> messages =
          () ->
              events.stream()
                  .filter(f -> delivered.equals(f[0].value()))
                  .map(f -> ((LocalizedText) f[1].value()).text())
                  .filter(m -> m != null && m.contains(id))
                  .toList();
      Await.until("two CertificateDelivered events for the request")
          .atMost(Duration.ofSeconds(10))
          .every(Duration.ofMillis(50))
          .value(() -> messages.get().size(), n -> n >= 2);
      assertThat(messages.get())
          .hasSize(2)
          .satisfiesExactly(
              m -> assertThat(m).startsWith("CertificateDelivered:"),
              m -> assertThat(m).startsWith("CertificateDelivered (repeat):"));
      clock.advance(Duration.ofMinutes(GRACE_MINUTES).plusSeconds(1));
      assertThat(status(finish(device, d.applicationId(), req)))
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
    } finally {
      subscription.delete();
      TestClients.disconnect(device, stranger, approver);
    }
  }
}
