package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.EventFilterBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.Test;

/**
 * The attack as it was run: on SecurityPolicy None without a certificate, browse
 * Objects/GdsVault/CertificateRequests and read every open request, and subscribe to events on the
 * Server object to receive every audit event. Now nothing under GdsVault is readable or browsable
 * there, the requests are shown only to their operators over SignAndEncrypt, and audit events reach
 * only the subscribers with the role.
 */
class VendorDataAccessIT extends PullSupport {

  private static NodeId vendor(OpcUaClient c, String path) {
    return VendorNamespace.id(path).toNodeId(c.getNamespaceTable()).orElseThrow();
  }

  private static DataValue read(OpcUaClient c, NodeId id, AttributeId a) throws Exception {
    return c.read(
            0.0,
            TimestampsToReturn.Neither,
            List.of(new ReadValueId(id, a.uid(), null, QualifiedName.NULL_VALUE)))
        .getResults()[0];
  }

  private static BrowseResult browse(OpcUaClient c, NodeId id) throws Exception {
    return c.browse(
        new BrowseDescription(
            id, BrowseDirection.Forward, NodeIds.HierarchicalReferences, true, uint(0), uint(63)));
  }

  private static List<String> names(BrowseResult r) {
    List<String> out = new ArrayList<>();
    if (r.getReferences() != null) {
      for (ReferenceDescription d : r.getReferences()) {
        out.add(String.valueOf(d.getBrowseName().name()));
      }
    }
    return out;
  }

  /** An open request of a fresh device, filed by the requester. */
  private static UUID openRequest(String name) throws Exception {
    Device d = device(name);
    OpcUaClient device = connect(d.identity(), REQUESTER);
    try {
      return (UUID)
          requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri()))).getIdentifier();
    } finally {
      TestClients.disconnect(device);
    }
  }

  @Test
  void onNoneNothingUnderGdsVaultIsReadableOrBrowsable() throws Exception {
    UUID request = openRequest("none-reader");
    String path = "GdsVault.CertificateRequests." + request;
    OpcUaClient none = TestClients.insecure(gds);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    OpcUaClient nobody = TestClients.secure(gds, NOBODY, PASSWORD);
    try {
      // Objects does not show GdsVault on None; GdsVault itself is neither browsable nor readable
      assertThat(names(browse(none, NodeIds.ObjectsFolder))).doesNotContain("GdsVault");
      assertThat(names(browse(approver, NodeIds.ObjectsFolder))).contains("GdsVault");
      assertThat(names(browse(none, vendor(none, "GdsVault")))).isEmpty();
      assertThat(names(browse(none, vendor(none, "GdsVault.CertificateRequests")))).isEmpty();
      for (String p :
          List.of(
              "GdsVault",
              "GdsVault.Users",
              "GdsVault.CertificateRequests",
              path,
              path + ".ApplicationUri",
              path + ".RequestedBy")) {
        for (AttributeId a :
            List.of(AttributeId.BrowseName, AttributeId.DisplayName, AttributeId.Value)) {
          if (a == AttributeId.Value && !p.contains(".CertificateRequests.")) {
            continue;
          }
          DataValue v = read(none, vendor(none, p), a);
          assertThat(v.statusCode().isBad()).as("None reads %s %s: %s", p, a, v).isTrue();
        }
      }

      // SignAndEncrypt without the role: the request does not exist
      assertThat(
              read(nobody, vendor(nobody, path + ".ApplicationUri"), AttributeId.Value)
                  .statusCode()
                  .isBad())
          .isTrue();
      assertThat(read(nobody, vendor(nobody, path), AttributeId.DisplayName).statusCode().isBad())
          .isTrue();
      assertThat(names(browse(nobody, vendor(nobody, "GdsVault.CertificateRequests"))))
          .doesNotContain(request.toString())
          .isNotEmpty(); // the queue's own methods stay visible
      assertThat(browse(nobody, vendor(nobody, path)).getStatusCode().isBad()).isTrue();

      // the approver over SignAndEncrypt reads and browses the request
      DataValue uri = read(approver, vendor(approver, path + ".ApplicationUri"), AttributeId.Value);
      assertThat(uri.statusCode().isGood()).as("%s", uri).isTrue();
      assertThat((String) uri.value().value()).startsWith("urn:");
      assertThat(names(browse(approver, vendor(approver, "GdsVault.CertificateRequests"))))
          .contains(request.toString());
      assertThat(names(browse(approver, vendor(approver, path)))).contains("ApplicationUri");
      assertThat(
              ((LocalizedText)
                      read(approver, vendor(approver, path), AttributeId.DisplayName)
                          .value()
                          .value())
                  .text())
          .startsWith("urn:");
    } finally {
      TestClients.disconnect(none, approver, nobody);
    }
  }

  /** Event messages received on a Server-object subscription, and its keep-alives. */
  private record Listener(
      OpcUaSubscription subscription, List<String> messages, AtomicInteger keepAlives) {}

  private static Listener listen(OpcUaClient c) throws Exception {
    List<String> messages = new CopyOnWriteArrayList<>();
    AtomicInteger keepAlives = new AtomicInteger();
    OpcUaSubscription s = new OpcUaSubscription(c, 50.0);
    s.setMaxKeepAliveCount(uint(2));
    s.setSubscriptionListener(
        new OpcUaSubscription.SubscriptionListener() {
          @Override
          public void onEventReceived(
              OpcUaSubscription sub, List<OpcUaMonitoredItem> items, List<Variant[]> fields) {
            for (Variant[] f : fields) {
              messages.add(String.valueOf(((LocalizedText) f[0].value()).text()));
            }
          }

          @Override
          public void onKeepAliveReceived(OpcUaSubscription sub) {
            keepAlives.incrementAndGet();
          }
        });
    s.create();
    OpcUaMonitoredItem item =
        OpcUaMonitoredItem.newEventItem(
            NodeIds.Server,
            new EventFilterBuilder()
                .select(NodeIds.BaseEventType, new QualifiedName(0, "Message"))
                .build());
    item.setQueueSize(uint(1000));
    s.addMonitoredItem(item);
    s.synchronizeMonitoredItems();
    return new Listener(s, messages, keepAlives);
  }

  private static boolean anyContains(List<String> messages, String text) {
    return messages.stream().anyMatch(m -> m.contains(text));
  }

  @Test
  void auditEventsReachOnlySubscribersWithTheRoleOverSignAndEncrypt() throws Exception {
    OpcUaClient none = TestClients.insecure(gds);
    OpcUaClient nobody = TestClients.secure(gds, NOBODY, PASSWORD);
    OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      Listener onNone = listen(none);
      Listener withoutRole = listen(nobody);
      Listener securityAdmin = listen(admin);
      Listener raa = listen(approver);

      String user = "evt" + UUID.randomUUID().toString().substring(0, 8);
      gds.app()
          .users()
          .addUser(Caller.system(), user, PASSWORD.toCharArray(), Set.of(Role.DISCOVERY_ADMIN));
      UUID request = openRequest("events");
      String requestId = request.toString();

      Await.until("the SecurityAdmin gets the AddUser and request events")
          .atMost(Duration.ofSeconds(10))
          .isTrue(
              () ->
                  anyContains(securityAdmin.messages(), user)
                      && anyContains(securityAdmin.messages(), requestId));
      Await.until("the approver gets the CertificateRequested event")
          .atMost(Duration.ofSeconds(10))
          .isTrue(() -> anyContains(raa.messages(), "CertificateRequested: "));
      // the approver is not told about user administration
      assertThat(anyContains(raa.messages(), user)).isFalse();

      // the others published keep-alives since (so anything queued for them would have arrived)
      int noneSeen = onNone.keepAlives().get();
      int nobodySeen = withoutRole.keepAlives().get();
      Await.until("the other subscriptions publish twice more")
          .atMost(Duration.ofSeconds(10))
          .isTrue(
              () ->
                  onNone.keepAlives().get() >= noneSeen + 2
                      && withoutRole.keepAlives().get() >= nobodySeen + 2);
      assertThat(onNone.messages()).isEmpty();
      // a DiscoveryAdmin sees registration changes, but neither user administration nor requests
      assertThat(withoutRole.messages())
          .noneMatch(m -> m.contains(user) || m.contains(requestId))
          .allMatch(m -> m.startsWith("RegisterApplication"));
    } finally {
      TestClients.disconnect(none, nobody, approver);
    }
  }
}
