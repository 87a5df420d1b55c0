package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordDataType;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.EventFilterBuilder;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.ServerOnNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Directory method and every error status, over a real SignAndEncrypt session. */
class DirectoryIT extends GdsIntegrationTest {

  private static final String READER_PASSWORD = "reader-password-123";
  private static OpcUaClient reader;
  private static OpcUaClient anonymous;

  @BeforeAll
  static void clients() throws Exception {
    gds.app()
        .users()
        .addUser(
            Caller.system(),
            "reader",
            READER_PASSWORD.toCharArray(),
            Set.of(Role.REGISTRATION_AUTHORITY_ADMIN));
    reader = TestClients.secure(gds, "reader", READER_PASSWORD);
    anonymous = TestClients.secure(gds, null, null);
  }

  @AfterAll
  static void closeClients() {
    TestClients.disconnect(reader, anonymous);
  }

  @Test
  void aRegisteredRecordReadsBackEqualFieldByField() throws Exception {
    // Part 12 §6.5.3/§6.5.9: GetApplication returns what RegisterApplication stored
    ApplicationRecord r =
        new ApplicationRecord(
            null,
            "urn:it:roundtrip:" + UUID.randomUUID(),
            ApplicationType.CLIENT_AND_SERVER,
            List.of(new LocalizedName("en", "Mixer 3"), new LocalizedName("de", "Mischer 3")),
            "urn:it:mixer",
            List.of("opc.tcp://mixer3:4840", "opc.https://mixer3:443"),
            List.of("DA", "HD"));
    NodeId id = register(r);

    assertThat(id.getNamespaceIndex().intValue()).isEqualTo(gdsNs(admin));
    assertThat(id.getIdentifier()).isInstanceOf(UUID.class);
    CallMethodResult got = callDirectory(admin, GdsNodeIds.GetApplication, new Variant(id));
    assertThat(got.getStatusCode().isGood()).isTrue();
    ApplicationRecordDataType ua = decode(admin, got.getOutputArguments()[0].value());
    assertThat(ua.getApplicationId()).isEqualTo(id);
    assertThat(ua.getApplicationUri()).isEqualTo(r.applicationUri());
    assertThat(ua.getApplicationType()).isEqualTo(ApplicationType.CLIENT_AND_SERVER.value());
    assertThat(ua.getApplicationNames())
        .containsExactly(new LocalizedText("en", "Mixer 3"), new LocalizedText("de", "Mischer 3"));
    assertThat(ua.getProductUri()).isEqualTo("urn:it:mixer");
    assertThat(ua.getDiscoveryUrls())
        .containsExactly("opc.tcp://mixer3:4840", "opc.https://mixer3:443");
    assertThat(ua.getServerCapabilities()).containsExactly("DA", "HD");
    assertThat(ApplicationRecordMapper.fromUa(ua, gdsNs(admin)))
        .isEqualTo(r.withApplicationId((UUID) id.getIdentifier()));
  }

  @Test
  void aSecondRegistrationOfTheSameApplicationUriIsEntryExists() throws Exception {
    ApplicationRecord r = server("dup");
    register(r);
    CallMethodResult again =
        callDirectory(admin, GdsNodeIds.RegisterApplication, new Variant(encode(admin, r)));
    assertThat(again.getStatusCode().value()).isEqualTo(StatusCodes.Bad_EntryExists);
  }

  @Test
  void unknownApplicationIdsAreNotFound() throws Exception {
    NodeId unknown = new NodeId(gdsNs(admin), UUID.randomUUID());
    NodeId foreign = new NodeId(0, UUID.randomUUID());
    NodeId numeric = new NodeId(gdsNs(admin), 42);
    for (NodeId id : List.of(unknown, foreign, numeric, NodeId.NULL_VALUE)) {
      assertThat(status(callDirectory(admin, GdsNodeIds.GetApplication, new Variant(id))))
          .isEqualTo(StatusCodes.Bad_NotFound);
      assertThat(status(callDirectory(admin, GdsNodeIds.UnregisterApplication, new Variant(id))))
          .isEqualTo(StatusCodes.Bad_NotFound);
    }
    ApplicationRecord ghost = server("ghost").withApplicationId(UUID.randomUUID());
    assertThat(
            status(
                callDirectory(
                    admin, GdsNodeIds.UpdateApplication, new Variant(encode(admin, ghost)))))
        .isEqualTo(StatusCodes.Bad_NotFound);
  }

  @Test
  void recordsBreakingPart12RulesAreInvalidArguments() throws Exception {
    ApplicationRecord good = server("rules");
    List<ApplicationRecord> bad =
        List.of(
            copy(
                good,
                "relative/uri",
                good.applicationType(),
                good.applicationNames(),
                good.productUri(),
                good.discoveryUrls()),
            copy(
                good,
                good.applicationUri(),
                good.applicationType(),
                List.of(),
                good.productUri(),
                good.discoveryUrls()),
            copy(
                good,
                good.applicationUri(),
                ApplicationType.SERVER,
                good.applicationNames(),
                good.productUri(),
                List.of()),
            copy(
                good,
                good.applicationUri(),
                ApplicationType.CLIENT,
                good.applicationNames(),
                good.productUri(),
                List.of("opc.tcp://x:1")),
            copy(
                good,
                good.applicationUri(),
                good.applicationType(),
                good.applicationNames(),
                "not a uri",
                good.discoveryUrls()),
            copy(
                good,
                "",
                good.applicationType(),
                good.applicationNames(),
                good.productUri(),
                good.discoveryUrls()));
    for (ApplicationRecord r : bad) {
      assertThat(
              status(
                  callDirectory(
                      admin, GdsNodeIds.RegisterApplication, new Variant(encode(admin, r)))))
          .as("%s", r)
          .isEqualTo(StatusCodes.Bad_InvalidArgument);
    }
    // an ApplicationType outside the enumeration (the .NET GDS tests send 8)
    ApplicationRecordDataType typeEight =
        new ApplicationRecordDataType(
            NodeId.NULL_VALUE,
            "urn:it:type8",
            8,
            new LocalizedText[] {LocalizedText.english("x")},
            "",
            new String[] {"opc.tcp://x:1"},
            new String[0]);
    ExtensionObject xo = ExtensionObject.encode(admin.getStaticEncodingContext(), typeEight);
    assertThat(status(callDirectory(admin, GdsNodeIds.RegisterApplication, new Variant(xo))))
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
  }

  @Test
  void writeMethodsNeedDiscoveryAdmin() throws Exception {
    // Part 12 §6.5.3: only DiscoveryAdmin may register, update and unregister applications
    NodeId id = register(server("guarded"));
    for (OpcUaClient c : List.of(reader, anonymous)) {
      assertThat(
              status(
                  callDirectory(
                      c, GdsNodeIds.RegisterApplication, new Variant(encode(c, server("denied"))))))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      assertThat(status(callDirectory(c, GdsNodeIds.UnregisterApplication, new Variant(id))))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      ApplicationRecord update = server("guarded").withApplicationId((UUID) id.getIdentifier());
      assertThat(
              status(
                  callDirectory(c, GdsNodeIds.UpdateApplication, new Variant(encode(c, update)))))
          .isEqualTo(StatusCodes.Bad_UserAccessDenied);
      // reading stays open to any caller on an encrypted channel
      assertThat(status(callDirectory(c, GdsNodeIds.GetApplication, new Variant(id)))).isEqualTo(0);
    }
  }

  @Test
  void everyGdsMethodRefusesAnUnencryptedSession() throws Exception {
    OpcUaClient none = TestClients.insecure(gds);
    try {
      NodeId id = register(server("plain"));
      assertThat(
              status(
                  callDirectory(
                      none,
                      GdsNodeIds.RegisterApplication,
                      new Variant(encode(none, server("plain2"))))))
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
      assertThat(status(callDirectory(none, GdsNodeIds.GetApplication, new Variant(id))))
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
      assertThat(status(callDirectory(none, GdsNodeIds.FindApplications, new Variant("urn:x"))))
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
      assertThat(status(query(none, 0, 0, "", "", 0, "", new String[0])))
          .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
    } finally {
      TestClients.disconnect(none);
    }
  }

  @Test
  void updateReplacesTheRecordAndFindSeesIt() throws Exception {
    ApplicationRecord r = server("updatable");
    NodeId id = register(r);
    ApplicationRecord changed =
        copy(
            r.withApplicationId((UUID) id.getIdentifier()),
            r.applicationUri(),
            ApplicationType.DISCOVERY_SERVER,
            List.of(LocalizedName.of("Renamed")),
            "urn:it:other-product",
            List.of("opc.tcp://renamed:4841"));
    assertThat(
            status(
                callDirectory(
                    admin, GdsNodeIds.UpdateApplication, new Variant(encode(admin, changed)))))
        .isEqualTo(0);

    CallMethodResult found =
        callDirectory(admin, GdsNodeIds.FindApplications, new Variant(r.applicationUri()));
    Object[] records = (Object[]) found.getOutputArguments()[0].value();
    assertThat(records).hasSize(1);
    assertThat(ApplicationRecordMapper.fromUa(decode(admin, records[0]), gdsNs(admin)))
        .isEqualTo(changed);
  }

  @Test
  void unregisterRemovesTheRecord() throws Exception {
    ApplicationRecord r = server("leaving");
    NodeId id = register(r);
    assertThat(status(callDirectory(admin, GdsNodeIds.UnregisterApplication, new Variant(id))))
        .isEqualTo(0);
    assertThat(status(callDirectory(admin, GdsNodeIds.GetApplication, new Variant(id))))
        .isEqualTo(StatusCodes.Bad_NotFound);
    Object[] found =
        (Object[])
            callDirectory(admin, GdsNodeIds.FindApplications, new Variant(r.applicationUri()))
                .getOutputArguments()[0]
                .value();
    assertThat(found).isEmpty();
    assertThat(status(callDirectory(admin, GdsNodeIds.UnregisterApplication, new Variant(id))))
        .isEqualTo(StatusCodes.Bad_NotFound);
  }

  @Test
  void findApplicationsMatchesTheExactUriOnly() throws Exception {
    ApplicationRecord r = server("findme");
    register(r);
    CallMethodResult res =
        callDirectory(anonymous, GdsNodeIds.FindApplications, new Variant(r.applicationUri()));
    assertThat((Object[]) res.getOutputArguments()[0].value()).hasSize(1);
    res =
        callDirectory(
            anonymous, GdsNodeIds.FindApplications, new Variant(r.applicationUri() + "x"));
    assertThat((Object[]) res.getOutputArguments()[0].value()).isEmpty();
  }

  @Test
  void queryApplicationsPagesThroughMoreThanOnePageInRecordIdOrder() throws Exception {
    // Part 12 §6.5.10: StartingRecordId/NextRecordId paging over monotonic record ids
    String product = "urn:it:paging:" + UUID.randomUUID();
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ApplicationRecord r = server("page" + i);
      r =
          copy(
              r,
              r.applicationUri(),
              r.applicationType(),
              r.applicationNames(),
              product,
              r.discoveryUrls());
      register(r);
      uris.add(r.applicationUri());
    }
    List<String> seen = new ArrayList<>();
    long start = 0;
    int pages = 0;
    long previousNext = 0;
    do {
      CallMethodResult res = query(admin, start, 3, "", "", 0, product, new String[0]);
      assertThat(status(res)).isEqualTo(0);
      DateTime reset = (DateTime) res.getOutputArguments()[0].value();
      assertThat(reset.isValid()).isTrue();
      long next = ((UInteger) res.getOutputArguments()[1].value()).longValue();
      for (Object o : (Object[]) res.getOutputArguments()[2].value()) {
        seen.add(
            ((ApplicationDescription)
                    ((ExtensionObject) o).decode(admin.getStaticEncodingContext()))
                .getApplicationUri());
      }
      if (next != 0) {
        assertThat(next).isGreaterThan(previousNext);
        previousNext = next;
      }
      start = next;
      pages++;
    } while (start != 0);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(uris);
  }

  @Test
  void queryApplicationsFiltersByNameTypeAndCapabilities() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ApplicationRecord srv =
        named(server("q"), "Boiler " + tag, ApplicationType.SERVER, List.of("DA", "AC"));
    ApplicationRecord cli =
        new ApplicationRecord(
            null,
            "urn:it:qc:" + tag,
            ApplicationType.CLIENT,
            List.of(LocalizedName.of("Boiler client " + tag)),
            "",
            List.of(),
            List.of());
    ApplicationRecord hidden =
        named(server("q"), "Boiler hidden " + tag, ApplicationType.SERVER, List.of("NA"));
    register(srv);
    register(cli);
    register(hidden);

    assertThat(uris(query(admin, 0, 0, "Boiler%" + tag, "", 0, "", new String[0])))
        .containsExactlyInAnyOrder(srv.applicationUri(), cli.applicationUri());
    assertThat(uris(query(admin, 0, 0, "Boiler%" + tag, "", 1, "", new String[0])))
        .containsExactly(srv.applicationUri());
    assertThat(uris(query(admin, 0, 0, "Boiler%" + tag, "", 2, "", new String[0])))
        .containsExactly(cli.applicationUri());
    assertThat(uris(query(admin, 0, 0, "Boiler%" + tag, "", 0, "", new String[] {"DA", "AC"})))
        .containsExactly(srv.applicationUri());
    assertThat(uris(query(admin, 0, 0, "", cli.applicationUri(), 0, "", new String[0])))
        .containsExactly(cli.applicationUri());
    assertThat(uris(query(admin, 0, 0, "no such name " + tag, "", 0, "", new String[0]))).isEmpty();
    assertThat(status(query(admin, 0, 0, "", "", 9, "", new String[0])))
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
  }

  @Test
  void queryApplicationsStartsAfterStartingRecordIdAndNextRecordIdIsTheLastOneReturned()
      throws Exception {
    // Part 12 1.05 §6.5.10: "only records with an identifier greater than" StartingRecordId;
    // NextRecordId is passed back as StartingRecordId, so paging neither repeats nor skips
    String product = "urn:it:exclusive:" + UUID.randomUUID();
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ApplicationRecord r = server("excl" + i);
      r =
          copy(
              r,
              r.applicationUri(),
              r.applicationType(),
              r.applicationNames(),
              product,
              r.discoveryUrls());
      register(r);
      uris.add(r.applicationUri());
    }
    CallMethodResult first = query(admin, 0, 1, "", "", 0, product, new String[0]);
    assertThat(uris(first)).containsExactly(uris.get(0));
    long next = ((UInteger) first.getOutputArguments()[1].value()).longValue();
    assertThat(next).isPositive();
    // the same next page whether the caller passes NextRecordId or asks for one more record
    CallMethodResult second = query(admin, next, 1, "", "", 0, product, new String[0]);
    assertThat(uris(second)).containsExactly(uris.get(1));
    assertThat(uris(query(admin, next, 0, "", "", 0, product, new String[0])))
        .containsExactly(uris.get(1), uris.get(2));
    // the last page says there is nothing more
    CallMethodResult rest =
        query(
            admin,
            ((UInteger) second.getOutputArguments()[1].value()).longValue(),
            5,
            "",
            "",
            0,
            product,
            new String[0]);
    assertThat(uris(rest)).containsExactly(uris.get(2));
    assertThat(((UInteger) rest.getOutputArguments()[1].value()).longValue()).isZero();
  }

  @Test
  void theApplicationTypeFilterIsTheServersAndClientsMask() throws Exception {
    // Part 12 1.05 §6.5.10: 0x1 Servers, 0x2 Clients, 0 all; ClientAndServer is both, a
    // DiscoveryServer is a Server; undefined bits are refused
    String product = "urn:it:mask:" + UUID.randomUUID();
    ApplicationRecord srv =
        withProduct(
            named(server("mask"), "Mask server", ApplicationType.SERVER, List.of()), product);
    ApplicationRecord both =
        withProduct(
            named(server("mask"), "Mask both", ApplicationType.CLIENT_AND_SERVER, List.of()),
            product);
    ApplicationRecord lds =
        withProduct(
            named(server("mask"), "Mask lds", ApplicationType.DISCOVERY_SERVER, List.of("LDS")),
            product);
    ApplicationRecord cli =
        new ApplicationRecord(
            null,
            "urn:it:mask:client:" + UUID.randomUUID(),
            ApplicationType.CLIENT,
            List.of(LocalizedName.of("Mask client")),
            product,
            List.of(),
            List.of());
    for (ApplicationRecord r : List.of(srv, both, lds, cli)) {
      register(r);
    }
    List<String> all =
        List.of(
            srv.applicationUri(),
            both.applicationUri(),
            lds.applicationUri(),
            cli.applicationUri());
    assertThat(uris(query(admin, 0, 0, "", "", 0, product, new String[0])))
        .containsExactlyElementsOf(all);
    assertThat(uris(query(admin, 0, 0, "", "", 3, product, new String[0])))
        .containsExactlyElementsOf(all);
    assertThat(uris(query(admin, 0, 0, "", "", 1, product, new String[0])))
        .containsExactly(srv.applicationUri(), both.applicationUri(), lds.applicationUri());
    assertThat(uris(query(admin, 0, 0, "", "", 2, product, new String[0])))
        .containsExactly(both.applicationUri(), cli.applicationUri());
    assertThat(status(query(admin, 0, 0, "", "", 4, product, new String[0])))
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
  }

  @Test
  void theApplicationNameFilterAppliesToTheDefaultNameOnly() throws Exception {
    // Part 12 1.05 §6.5.10: "The filter is only applied to the default ApplicationName"
    String tag = UUID.randomUUID().toString().substring(0, 8);
    ApplicationRecord base = server("names");
    ApplicationRecord r =
        new ApplicationRecord(
            null,
            base.applicationUri(),
            ApplicationType.SERVER,
            List.of(
                new LocalizedName("en", "Pump " + tag), new LocalizedName("de", "Pumpe " + tag)),
            base.productUri(),
            base.discoveryUrls(),
            List.of());
    register(r);
    assertThat(uris(query(admin, 0, 0, "Pump " + tag, "", 0, "", new String[0])))
        .containsExactly(r.applicationUri());
    assertThat(uris(query(admin, 0, 0, "Pump%" + tag, "", 0, "", new String[0])))
        .containsExactly(r.applicationUri());
    assertThat(uris(query(admin, 0, 0, "Pumpe " + tag, "", 0, "", new String[0]))).isEmpty();
  }

  @Test
  void queryServersReturnsOneEntryPerDiscoveryUrlAndPagesAfterTheLastRecordId() throws Exception {
    String product = "urn:it:servers:" + UUID.randomUUID();
    ApplicationRecord a = server("srvA");
    a =
        copy(
            a,
            a.applicationUri(),
            a.applicationType(),
            a.applicationNames(),
            product,
            List.of("opc.tcp://a:1", "opc.tcp://a:2"));
    ApplicationRecord b = server("srvB");
    b =
        copy(
            b,
            b.applicationUri(),
            b.applicationType(),
            b.applicationNames(),
            product,
            List.of("opc.tcp://b:1"));
    register(a);
    register(b);
    CallMethodResult all =
        callDirectory(
            admin,
            GdsNodeIds.QueryServers,
            u32(0),
            u32(0),
            new Variant(""),
            new Variant(""),
            new Variant(product),
            new Variant(new String[0]));
    List<ServerOnNetwork> servers = servers(all);
    assertThat(servers)
        .extracting(ServerOnNetwork::getDiscoveryUrl)
        .containsExactly("opc.tcp://a:1", "opc.tcp://a:2", "opc.tcp://b:1");
    // Part 12 §6.5.11: only records with an id greater than StartingRecordId
    long firstId = servers.get(0).getRecordId().longValue();
    CallMethodResult after =
        callDirectory(
            admin,
            GdsNodeIds.QueryServers,
            u32(firstId),
            u32(0),
            new Variant(""),
            new Variant(""),
            new Variant(product),
            new Variant(new String[0]));
    assertThat(servers(after))
        .extracting(ServerOnNetwork::getDiscoveryUrl)
        .containsExactly("opc.tcp://b:1");
  }

  @Test
  void registrationChangesRaiseTheApplicationRegistrationChangedAuditEvent() throws Exception {
    // Part 12 §6.6.x: ApplicationRegistrationChangedAuditEventType on every change
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
    EventFilter filter =
        new EventFilterBuilder()
            .select(NodeIds.BaseEventType, new QualifiedName(0, "EventType"))
            .select(NodeIds.BaseEventType, new QualifiedName(0, "Message"))
            .select(NodeIds.AuditEventType, new QualifiedName(0, "Status"))
            .build();
    OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(NodeIds.Server, filter);
    item.setQueueSize(uint(100));
    subscription.addMonitoredItem(item);
    subscription.synchronizeMonitoredItems();
    try {
      NodeId id = register(server("audited"));
      callDirectory(admin, GdsNodeIds.UnregisterApplication, new Variant(id));
      NodeId eventType =
          GdsNodeIds.resolve(
              GdsNodeIds.ApplicationRegistrationChangedAuditEventType, admin.getNamespaceTable());
      Await.until("two ApplicationRegistrationChanged audit events")
          .atMost(Duration.ofSeconds(10))
          .every(Duration.ofMillis(50))
          .value(
              () -> events.stream().filter(f -> eventType.equals(f[0].value())).count(),
              n -> n >= 2);
      List<Variant[]> ours = events.stream().filter(f -> eventType.equals(f[0].value())).toList();
      assertThat(ours).hasSizeGreaterThanOrEqualTo(2);
      assertThat(ours)
          .anySatisfy(
              f ->
                  assertThat(((LocalizedText) f[1].value()).text())
                      .startsWith("RegisterApplication succeeded"));
      assertThat(ours)
          .anySatisfy(
              f ->
                  assertThat(((LocalizedText) f[1].value()).text())
                      .startsWith("UnregisterApplication succeeded"));
    } finally {
      subscription.delete();
    }
  }

  // ---- helpers

  private static long status(CallMethodResult r) {
    return r.getStatusCode().value();
  }

  private static CallMethodResult query(
      OpcUaClient c,
      long start,
      long max,
      String name,
      String uri,
      long type,
      String product,
      String[] caps)
      throws Exception {
    return callDirectory(
        c,
        GdsNodeIds.QueryApplications,
        new Variant(uint(start)),
        new Variant(uint(max)),
        new Variant(name),
        new Variant(uri),
        new Variant(uint(type)),
        new Variant(product),
        new Variant(caps));
  }

  private static List<String> uris(CallMethodResult r) {
    assertThat(r.getStatusCode().isGood()).as("status %s", r.getStatusCode()).isTrue();
    List<String> out = new ArrayList<>();
    for (Object o : (Object[]) r.getOutputArguments()[2].value()) {
      out.add(
          ((ApplicationDescription) ((ExtensionObject) o).decode(admin.getStaticEncodingContext()))
              .getApplicationUri());
    }
    return out;
  }

  private static List<ServerOnNetwork> servers(CallMethodResult r) {
    assertThat(r.getStatusCode().isGood()).as("status %s", r.getStatusCode()).isTrue();
    List<ServerOnNetwork> out = new ArrayList<>();
    for (Object o : (Object[]) r.getOutputArguments()[1].value()) {
      out.add((ServerOnNetwork) ((ExtensionObject) o).decode(admin.getStaticEncodingContext()));
    }
    return out;
  }

  private static ApplicationRecord named(
      ApplicationRecord r, String name, ApplicationType type, List<String> caps) {
    return new ApplicationRecord(
        null,
        r.applicationUri(),
        type,
        List.of(LocalizedName.of(name)),
        r.productUri(),
        r.discoveryUrls(),
        caps);
  }

  private static ApplicationRecord withProduct(ApplicationRecord r, String product) {
    return new ApplicationRecord(
        r.applicationId(),
        r.applicationUri(),
        r.applicationType(),
        r.applicationNames(),
        product,
        r.discoveryUrls(),
        r.serverCapabilities());
  }

  private static ApplicationRecord copy(
      ApplicationRecord r,
      String uri,
      ApplicationType type,
      List<LocalizedName> names,
      String product,
      List<String> urls) {
    return new ApplicationRecord(
        r.applicationId(), uri, type, names, product, urls, r.serverCapabilities());
  }
}
