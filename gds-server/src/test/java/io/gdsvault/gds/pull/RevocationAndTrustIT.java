package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.security.KeyPair;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.EventFilterBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.junit.jupiter.api.Test;

/**
 * Revocation reaches the CRL in the TrustList file and CheckRevocationStatus at once (Part 12
 * §7.9.7, §7.9.12); the groups, their TrustLists and the queue view are where clients look.
 */
class RevocationAndTrustIT extends PullSupport {

  /** Issues a certificate for a new device through requester and approver. */
  private static X509Certificate issue(Device d, KeyPair key) throws Exception {
    OpcUaClient device = connect(d.identity(), REQUESTER);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(key, d.uri())));
      assertThat(approve(approver, req, "ok").getStatusCode().isGood()).isTrue();
      CallMethodResult done = finish(device, d.applicationId(), req);
      assertThat(done.getStatusCode().isGood()).isTrue();
      return x509(bytes(done.getOutputArguments()[0]));
    } finally {
      TestClients.disconnect(device, approver);
    }
  }

  private static CallMethodResult checkRevocation(OpcUaClient c, X509Certificate cert)
      throws Exception {
    return callDirectory(
        c, GdsNodeIds.CheckRevocationStatus, new Variant(ByteString.of(cert.getEncoded())));
  }

  @Test
  void aRevokedCertificateIsInTheCrlOfTheTrustListAndCheckRevocationStatusSaysRevoked()
      throws Exception {
    Device d = device("revoked");
    X509Certificate cert = issue(d, rsa());
    CallMethodResult before = checkRevocation(admin, cert);
    assertThat(before.getStatusCode().isGood()).isTrue();
    assertThat(((StatusCode) before.getOutputArguments()[0].value()).isGood()).isTrue();
    assertThat(before.getOutputArguments()[1].value()).isNotNull();

    CallMethodResult revoke =
        callDirectory(
            admin,
            GdsNodeIds.RevokeCertificate,
            new Variant(d.applicationId()),
            new Variant(ByteString.of(cert.getEncoded())));
    assertThat(revoke.getStatusCode().isGood()).as("revoke %s", revoke.getStatusCode()).isTrue();

    CallMethodResult after = checkRevocation(admin, cert);
    assertThat(((StatusCode) after.getOutputArguments()[0].value()).getValue())
        .isEqualTo(StatusCodes.Bad_CertificateRevoked);

    TrustListDataType trustList = readTrustListNode(admin, 616, 15);
    List<X509CRL> crls = crls(trustList.getTrustedCrls());
    assertThat(crls).anySatisfy(crl -> assertThat(crl.getRevokedCertificate(cert)).isNotNull());
    assertThatThrownBy(() -> validate(cert, trustList))
        .isInstanceOf(CertPathValidatorException.class);

    // the server's own trust list carries the new CRL too
    assertThat(gds.app().server().serverTrustList().getTrustedCrls())
        .anySatisfy(crl -> assertThat(crl.getRevokedCertificate(cert)).isNotNull());
    // GetCertificates no longer lists it; GetCertificateStatus asks for a new one
    CallMethodResult certs =
        callDirectory(
            admin,
            GdsNodeIds.GetCertificates,
            new Variant(d.applicationId()),
            new Variant(NodeId.NULL_VALUE));
    assertThat((ByteString[]) certs.getOutputArguments()[1].value()).isEmpty();
    CallMethodResult status =
        callDirectory(
            admin,
            GdsNodeIds.GetCertificateStatus,
            new Variant(d.applicationId()),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE));
    assertThat(status.getOutputArguments()[0].value()).isEqualTo(true);
  }

  @Test
  void unregisteringAnApplicationRevokesItsCertificates() throws Exception {
    Device d = device("unregistered");
    X509Certificate cert = issue(d, rsa());
    CallMethodResult certs =
        callDirectory(
            admin,
            GdsNodeIds.GetCertificates,
            new Variant(d.applicationId()),
            new Variant(NodeId.NULL_VALUE));
    assertThat((NodeId[]) certs.getOutputArguments()[0].value())
        .containsExactly(NodeIds.RsaSha256ApplicationCertificateType);
    assertThat(
            callDirectory(
                    admin,
                    GdsNodeIds.GetCertificateStatus,
                    new Variant(d.applicationId()),
                    new Variant(NodeId.NULL_VALUE),
                    new Variant(NodeId.NULL_VALUE))
                .getOutputArguments()[0]
                .value())
        .isEqualTo(false);

    assertThat(
            callDirectory(admin, GdsNodeIds.UnregisterApplication, new Variant(d.applicationId()))
                .getStatusCode()
                .isGood())
        .isTrue();
    CallMethodResult after = checkRevocation(admin, cert);
    assertThat(((StatusCode) after.getOutputArguments()[0].value()).getValue())
        .isEqualTo(StatusCodes.Bad_CertificateRevoked);
  }

  @Test
  void aCertificateFromElsewhereIsNotGoodAndGarbageIsInvalid() throws Exception {
    CallMethodResult foreign = checkRevocation(admin, TestClients.defaultIdentity().certificate());
    assertThat(((StatusCode) foreign.getOutputArguments()[0].value()).isBad()).isTrue();
    CallMethodResult garbage =
        callDirectory(
            admin, GdsNodeIds.CheckRevocationStatus, new Variant(ByteString.of(new byte[] {1, 2})));
    assertThat(((StatusCode) garbage.getOutputArguments()[0].value()).getValue())
        .isEqualTo(StatusCodes.Bad_CertificateInvalid);
  }

  @Test
  void theThreeDefaultGroupsHaveTheirStandardNodesAndReadableTrustLists() throws Exception {
    Device d = device("groups");
    CallMethodResult groups =
        callDirectory(admin, GdsNodeIds.GetCertificateGroups, new Variant(d.applicationId()));
    assertThat((NodeId[]) groups.getOutputArguments()[0].value())
        .containsExactly(
            GdsNodeIds.resolve(GdsNodeIds.DefaultApplicationGroup, admin.getNamespaceTable()),
            GdsNodeIds.resolve(GdsNodeIds.DefaultHttpsGroup, admin.getNamespaceTable()),
            GdsNodeIds.resolve(GdsNodeIds.DefaultUserTokenGroup, admin.getNamespaceTable()));
    DataValue types =
        admin.readValue(
            0,
            TimestampsToReturn.Neither,
            GdsNodeIds.resolve(
                GdsNodeIds.DefaultApplicationGroup_CertificateTypes, admin.getNamespaceTable()));
    assertThat((NodeId[]) types.value().value())
        .containsExactly(
            NodeIds.RsaSha256ApplicationCertificateType,
            NodeIds.EccNistP256ApplicationCertificateType,
            NodeIds.EccNistP384ApplicationCertificateType);
    TrustListDataType app = readTrustListNode(admin, 616, 15);
    assertThat(app.getTrustedCertificates()).hasSize(3);
    assertThat(app.getTrustedCrls()).hasSize(3);
    assertThat(readTrustListNode(admin, 650, 15).getTrustedCertificates()).hasSize(1);
    assertThat(readTrustListNode(admin, 684, 15).getTrustedCertificates()).hasSize(1);
    // masks select lists: only CRLs
    TrustListDataType crlsOnly = readTrustListNode(admin, 616, 2);
    assertThat(crlsOnly.getTrustedCertificates()).isEmpty();
    assertThat(crlsOnly.getTrustedCrls()).hasSize(3);
    // the Size property is the length of the full content
    DataValue size =
        admin.readValue(
            0,
            TimestampsToReturn.Neither,
            GdsNodeIds.resolve(GdsNodeIds.gds(617), admin.getNamespaceTable()));
    assertThat(
            ((org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong) size.value().value())
                .longValue())
        .isGreaterThan(1000);
    // the GDS trusts its own CAs
    assertThat(gds.app().server().serverTrustList().getTrustedCertificates())
        .containsAll(certs(app.getTrustedCertificates()));
  }

  @Test
  void trustListsAreReadOnlyAndHandlesArePrivate() throws Exception {
    NodeId tl = GdsNodeIds.resolve(GdsNodeIds.gds(616), admin.getNamespaceTable());
    NodeId open = GdsNodeIds.resolve(GdsNodeIds.gds(622), admin.getNamespaceTable());
    NodeId read = GdsNodeIds.resolve(GdsNodeIds.gds(627), admin.getNamespaceTable());
    CallMethodResult write =
        admin.call(List.of(new CallMethodRequest(tl, open, new Variant[] {new Variant(ubyte(2))})))
            .getResults()[0];
    assertThat(write.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_NotWritable);
    CallMethodResult ok =
        admin.call(List.of(new CallMethodRequest(tl, open, new Variant[] {new Variant(ubyte(1))})))
            .getResults()[0];
    assertThat(ok.getStatusCode().isGood()).isTrue();
    Variant handle = ok.getOutputArguments()[0];
    OpcUaClient other = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      CallMethodResult stolen =
          other.call(
                  List.of(
                      new CallMethodRequest(tl, read, new Variant[] {handle, new Variant(100)})))
              .getResults()[0];
      assertThat(stolen.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_InvalidArgument);
    } finally {
      TestClients.disconnect(other);
    }
    CallMethodResult unknown =
        admin.call(
                List.of(
                    new CallMethodRequest(
                        tl, read, new Variant[] {new Variant(uint(7)), new Variant(100)})))
            .getResults()[0];
    assertThat(unknown.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_InvalidArgument);
  }

  @Test
  void requestsDeliveriesAndRevocationsRaiseTheirAuditEventsAndOpenRequestsAppearInTheQueueView()
      throws Exception {
    List<Variant[]> events = new CopyOnWriteArrayList<>();
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
    Device d = device("evented");
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      NodeId req = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      NodeId type =
          GdsNodeIds.resolve(
              GdsNodeIds.CertificateRequestedAuditEventType, admin.getNamespaceTable());
      Await.until("the CertificateRequested audit event")
          .atMost(Duration.ofSeconds(10))
          .every(Duration.ofMillis(50))
          .isTrue(() -> events.stream().anyMatch(f -> type.equals(f[0].value())));
      assertThat(events)
          .anySatisfy(
              f -> {
                assertThat(f[0].value()).isEqualTo(type);
                assertThat(((LocalizedText) f[1].value()).text())
                    .contains(d.uri())
                    .contains(req.getIdentifier().toString());
              });
      // the request object with readable properties
      int vns = admin.getNamespaceTable().getIndex("urn:gdsvault:vendor").intValue();
      String path = "GdsVault.CertificateRequests." + req.getIdentifier();
      DataValue uri =
          admin.readValue(0, TimestampsToReturn.Neither, new NodeId(vns, path + ".ApplicationUri"));
      DataValue state =
          admin.readValue(0, TimestampsToReturn.Neither, new NodeId(vns, path + ".State"));
      DataValue by =
          admin.readValue(0, TimestampsToReturn.Neither, new NodeId(vns, path + ".RequestedBy"));
      assertThat(uri.value().value()).isEqualTo(d.uri());
      assertThat(state.value().value()).isEqualTo("new");
      assertThat(by.value().value()).isEqualTo(REQUESTER);
      // rejected requests leave the view
      assertThat(reject(admin, req, "no").getStatusCode().isGood()).isTrue();
      assertThat(
              admin
                  .readValue(0, TimestampsToReturn.Neither, new NodeId(vns, path + ".State"))
                  .getStatusCode()
                  .isBad())
          .isTrue();

      // delivery and revocation raise CertificateDelivered and CertificateRevoked
      NodeId second = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
      assertThat(approve(admin, second, "ok").getStatusCode().isGood()).isTrue();
      CallMethodResult done = finish(device, d.applicationId(), second);
      assertThat(done.getStatusCode().isGood()).isTrue();
      assertThat(
              callDirectory(
                      admin,
                      GdsNodeIds.RevokeCertificate,
                      new Variant(d.applicationId()),
                      done.getOutputArguments()[0])
                  .getStatusCode()
                  .isGood())
          .isTrue();
      NodeId delivered =
          GdsNodeIds.resolve(
              GdsNodeIds.CertificateDeliveredAuditEventType, admin.getNamespaceTable());
      NodeId revoked =
          GdsNodeIds.resolve(
              GdsNodeIds.CertificateRevokedAuditEventType, admin.getNamespaceTable());
      Await.until("the CertificateDelivered and CertificateRevoked audit events")
          .atMost(Duration.ofSeconds(10))
          .every(Duration.ofMillis(50))
          .isTrue(
              () ->
                  events.stream().anyMatch(f -> delivered.equals(f[0].value()))
                      && events.stream().anyMatch(f -> revoked.equals(f[0].value())));
      assertThat(events).anySatisfy(f -> assertThat(f[0].value()).isEqualTo(delivered));
      assertThat(events).anySatisfy(f -> assertThat(f[0].value()).isEqualTo(revoked));
    } finally {
      subscription.delete();
      TestClients.disconnect(device);
    }
  }
}
