package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ulong;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.cli.ClientIdentity;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.opcua.server.VendorNamespace;
import io.gdsvault.gds.testing.TestClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix: every OPC UA method we expose, called by every kind of caller on every
 * endpoint security mode, against a real GDS. The expected status of each cell is in {@code
 * src/test/resources/authorization-matrix.tsv} (the one source); {@code
 * docs/authorization-matrix.md} is rendered from it and must match. Run with {@code
 * -Dmatrix.update=true} to rewrite both from the observed statuses (then review the diff).
 *
 * <p>Each cell gets fresh targets where the call changes state (a new application to unregister, a
 * new request to approve, a new user to remove), so a cell's outcome never depends on another's.
 */
class AuthorizationMatrixIT extends PullSupport {

  static final String MATRIX = "authorization-matrix.tsv";

  /** The columns: security mode and caller kind. */
  enum Column {
    NONE_ANONYMOUS("None", "anonymous"),
    ANONYMOUS("SignAndEncrypt", "anonymous"),
    NO_ROLES("SignAndEncrypt", "user without roles"),
    DISCOVERY_ADMIN("SignAndEncrypt", "DiscoveryAdmin"),
    CERTIFICATE_AUTHORITY_ADMIN("SignAndEncrypt", "CertificateAuthorityAdmin"),
    REGISTRATION_AUTHORITY_ADMIN("SignAndEncrypt", "RegistrationAuthorityAdmin"),
    SECURITY_ADMIN("SignAndEncrypt", "SecurityAdmin"),
    APP_SELF("SignAndEncrypt", "application for itself"),
    APP_OTHER("SignAndEncrypt", "application for another"),
    SIGN_ANONYMOUS("Sign", "anonymous"),
    SIGN_ADMIN("Sign", "user with every role"),
    SIGN_APP_SELF("Sign", "application for itself");

    final String mode;
    final String caller;

    Column(String mode, String caller) {
      this.mode = mode;
      this.caller = caller;
    }

    String header() {
      return mode + ": " + caller;
    }
  }

  /** One method: where it lives and how to build a cell's arguments. */
  record Method(
      String group,
      String name,
      Function<Column, NodeId> object,
      Function<Column, NodeId> method,
      Function<Column, Variant[]> args) {}

  private static final Map<Column, OpcUaClient> clients = new LinkedHashMap<>();

  /** Columns whose session could not be opened: the status the server answered instead. */
  private static final Map<Column, String> refused = new LinkedHashMap<>();

  private static String backupName;
  private static ApplicationRecord self;
  private static ApplicationRecord other;
  private static ClientIdentity selfIdentity;
  private static byte[] selfCsr;
  private static byte[] issuedForCheck;
  private static UUID existingRequest;
  private static int gns;

  @BeforeAll
  static void callers() throws Exception {
    // the matrix files many requests for one application: a quota wide enough for all of them
    TestClients.disconnect(admin);
    gds.close();
    gds =
        io.gdsvault.gds.testing.GdsTestServer.start(
            t ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("quotas"))
                    .put("maxOpenRequestsPerApplication", 100_000));
    admin = TestClients.admin(gds);
    PullSupport.users();
    var users = gds.app().users();
    // the service insists on a role: a user whose roles were all taken away stands for "no roles"
    users.addUser(Caller.system(), "m-none", PASSWORD.toCharArray(), Set.of(Role.DISCOVERY_ADMIN));
    gds.app()
        .database()
        .jdbi()
        .useHandle(h -> h.execute("DELETE FROM user_roles WHERE user_name = 'm-none'"));
    users.addUser(Caller.system(), "m-da", PASSWORD.toCharArray(), Set.of(Role.DISCOVERY_ADMIN));
    users.addUser(
        Caller.system(), "m-ca", PASSWORD.toCharArray(), Set.of(Role.CERTIFICATE_AUTHORITY_ADMIN));
    users.addUser(
        Caller.system(), "m-ra", PASSWORD.toCharArray(), Set.of(Role.REGISTRATION_AUTHORITY_ADMIN));
    users.addUser(Caller.system(), "m-sa", PASSWORD.toCharArray(), Set.of(Role.SECURITY_ADMIN));
    gns = ns(admin);

    self = registered("matrix-self");
    other = registered("matrix-other");
    KeyPair selfKey = rsa();
    selfIdentity = selfSigned(self.applicationUri(), selfKey);
    ClientIdentity otherIdentity = selfSigned(other.applicationUri(), rsa());
    selfCsr = csr(rsa(), self.applicationUri());
    // an admin using the application's certificate vouches for it: the application may act for
    // itself
    bind(selfIdentity, self);
    bind(otherIdentity, other);

    clients.put(
        Column.NONE_ANONYMOUS,
        TestClients.connect(
            gds,
            SecurityPolicy.None,
            MessageSecurityMode.None,
            new AnonymousProvider(),
            selfSigned("urn:matrix:none", rsa())));
    clients.put(Column.ANONYMOUS, connect(selfSigned("urn:matrix:anonymous", rsa()), null));
    ClientIdentity usersIdentity = selfSigned("urn:matrix:operator", rsa());
    clients.put(Column.NO_ROLES, connect(usersIdentity, "m-none"));
    clients.put(Column.DISCOVERY_ADMIN, connect(usersIdentity, "m-da"));
    clients.put(Column.CERTIFICATE_AUTHORITY_ADMIN, connect(usersIdentity, "m-ca"));
    clients.put(Column.REGISTRATION_AUTHORITY_ADMIN, connect(usersIdentity, "m-ra"));
    clients.put(Column.SECURITY_ADMIN, connect(usersIdentity, "m-sa"));
    clients.put(Column.APP_SELF, connect(selfIdentity, null));
    clients.put(Column.APP_OTHER, connect(otherIdentity, null));
    // Sign: no endpoint offers it; a client that asks for it anyway on the secure policy
    signed(Column.SIGN_ANONYMOUS, selfSigned("urn:matrix:sign", rsa()), new AnonymousProvider());
    signed(Column.SIGN_ADMIN, usersIdentity, new UsernameProvider("admin", gds.adminPassword()));
    signed(Column.SIGN_APP_SELF, selfIdentity, new AnonymousProvider());

    issuedForCheck = issuedCertificateOfSelf().certificateDer();
    existingRequest = newRequestOfSelf();
  }

  /** Opens a session with MessageSecurityMode Sign on Basic256Sha256, or records why not. */
  private static void signed(Column column, ClientIdentity identity, IdentityProvider idp) {
    try {
      OpcUaClient c =
          OpcUaClient.create(
              gds.endpointUrl(),
              endpoints ->
                  endpoints.stream()
                      .filter(
                          e ->
                              e.getSecurityPolicyUri()
                                  .equals(SecurityPolicy.Basic256Sha256.getUri()))
                      .findFirst()
                      .map(
                          e ->
                              new EndpointDescription(
                                  e.getEndpointUrl(),
                                  e.getServer(),
                                  e.getServerCertificate(),
                                  MessageSecurityMode.Sign,
                                  e.getSecurityPolicyUri(),
                                  e.getUserIdentityTokens(),
                                  e.getTransportProfileUri(),
                                  e.getSecurityLevel())),
              t -> {},
              b ->
                  b.setApplicationName(LocalizedText.english("matrix Sign client"))
                      .setApplicationUri(identity.applicationUri())
                      .setKeyPair(identity.keyPair())
                      .setCertificate(identity.certificate())
                      .setCertificateChain(new X509Certificate[] {identity.certificate()})
                      .setCertificateValidator(
                          (chain, uri, hosts) -> {}) // the GDS of this test, on 127.0.0.1
                      .setIdentityProvider(idp)
                      .setRequestTimeout(uint(30_000)));
      c.connect();
      io.gdsvault.gds.model.ua.GdsDataTypes.register(
          c.getStaticDataTypeManager(), c.getNamespaceTable());
      clients.put(column, c);
    } catch (Exception e) {
      Throwable t = e;
      while (t != null && !(t instanceof UaException)) {
        t = t.getCause();
      }
      long code =
          t == null
              ? StatusCodes.Bad_UnexpectedError
              : ((UaException) t).getStatusCode().getValue();
      refused.put(column, "connect refused: " + name(code));
    }
  }

  private static String name(long code) {
    return code == 0
        ? "Good"
        : StatusCodes.lookup(code).map(n -> n[0]).orElse(Long.toHexString(code));
  }

  @AfterAll
  static void disconnect() {
    TestClients.disconnect(clients.values().toArray(OpcUaClient[]::new));
  }

  private static ApplicationRecord registered(String name) {
    ApplicationRecord r = server(name);
    UUID id = gds.app().directory().register(Caller.system(), r);
    return r.withApplicationId(id);
  }

  private static ApplicationRecord registeredAt(String name, String discoveryUrl) {
    ApplicationRecord r = server(name);
    ApplicationRecord at =
        new ApplicationRecord(
            null,
            r.applicationUri(),
            r.applicationType(),
            r.applicationNames(),
            r.productUri(),
            List.of(discoveryUrl),
            r.serverCapabilities());
    return at.withApplicationId(gds.app().directory().register(Caller.system(), at));
  }

  private static void bind(ClientIdentity identity, ApplicationRecord app) throws Exception {
    OpcUaClient c = connect(identity, REQUESTER);
    try {
      requestId(startSigning(c, nodeId(app), csr(rsa(), app.applicationUri())));
    } finally {
      TestClients.disconnect(c);
    }
  }

  /** The fixture's binding of the self application's certificate, as an admin filing makes it. */
  private static void restoreSelfBinding() {
    gds.app()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO certificate_bindings (application_id, thumbprint, bound_by,"
                            + " bound_at) VALUES (:a, :t, 'matrix fixture', :at)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("a", self.applicationId())
                    .bind("t", Certificates.thumbprint(selfIdentity.certificate()))
                    .bind("at", java.sql.Timestamp.from(java.time.Instant.now()))
                    .execute());
  }

  private static NodeId nodeId(ApplicationRecord app) {
    return new NodeId(gns, app.applicationId());
  }

  private static CertificateRequestService service() {
    return gds.app().certificates().service();
  }

  private static Caller selfCaller() {
    return new Caller(
        null,
        Set.of(),
        Certificates.thumbprint(selfIdentity.certificate()),
        self.applicationUri(),
        ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  private static Caller raCaller() {
    return new Caller(
        "matrix-fixture-ra",
        Set.of(Role.REGISTRATION_AUTHORITY_ADMIN),
        null,
        null,
        ChannelSecurity.SIGN_AND_ENCRYPT);
  }

  /** A New request of the self application (to approve or reject). */
  private static UUID newRequestOfSelf() {
    return service().startSigningRequest(selfCaller(), self.applicationId(), null, null, selfCsr);
  }

  /** An approved and issued request of the self application, started by its own certificate. */
  private static CertificateRequestRecord issuedCertificateOfSelf() {
    UUID id = newRequestOfSelf();
    return service().approve(raCaller(), id, "matrix fixture");
  }

  /** The column's session, or (for node ids of a refused column) any open one. */
  private static OpcUaClient session(Column c) {
    return clients.getOrDefault(c, clients.get(Column.SECURITY_ADMIN));
  }

  private static Function<Column, NodeId> gdsNode(ExpandedNodeId id) {
    return c -> GdsNodeIds.resolve(id, session(c).getNamespaceTable());
  }

  private static Function<Column, NodeId> vendorNode(String path) {
    return c -> VendorNamespace.id(path).toNodeId(session(c).getNamespaceTable()).orElseThrow();
  }

  private static Function<Column, NodeId> trustListNode(int id) {
    return c -> GdsNodeIds.resolve(GdsNodeIds.gds(id), session(c).getNamespaceTable());
  }

  private static Variant v(Object o) {
    return new Variant(o);
  }

  /**
   * File handles a cell opened, closed after the cell: the GDS allows 16 open handles per caller,
   * and a matrix that kept them would measure that cap instead of the rights of the later groups.
   */
  private static final List<CallMethodRequest> toClose = new ArrayList<>();

  /** A file handle opened by this column's session (0 when it may not open one). */
  private static UInteger handle(Column c, int offset) {
    try {
      NodeId trustList = trustListNode(616 + offset).apply(c);
      CallMethodResult r =
          clients
              .get(c)
              .call(
                  List.of(
                      new CallMethodRequest(
                          trustList,
                          trustListNode(638 + offset).apply(c),
                          new Variant[] {v(uint(15))})))
              .getResults()[0];
      if (!r.getStatusCode().isGood()) {
        return uint(0);
      }
      UInteger h = (UInteger) r.getOutputArguments()[0].value();
      toClose.add(closeRequest(c, trustList, h));
      return h;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Close(handle) on the TrustList {@code trustList} (its Close method is 9 ids after it). */
  private static CallMethodRequest closeRequest(Column c, NodeId trustList, UInteger handle) {
    long id = ((UInteger) trustList.getIdentifier()).longValue();
    return new CallMethodRequest(
        trustList, trustListNode((int) id + 9).apply(c), new Variant[] {v(handle)});
  }

  /** Closes what the cell left open (a handle the cell closed itself answers Bad_, ignored). */
  private static void closeHandles(Column c) throws Exception {
    if (!toClose.isEmpty()) {
      var unused = clients.get(c).call(List.copyOf(toClose));
      toClose.clear();
    }
  }

  static List<Method> methods() {
    List<Method> m = new ArrayList<>();
    var dir = gdsNode(GdsNodeIds.Directory);
    m.add(
        new Method(
            "Directory",
            "FindApplications",
            dir,
            gdsNode(GdsNodeIds.FindApplications),
            c -> new Variant[] {v(self.applicationUri())}));
    m.add(
        new Method(
            "Directory",
            "RegisterApplication",
            dir,
            gdsNode(GdsNodeIds.RegisterApplication),
            c -> new Variant[] {v(encode(clients.get(c), server("matrix-new")))}));
    m.add(
        new Method(
            "Directory",
            "UpdateApplication",
            dir,
            gdsNode(GdsNodeIds.UpdateApplication),
            c -> new Variant[] {v(encode(clients.get(c), self))}));
    m.add(
        new Method(
            "Directory",
            "UnregisterApplication",
            dir,
            gdsNode(GdsNodeIds.UnregisterApplication),
            c -> new Variant[] {v(nodeId(registered("matrix-victim")))}));
    m.add(
        new Method(
            "Directory",
            "GetApplication",
            dir,
            gdsNode(GdsNodeIds.GetApplication),
            c -> new Variant[] {v(nodeId(self))}));
    m.add(
        new Method(
            "Directory",
            "QueryApplications",
            dir,
            gdsNode(GdsNodeIds.QueryApplications),
            c ->
                new Variant[] {
                  v(uint(0)), v(uint(10)), v(""), v(""), v(uint(0)), v(""), v(new String[0])
                }));
    m.add(
        new Method(
            "Directory",
            "QueryServers",
            dir,
            gdsNode(GdsNodeIds.QueryServers),
            c -> new Variant[] {v(uint(0)), v(uint(10)), v(""), v(""), v(""), v(new String[0])}));
    m.add(
        new Method(
            "Certificates",
            "StartSigningRequest",
            dir,
            gdsNode(GdsNodeIds.StartSigningRequest),
            c ->
                new Variant[] {
                  v(nodeId(self)),
                  v(NodeId.NULL_VALUE),
                  v(NodeId.NULL_VALUE),
                  v(ByteString.of(selfCsr))
                }));
    m.add(
        new Method(
            "Certificates",
            "StartNewKeyPairRequest",
            dir,
            gdsNode(GdsNodeIds.StartNewKeyPairRequest),
            c ->
                new Variant[] {
                  v(nodeId(self)),
                  v(NodeId.NULL_VALUE),
                  v(NodeId.NULL_VALUE),
                  v(""),
                  v(new String[] {"localhost"}),
                  v("PEM"),
                  v("matrix-pem-password")
                }));
    m.add(
        new Method(
            "Certificates",
            "FinishRequest",
            dir,
            gdsNode(GdsNodeIds.FinishRequest),
            c ->
                new Variant[] {
                  v(nodeId(self)), v(new NodeId(gns, issuedCertificateOfSelf().requestId()))
                }));
    m.add(
        new Method(
            "Certificates",
            "GetCertificateGroups",
            dir,
            gdsNode(GdsNodeIds.GetCertificateGroups),
            c -> new Variant[] {v(nodeId(self))}));
    m.add(
        new Method(
            "Certificates",
            "GetTrustList",
            dir,
            gdsNode(GdsNodeIds.GetTrustList),
            c -> new Variant[] {v(nodeId(self)), v(NodeId.NULL_VALUE)}));
    m.add(
        new Method(
            "Certificates",
            "GetCertificateStatus",
            dir,
            gdsNode(GdsNodeIds.GetCertificateStatus),
            c -> new Variant[] {v(nodeId(self)), v(NodeId.NULL_VALUE), v(NodeId.NULL_VALUE)}));
    m.add(
        new Method(
            "Certificates",
            "RevokeCertificate",
            dir,
            gdsNode(GdsNodeIds.RevokeCertificate),
            c ->
                new Variant[] {
                  v(nodeId(self)), v(ByteString.of(issuedCertificateOfSelf().certificateDer()))
                }));
    m.add(
        new Method(
            "Certificates",
            "GetCertificates",
            dir,
            gdsNode(GdsNodeIds.GetCertificates),
            c -> new Variant[] {v(nodeId(self)), v(NodeId.NULL_VALUE)}));
    m.add(
        new Method(
            "Certificates",
            "CheckRevocationStatus",
            dir,
            gdsNode(GdsNodeIds.CheckRevocationStatus),
            c -> new Variant[] {v(ByteString.of(issuedForCheck))}));

    // the TrustList file of each certificate group: DefaultApplicationGroup (i=616),
    // DefaultHttpsGroup
    // (i=650) and DefaultUserTokenGroup (i=684); their method ids sit at the same offsets
    for (int[] g : new int[][] {{0}, {34}, {68}}) {
      int o = g[0];
      String group =
          o == 0
              ? "TrustList file"
              : o == 34
                  ? "TrustList file (DefaultHttpsGroup)"
                  : "TrustList file (DefaultUserTokenGroup)";
      var tl = trustListNode(616 + o);
      m.add(
          new Method(
              group, "Open (read)", tl, trustListNode(622 + o), c -> new Variant[] {v(ubyte(1))}));
      m.add(
          new Method(
              group, "Open (write)", tl, trustListNode(622 + o), c -> new Variant[] {v(ubyte(6))}));
      m.add(
          new Method(
              group,
              "OpenWithMasks",
              tl,
              trustListNode(638 + o),
              c -> new Variant[] {v(uint(15))}));
      m.add(
          new Method(
              group,
              "Read",
              tl,
              trustListNode(627 + o),
              c -> new Variant[] {v(handle(c, o)), v(100)}));
      m.add(
          new Method(
              group,
              "GetPosition",
              tl,
              trustListNode(632 + o),
              c -> new Variant[] {v(handle(c, o))}));
      m.add(
          new Method(
              group,
              "SetPosition",
              tl,
              trustListNode(635 + o),
              c -> new Variant[] {v(handle(c, o)), v(ulong(0))}));
      m.add(
          new Method(
              group, "Close", tl, trustListNode(625 + o), c -> new Variant[] {v(handle(c, o))}));
      m.add(
          new Method(
              group,
              "Write",
              tl,
              trustListNode(630 + o),
              c -> new Variant[] {v(handle(c, o)), v(ByteString.of(new byte[] {1}))}));
      m.add(
          new Method(
              group,
              "CloseAndUpdate",
              tl,
              trustListNode(641 + o),
              c -> new Variant[] {v(handle(c, o))}));
      m.add(
          new Method(
              group,
              "AddCertificate",
              tl,
              trustListNode(644 + o),
              c -> new Variant[] {v(ByteString.of(issuedForCheck)), v(true)}));
      m.add(
          new Method(
              group,
              "RemoveCertificate",
              tl,
              trustListNode(646 + o),
              c -> new Variant[] {v("00"), v(true)}));
    }

    String rq = "GdsVault.CertificateRequests";
    m.add(
        new Method(
            "Approval (vendor)",
            "ApproveRequest",
            vendorNode(rq),
            vendorNode(rq + ".ApproveRequest"),
            c ->
                new Variant[] {
                  v(new NodeId(gns, newRequestOfSelf()).toParseableString()), v("matrix")
                }));
    m.add(
        new Method(
            "Approval (vendor)",
            "RejectRequest",
            vendorNode(rq),
            vendorNode(rq + ".RejectRequest"),
            c ->
                new Variant[] {
                  v(new NodeId(gns, newRequestOfSelf()).toParseableString()), v("matrix")
                }));
    m.add(new Method("Approval (vendor)", "<request>.Approve", c -> null, c -> null, c -> null));
    m.add(new Method("Approval (vendor)", "<request>.Reject", c -> null, c -> null, c -> null));
    m.add(
        new Method(
            "Approval (vendor)",
            "ListRequests",
            vendorNode(rq),
            vendorNode(rq + ".ListRequests"),
            c -> new Variant[] {v("")}));
    m.add(
        new Method(
            "Approval (vendor)",
            "GetRequest",
            vendorNode(rq),
            vendorNode(rq + ".GetRequest"),
            c -> new Variant[] {v(new NodeId(gns, existingRequest).toParseableString())}));
    String ce = "GdsVault.Certificates";
    m.add(
        new Method(
            "Certificates (vendor)",
            "ListCertificates",
            vendorNode(ce),
            vendorNode(ce + ".ListCertificates"),
            c -> new Variant[] {v("")}));
    m.add(
        new Method(
            "Certificates (vendor)",
            "RevokeCertificates",
            vendorNode(ce),
            vendorNode(ce + ".RevokeCertificates"),
            c ->
                new Variant[] {
                  v(new java.math.BigInteger(issuedCertificateOfSelf().serial(), 16).toString(16))
                }));
    m.add(
        new Method(
            "Certificates (vendor)",
            "GetCertificateBundle",
            vendorNode(ce),
            vendorNode(ce + ".GetCertificateBundle"),
            c -> new Variant[] {v(nodeId(self).toParseableString())}));
    String au = "GdsVault.CertificateAuthorities";
    m.add(
        new Method(
            "Certificates (vendor)",
            "GetCertificateAuthority",
            vendorNode(au),
            vendorNode(au + ".GetCertificateAuthority"),
            c -> new Variant[] {v("")}));
    String us = "GdsVault.Users";
    m.add(
        new Method(
            "Users (vendor)",
            "AddUser",
            vendorNode(us),
            vendorNode(us + ".AddUser"),
            c ->
                new Variant[] {
                  v("m-new-" + UUID.randomUUID()),
                  v("matrix-password-1"),
                  v(new String[] {"DiscoveryAdmin"})
                }));
    m.add(
        new Method(
            "Users (vendor)",
            "RemoveUser",
            vendorNode(us),
            vendorNode(us + ".RemoveUser"),
            c -> new Variant[] {v(victim())}));
    m.add(
        new Method(
            "Users (vendor)",
            "SetPassword",
            vendorNode(us),
            vendorNode(us + ".SetPassword"),
            c -> new Variant[] {v(victim()), v("matrix-password-2")}));
    m.add(
        new Method(
            "Users (vendor)",
            "ListUsers",
            vendorNode(us),
            vendorNode(us + ".ListUsers"),
            c -> new Variant[0]));
    m.add(
        new Method(
            "Users (vendor)",
            "UnlockUser",
            vendorNode(us),
            vendorNode(us + ".UnlockUser"),
            c -> new Variant[] {v(victim())}));
    String apps = "GdsVault.Applications";
    m.add(
        new Method(
            "Directory (vendor)",
            "ListApplications",
            vendorNode(apps),
            vendorNode(apps + ".ListApplications"),
            c -> new Variant[] {new Variant(uint(0)), new Variant(uint(0))}));
    String cc = "GdsVault.ClientCertificates";
    m.add(
        new Method(
            "Client trust (vendor)",
            "ListCertificates",
            vendorNode(cc),
            vendorNode(cc + ".ListCertificates"),
            c -> new Variant[0]));
    m.add(
        new Method(
            "Client trust (vendor)",
            "AcceptCertificate",
            vendorNode(cc),
            vendorNode(cc + ".AcceptCertificate"),
            c -> new Variant[] {v("00".repeat(20))}));
    String ad = "GdsVault.Audit";
    m.add(
        new Method(
            "Audit (vendor)",
            "ListAuditRecords",
            vendorNode(ad),
            vendorNode(ad + ".ListAuditRecords"),
            c ->
                new Variant[] {
                  v(org.eclipse.milo.opcua.stack.core.types.builtin.DateTime.NULL_VALUE),
                  v(uint(10))
                }));
    m.add(
        new Method(
            "Audit (vendor)",
            "VerifyAuditLog",
            vendorNode(ad),
            vendorNode(ad + ".VerifyAuditLog"),
            c -> new Variant[0]));
    String bk = "GdsVault.Backup";
    m.add(
        new Method(
            "Backup (vendor)",
            "CreateBackup",
            vendorNode(bk),
            vendorNode(bk + ".CreateBackup"),
            c -> new Variant[0]));
    m.add(
        new Method(
            "Backup (vendor)",
            "ReadBackup",
            vendorNode(bk),
            vendorNode(bk + ".ReadBackup"),
            c -> new Variant[] {v(backup()), v(0L), v(1024)}));
    String pu = "GdsVault.Push";
    // the target is a closed local port: the call is authorized, checks the target and reports its
    // error
    m.add(
        new Method(
            "Push (vendor)",
            "EnablePush",
            vendorNode(pu),
            vendorNode(pu + ".EnablePush"),
            c -> {
              // a registered DiscoveryUrl of the application: push may be enabled for it
              String endpoint = closedEndpoint();
              return new Variant[] {
                v(nodeId(registeredAt("matrix-push", endpoint)).toParseableString()),
                v(endpoint),
                v(""),
                v("matrix-target-user"),
                v("matrix-target-password"),
                v(""),
                v("csr")
              };
            }));
    m.add(
        new Method(
            "Push (vendor)",
            "DisablePush",
            vendorNode(pu),
            vendorNode(pu + ".DisablePush"),
            c -> new Variant[] {v(nodeId(self).toParseableString())}));
    m.add(
        new Method(
            "Push (vendor)",
            "RunPush",
            vendorNode(pu),
            vendorNode(pu + ".RunPush"),
            c -> new Variant[] {v(nodeId(self).toParseableString())}));
    m.add(
        new Method(
            "Push (vendor)",
            "GetPushStatus",
            vendorNode(pu),
            vendorNode(pu + ".GetPushStatus"),
            c -> new Variant[] {v("")}));
    // the GDS roles' management methods (RoleSet): not offered, SecurityAdmin told so
    String[] roleMethods = {
      "AddIdentity",
      "RemoveIdentity",
      "AddApplication",
      "RemoveApplication",
      "AddEndpoint",
      "RemoveEndpoint"
    };
    for (ExpandedNodeId role :
        List.of(
            GdsNodeIds.Role_DiscoveryAdmin,
            GdsNodeIds.Role_CertificateAuthorityAdmin,
            GdsNodeIds.Role_RegistrationAuthorityAdmin,
            GdsNodeIds.Role_KeyCredentialAdmin,
            GdsNodeIds.Role_AuthorizationServiceAdmin)) {
      int r = ((Number) role.getIdentifier()).intValue();
      for (int k = 0; k < roleMethods.length; k++) {
        m.add(
            new Method(
                "RoleSet",
                r + "." + roleMethods[k],
                gdsNode(role),
                gdsNode(GdsNodeIds.gds(r + 7 + 2 * k)),
                c -> new Variant[] {Variant.NULL_VALUE}));
      }
    }
    return m;
  }

  /** A backup written once by the SecurityAdmin column's session (the name ReadBackup reads). */
  private static synchronized String backup() {
    if (backupName == null) {
      try {
        OpcUaClient sa = clients.get(Column.SECURITY_ADMIN);
        CallMethodResult r =
            sa.call(
                    List.of(
                        new CallMethodRequest(
                            vendorNode("GdsVault.Backup").apply(Column.SECURITY_ADMIN),
                            vendorNode("GdsVault.Backup.CreateBackup").apply(Column.SECURITY_ADMIN),
                            new Variant[0])))
                .getResults()[0];
        assertThat(r.getStatusCode().isGood()).as("backup fixture %s", r.getStatusCode()).isTrue();
        backupName = (String) r.getOutputArguments()[0].value();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return backupName;
  }

  private static String closedEndpoint() {
    try {
      return "opc.tcp://127.0.0.1:"
          + io.gdsvault.gds.testing.GdsTestServer.freePort()
          + "/matrix-target";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String victim() {
    String name = "m-victim-" + UUID.randomUUID();
    gds.app()
        .users()
        .addUser(
            Caller.system(), name, "victim-password".toCharArray(), Set.of(Role.DISCOVERY_ADMIN));
    return name;
  }

  /** Calls one cell and names its status. */
  private static String cell(Method m, Column c) throws Exception {
    if (refused.containsKey(c)) {
      return refused.get(c);
    }
    NodeId object;
    NodeId method;
    Variant[] args;
    if (m.name().startsWith("<request>.")) {
      UUID id = newRequestOfSelf();
      String path = "GdsVault.CertificateRequests." + id;
      object = vendorNode(path).apply(c);
      method = vendorNode(path + (m.name().endsWith("Approve") ? ".Approve" : ".Reject")).apply(c);
      args = new Variant[] {v("matrix")};
    } else {
      object = m.object().apply(c);
      method = m.method().apply(c);
      args = m.args().apply(c);
    }
    CallMethodResult r =
        clients.get(c).call(List.of(new CallMethodRequest(object, method, args))).getResults()[0];
    if (r.getStatusCode().isGood()
        && r.getOutputArguments() != null
        && r.getOutputArguments().length == 1
        && r.getOutputArguments()[0].value() instanceof UInteger h
        && m.group().startsWith("TrustList file")) {
      toClose.add(closeRequest(c, object, h)); // Open / OpenWithMasks
    }
    closeHandles(c);
    return name(r.getStatusCode().getValue());
  }

  @Test
  void everyMethodAnswersEveryCallerAsTheMatrixSays() throws Exception {
    Map<String, Map<Column, String>> observed = new LinkedHashMap<>();
    for (Method m : methods()) {
      Map<Column, String> row = new LinkedHashMap<>();
      for (Column c : Column.values()) {
        row.put(c, cell(m, c));
        if (m.name().startsWith("RevokeCertificate")) {
          restoreSelfBinding(); // a revocation ends the application's bindings
        }
      }
      observed.put(m.name() + "|" + m.group(), row);
    }
    String tsv = renderTsv(observed);
    String markdown = renderMarkdown(observed);
    Path resource = Path.of("src/test/resources", MATRIX);
    Path docs = Path.of("..", "docs", "authorization-matrix.md");
    if (Boolean.getBoolean("matrix.update")) {
      Files.writeString(resource, tsv);
      Files.writeString(docs, markdown);
    }
    String expected = tsv;
    if (!Boolean.getBoolean("matrix.update")) {
      try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/" + MATRIX)) {
        assertThat(in)
            .as("the matrix resource %s (run with -Dmatrix.update=true once)", MATRIX)
            .isNotNull();
        expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    assertThat(tsv).as("observed statuses against %s", MATRIX).isEqualTo(expected);
    // the README's table is rendered from the same source
    assertThat(readOrEmpty(docs))
        .as("docs/authorization-matrix.md is rendered from the matrix")
        .isEqualTo(renderMarkdown(parseTsv(expected)));
    // consistency: whoever may open a group's TrustList file may read it through that handle
    for (var e : parseTsv(expected).entrySet()) {
      if (!e.getKey().startsWith("Read|TrustList file")) {
        continue;
      }
      var open = parseTsv(expected).get("Open (read)|" + e.getKey().substring("Read|".length()));
      for (Column c : Column.values()) {
        if ("Good".equals(open.get(c))) {
          assertThat(e.getValue().get(c))
              .as("%s for %s, which may open it", e.getKey(), c)
              .isEqualTo("Good");
        }
      }
    }
    // sanity over the source itself: nothing but the discovery-free reads is open to anonymous or
    // None
    for (var e : parseTsv(expected).entrySet()) {
      assertThat(e.getValue().get(Column.NONE_ANONYMOUS))
          .as("%s over None", e.getKey())
          .startsWith("Bad_");
      for (Column sign : List.of(Column.SIGN_ANONYMOUS, Column.SIGN_ADMIN, Column.SIGN_APP_SELF)) {
        assertThat(e.getValue().get(sign)).as("%s over Sign", e.getKey()).containsPattern("Bad_");
      }
      assertThat(e.getValue().get(Column.NO_ROLES))
          .as("%s by a user without roles", e.getKey())
          .satisfiesAnyOf(
              s -> assertThat(s).startsWith("Bad_"),
              s ->
                  assertThat(e.getKey())
                      .matches(
                          "(FindApplications|GetApplication|QueryApplications|QueryServers|CheckRevocationStatus|GetCertificateAuthority|Open"
                              + " \\(read\\)|OpenWithMasks|Read|GetPosition|SetPosition|Close)\\|.*"));
    }
  }

  @Test
  void everyMethodNodeTheServerExposesIsInTheMatrix() throws Exception {
    // the guard: a method added to the address space without a matrix row fails here
    OpcUaClient c = clients.get(Column.SECURITY_ADMIN);
    Set<NodeId> inMatrix = new java.util.HashSet<>();
    for (Method m : methods()) {
      NodeId id = m.method().apply(Column.SECURITY_ADMIN);
      if (id != null) {
        inMatrix.add(id);
      }
    }
    // per-request nodes: GdsVault.CertificateRequests.<request id>.Approve|Reject (rows
    // "<request>.…")
    java.util.regex.Pattern perRequest =
        java.util.regex.Pattern.compile(
            "GdsVault\\.CertificateRequests\\.[0-9a-f-]{36}\\.(Approve|Reject)");
    List<String> missing = new ArrayList<>();
    int methodNodes = 0;
    for (NodeId method : methodNodesUnderObjects(c)) {
      if (method.getNamespaceIndex().intValue() == 0) {
        continue; // the standard Server object's own methods (Milo's), not ours
      }
      methodNodes++;
      boolean listed =
          inMatrix.contains(method)
              || (method.getIdentifier() instanceof String id && perRequest.matcher(id).matches());
      if (!listed) {
        missing.add(
            method.toParseableString()
                + " ("
                + c.getNamespaceTable().get(method.getNamespaceIndex())
                + ")");
      }
    }
    assertThat(methodNodes)
        .as("method nodes found by browsing Objects")
        .isGreaterThanOrEqualTo(inMatrix.size());
    assertThat(missing).as("method nodes under Objects without a row in %s", MATRIX).isEmpty();
  }

  /** Every Method node reachable from the Objects folder by forward hierarchical references. */
  private static Set<NodeId> methodNodesUnderObjects(OpcUaClient c) throws Exception {
    Set<NodeId> methods = new java.util.LinkedHashSet<>();
    Set<NodeId> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<NodeId> todo = new java.util.ArrayDeque<>();
    todo.add(org.eclipse.milo.opcua.stack.core.NodeIds.ObjectsFolder);
    seen.add(org.eclipse.milo.opcua.stack.core.NodeIds.ObjectsFolder);
    while (!todo.isEmpty()) {
      List<org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription> batch =
          new ArrayList<>();
      while (!todo.isEmpty() && batch.size() < 100) {
        batch.add(
            new org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription(
                todo.poll(),
                org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection.Forward,
                org.eclipse.milo.opcua.stack.core.NodeIds.HierarchicalReferences,
                true,
                uint(0),
                uint(63)));
      }
      for (var result : c.browse(batch)) {
        List<org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription> refs =
            new ArrayList<>();
        var r = result;
        while (true) {
          if (r.getReferences() != null) {
            refs.addAll(List.of(r.getReferences()));
          }
          if (r.getContinuationPoint() == null || r.getContinuationPoint().isNull()) {
            break;
          }
          r = c.browseNext(false, List.of(r.getContinuationPoint())).getResults()[0];
        }
        for (var ref : refs) {
          var target = ref.getNodeId().toNodeId(c.getNamespaceTable());
          if (target.isEmpty() || !seen.add(target.get())) {
            continue;
          }
          if (ref.getNodeClass()
              == org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass.Method) {
            methods.add(target.get());
          } else if (ref.getNodeClass()
              == org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass.Object) {
            todo.add(target.get());
          }
        }
      }
    }
    return methods;
  }

  private static String readOrEmpty(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  static String renderTsv(Map<String, Map<Column, String>> rows) {
    StringBuilder b = new StringBuilder("method|group");
    for (Column c : Column.values()) {
      b.append('\t').append(c.header());
    }
    b.append('\n');
    for (var e : rows.entrySet()) {
      b.append(e.getKey());
      for (Column c : Column.values()) {
        b.append('\t').append(e.getValue().get(c));
      }
      b.append('\n');
    }
    return b.toString();
  }

  static Map<String, Map<Column, String>> parseTsv(String tsv) {
    Map<String, Map<Column, String>> rows = new LinkedHashMap<>();
    String[] lines = tsv.lines().toArray(String[]::new);
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", -1);
      Map<Column, String> row = new LinkedHashMap<>();
      int field = 1;
      for (Column c : Column.values()) {
        row.put(c, f[field++]);
      }
      rows.put(f[0], row);
    }
    return rows;
  }

  static String renderMarkdown(Map<String, Map<Column, String>> rows) {
    StringBuilder b = new StringBuilder();
    b.append("# Authorization matrix\n\n");
    b.append(
        "Generated from `gds-server/src/test/resources/authorization-matrix.tsv` by"
            + " `AuthorizationMatrixIT`,\n");
    b.append(
        "which calls every method as every kind of caller against a real GDS and fails when a"
            + " status differs.\n");
    b.append(
        "Regenerate with `mvn -pl gds-server test -Dtest=AuthorizationMatrixIT"
            + " -Dmatrix.update=true`\n");
    b.append("and review the diff.\n\n");
    b.append(
        "- **Sign**: no endpoint offers MessageSecurityMode Sign. The Sign columns are a client"
            + " that asks\n");
    b.append(
        "  for Sign on the Basic256Sha256 endpoint anyway: the server refuses the OpenSecureChannel"
            + " (it\n");
    b.append(
        "  answers Bad_SecurityChecksFailed, no matching endpoint, and closes the connection, which"
            + " the\n");
    b.append(
        "  Milo client reports as Bad_ConnectionClosed), so no session and no method call is"
            + " possible.\n");
    b.append(
        "- **guard**: a second test browses every Method node under Objects (all namespaces but"
            + " the\n");
    b.append("  standard one) and fails if one of them has no row here.\n");
    b.append(
        "- **None**: the None endpoint accepts only anonymous tokens and no client certificate, so"
            + " users and\n");
    b.append(
        "  applications cannot identify themselves there; the None column applies to every"
            + " caller.\n");
    b.append(
        "- **application for itself**: an anonymous session whose client certificate carries"
            + " the\n");
    b.append(
        "  application's URI and was issued to it by this GDS or bound to it by an"
            + " administrator.\n");
    b.append("- **application for another**: such a session acting on a different application.\n");
    b.append(
        "- Cells with a state change run on fresh targets (a new application, request or user"
            + " each).\n");
    b.append(
        "- **TrustList handles**: each cell closes the file handles it opened (the GDS allows 16"
            + " per caller, so kept handles would show that cap in later rows), and the test checks"
            + " that every caller who may open a group's TrustList file may read it.\n\n");
    b.append("| Group | Method |");
    for (Column c : Column.values()) {
      b.append(' ').append(c.header()).append(" |");
    }
    b.append("\n|---|---|");
    for (int i = 0; i < Column.values().length; i++) {
      b.append("---|");
    }
    b.append('\n');
    for (var e : rows.entrySet()) {
      String[] key = e.getKey().split("\\|", -1);
      b.append("| ").append(key[1]).append(" | ").append(key[0]).append(" |");
      for (Column c : Column.values()) {
        b.append(' ').append(e.getValue().get(c)).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }
}
