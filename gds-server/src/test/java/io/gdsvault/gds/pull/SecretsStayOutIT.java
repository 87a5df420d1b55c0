package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.audit.AuditTrailEvents;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.EventFilterBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full flow with a known user password, PFX password and private key; then every log line (DEBUG
 * and up, with stack traces), every audit trail row and every field of every audit event is
 * searched for those secrets: none may appear ("no password, private key or PFX").
 */
class SecretsStayOutIT extends PullSupport {

  private static final String USER_PASSWORD = "Zebra-Quartz-71-user-secret";
  private static final String NEW_USER_PASSWORD = "Otter-Basalt-93-second-secret";
  private static final String PFX_PASSWORD = "Heron-Cobalt-55-pfx-secret";

  private static final String[] EVENT_FIELDS = {
    "EventType", "Message", "SourceName", "ClientUserId", "ClientAuditEntryId", "ServerId",
    "InputArguments", "OutputArguments", "ActionTimeStamp", "Status", "StatusCodeId", "MethodId"
  };

  @Test
  void noPasswordPfxOrPrivateKeyReachesALogLineAnAuditRowOrAnEvent() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger ours = (Logger) LoggerFactory.getLogger("io.gdsvault");
    Logger milo = (Logger) LoggerFactory.getLogger("org.eclipse.milo");
    Level oursBefore = ours.getLevel();
    Level miloBefore = milo.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    ours.setLevel(Level.DEBUG);
    milo.setLevel(Level.DEBUG);

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
    EventFilterBuilder filter = new EventFilterBuilder();
    for (String f : EVENT_FIELDS) {
      filter.select(NodeIds.BaseEventType, new QualifiedName(0, f));
    }
    OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(NodeIds.Server, filter.build());
    item.setQueueSize(uint(1000));
    subscription.addMonitoredItem(item);
    subscription.synchronizeMonitoredItems();

    List<String> secrets = new ArrayList<>(List.of(USER_PASSWORD, NEW_USER_PASSWORD, PFX_PASSWORD));
    try {
      // a user with a known password: added, used, its password changed, a refused change
      assertThat(
              callVendor(
                      admin,
                      "GdsVault.Users",
                      "GdsVault.Users.AddUser",
                      new Variant("secret-keeper"),
                      new Variant(USER_PASSWORD),
                      new Variant(
                          new String[] {"CertificateAuthorityAdmin", "RegistrationAuthorityAdmin"}))
                  .getStatusCode()
                  .isGood())
          .isTrue();
      OpcUaClient keeper = TestClients.secure(gds, "secret-keeper", USER_PASSWORD);
      // the requester's own key: a signing request from a known private key
      Device d = device("secret-device");
      KeyPair csrKey = rsa();
      secrets.addAll(keyForms(csrKey.getPrivate()));
      OpcUaClient device = connect(d.identity(), REQUESTER);
      OpcUaClient approver = TestClients.secure(gds, APPROVER, PASSWORD);
      try {
        NodeId signing = requestId(startSigning(device, d.applicationId(), csr(csrKey, d.uri())));
        assertThat(
                approve(approver, signing, "approved for the secrets test")
                    .getStatusCode()
                    .isGood())
            .isTrue();
        assertThat(finishWhenReady(device, d.applicationId(), signing).getStatusCode().isGood())
            .isTrue();

        // a new key pair as PFX with a known password, approved by the keeper, delivered
        NodeId pfxReq = requestId(startNewKeyPair(device, d.applicationId(), "PFX", PFX_PASSWORD));
        assertThat(approve(approver, pfxReq, "pfx approval").getStatusCode().isGood()).isTrue();
        CallMethodResult done = finishWhenReady(device, d.applicationId(), pfxReq);
        assertThat(done.getStatusCode().isGood()).as("finish %s", done.getStatusCode()).isTrue();
        byte[] pfx = ((ByteString) done.getOutputArguments()[1].value()).bytesOrEmpty();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(pfx), PFX_PASSWORD.toCharArray());
        PrivateKey delivered =
            (PrivateKey) ks.getKey(ks.aliases().nextElement(), PFX_PASSWORD.toCharArray());
        secrets.addAll(keyForms(delivered));
        secrets.add(Base64.getEncoder().encodeToString(pfx).substring(0, 64));
        secrets.add(HexFormat.of().formatHex(pfx).substring(0, 64));

        // a rejection, a revocation, a refused call that carries a password
        NodeId rejected = requestId(startSigning(device, d.applicationId(), csr(rsa(), d.uri())));
        assertThat(reject(keeper, rejected, "secrets test rejection").getStatusCode().isGood())
            .isTrue();
        assertThat(
                callVendor(
                        approver,
                        "GdsVault.Users",
                        "GdsVault.Users.SetPassword",
                        new Variant("admin"),
                        new Variant(USER_PASSWORD))
                    .getStatusCode()
                    .isBad())
            .isTrue();
        assertThat(
                callVendor(
                        admin,
                        "GdsVault.Users",
                        "GdsVault.Users.SetPassword",
                        new Variant("secret-keeper"),
                        new Variant(NEW_USER_PASSWORD))
                    .getStatusCode()
                    .isGood())
            .isTrue();
        assertThat(
                callVendor(
                        admin,
                        "GdsVault.Users",
                        "GdsVault.Users.AddUser",
                        new Variant("secret-keeper"),
                        new Variant(PFX_PASSWORD),
                        new Variant(new String[] {"Nonsense"}))
                    .getStatusCode()
                    .isBad())
            .isTrue();
        assertThat(
                callDirectory(
                        admin, GdsNodeIds.UnregisterApplication, new Variant(d.applicationId()))
                    .getStatusCode()
                    .isGood())
            .isTrue();
      } finally {
        TestClients.disconnect(device, approver, keeper);
      }
      // events arrive asynchronously: wait for the revocation (the unregistration came last)
      NodeId revokedType =
          GdsNodeIds.resolve(
              GdsNodeIds.CertificateRevokedAuditEventType, admin.getNamespaceTable());
      Await.until("the CertificateRevoked audit event")
          .atMost(Duration.ofSeconds(15))
          .every(Duration.ofMillis(50))
          .isTrue(() -> events.stream().anyMatch(f -> revokedType.equals(f[0].value())));
      // a settle pause, not a poll: the unregistration's events and log lines come after the
      // revocation's and there is no single one of them to wait for
      Thread.sleep(500);
    } finally {
      root.detachAppender(captured);
      ours.setLevel(oursBefore);
      milo.setLevel(miloBefore);
      subscription.delete();
    }

    List<String> logLines = new ArrayList<>();
    for (ILoggingEvent e : captured.list) {
      logLines.add(
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(e.getThrowableProxy()))
              + " "
              + e.getMDCPropertyMap());
    }
    List<String> auditRows = new ArrayList<>();
    for (Map<String, Object> row :
        gds.app()
            .database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT * FROM audit_log ORDER BY seq").mapToMap().list())) {
      auditRows.add(row.toString());
    }
    List<String> eventTexts = new ArrayList<>();
    for (Variant[] fields : events) {
      StringBuilder b = new StringBuilder();
      for (Variant v : fields) {
        Object o = v == null ? null : v.value();
        b.append(o instanceof Object[] a ? Arrays.deepToString(a) : String.valueOf(o))
            .append(" | ");
      }
      eventTexts.add(b.toString());
    }

    // the flow was recorded: otherwise "no secret found" would prove nothing
    assertThat(logLines).hasSizeGreaterThan(20);
    assertThat(String.join("\n", auditRows))
        .contains("request.approved")
        .contains("request.delivered")
        .contains("request.rejected")
        .contains("request.revoked")
        .contains("method.AddUser")
        .contains("method.SetPassword")
        .contains("application.UnregisterApplication");
    String allEvents = String.join("\n", eventTexts);
    assertThat(allEvents)
        .contains(AuditTrailEvents.APPROVED_TYPE)
        .contains(AuditTrailEvents.REJECTED_TYPE)
        .contains(AuditTrailEvents.GENERAL_TYPE)
        .contains("secrets test rejection");
    for (var standard :
        List.of(
            GdsNodeIds.ApplicationRegistrationChangedAuditEventType,
            GdsNodeIds.CertificateRequestedAuditEventType,
            GdsNodeIds.CertificateDeliveredAuditEventType,
            GdsNodeIds.CertificateRevokedAuditEventType)) {
      NodeId type = GdsNodeIds.resolve(standard, admin.getNamespaceTable());
      assertThat(events)
          .as("an event of type %s", type)
          .anySatisfy(f -> assertThat(f[0].value()).isEqualTo(type));
    }

    for (String secret : secrets) {
      assertThat(logLines).as("log lines").noneMatch(l -> l.contains(secret));
      assertThat(auditRows).as("audit rows").noneMatch(l -> l.contains(secret));
      assertThat(eventTexts).as("event fields").noneMatch(l -> l.contains(secret));
    }
  }

  /** The forms a leaked private key would take: Base64 and hex of its PKCS#8 encoding (a slice). */
  private static List<String> keyForms(PrivateKey key) {
    byte[] der = key.getEncoded();
    byte[] inner = Arrays.copyOfRange(der, der.length / 2, der.length / 2 + 48);
    return List.of(
        Base64.getEncoder().encodeToString(inner),
        HexFormat.of().formatHex(inner),
        Base64.getEncoder().encodeToString(der).substring(40, 104));
  }
}
