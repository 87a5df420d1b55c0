package io.gdsvault.sim.push;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.net.HostNames;
import io.gdsvault.gds.model.x509.Certificates;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerConfigurationTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.AccessRestrictionType;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push certificate management (OPC UA Part 12 ServerConfiguration) for any Milo 1.1.2 server.
 *
 * <p>Use: build it on a PKI folder, give its {@link #certificateManager()} to the server config and
 * its {@link #certificateSupplier()} to every secured {@code EndpointConfig}, start the server,
 * then {@link #install(OpcUaServer)}. From then on UpdateCertificate, CreateSigningRequest,
 * ApplyChanges, CancelChanges, GetCertificates, GetRejectedList and the DefaultApplicationGroup
 * TrustList file object work on {@code Server/ServerConfiguration}; changes are staged per session
 * and become visible (endpoints, handshakes, validation, disk) only when applied.
 */
public final class ServerConfigurationSupport {

  private static final Logger log = LoggerFactory.getLogger(ServerConfigurationSupport.class);

  public static final NodeId DEFAULT_APPLICATION_GROUP =
      NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup;
  public static final NodeId RSA_SHA256_TYPE = NodeIds.RsaSha256ApplicationCertificateType;

  private final PkiDirectory pki;
  private final PushAuthorizer authorizer;
  private final long maxTrustListSize;
  private final int maxTrustListEntries;
  private final boolean autoAccept;
  private final String applicationUri;
  private final PushCertificateGroup applicationGroup;
  private final CertificateQuarantine quarantine;
  private final DefaultCertificateManager certificateManager;
  private final Object lock = new Object();
  private final AtomicInteger trustListUploads = new AtomicInteger();
  private final AtomicInteger appliedChanges = new AtomicInteger();

  private @Nullable PushTransaction transaction; // guarded by lock
  private volatile @Nullable OpcUaServer server; // set by install
  private @Nullable TrustListFile applicationTrustListFile;

  private ServerConfigurationSupport(Builder b) throws IOException, UaException {
    ensureBouncyCastle();
    this.pki = PkiDirectory.open(b.pkiDir);
    this.authorizer = b.authorizer;
    this.maxTrustListSize = b.maxTrustListSize;
    this.maxTrustListEntries = b.maxTrustListEntries;
    this.autoAccept = b.autoAccept;

    PushCertificateGroup.Credentials credentials = loadOrCreateCredentials(b);
    String ownUri = CertificateUtil.getSanUri(credentials.certificate()).orElse(b.applicationUri);
    if (ownUri == null) {
      throw new UaException(
          StatusCodes.Bad_ConfigurationError, "own certificate has no application URI");
    }
    this.applicationUri = ownUri;
    var trustList = new PkiTrustListManager(PushPkiFiles.loadTrustList(pki), DateTime.now());
    this.quarantine =
        autoAccept
            ? new MemoryCertificateQuarantine()
            : new FileBasedCertificateQuarantine(pki.resolve("rejected/certs").toFile());
    CertificateValidator validator =
        autoAccept
            ? (chain, uri, hostnames) -> {}
            : new DefaultServerCertificateValidator(
                trustList,
                Set.of(ValidationCheck.VALIDITY, ValidationCheck.REVOCATION),
                quarantine);
    this.applicationGroup =
        new PushCertificateGroup(
            DEFAULT_APPLICATION_GROUP, RSA_SHA256_TYPE, trustList, validator, credentials);
    this.certificateManager = new DefaultCertificateManager(quarantine, applicationGroup);
  }

  public static Builder builder(Path pkiDir) {
    return new Builder(pkiDir);
  }

  /** Give this to {@code OpcUaServerConfigBuilder.setCertificateManager}. */
  public CertificateManager certificateManager() {
    return certificateManager;
  }

  /** Give this to {@code EndpointConfig.Builder.setCertificate} so endpoints follow pushes. */
  public Supplier<X509Certificate> certificateSupplier() {
    return () -> applicationGroup.credentials().certificate();
  }

  public X509Certificate currentCertificate() {
    return applicationGroup.credentials().certificate();
  }

  /** The application URI in the current certificate; the server config must use the same. */
  public String applicationUri() {
    return applicationUri;
  }

  public PkiDirectory pki() {
    return pki;
  }

  public TrustListContent trustList() {
    return applicationGroup.trustList().content();
  }

  public long maxTrustListSize() {
    return maxTrustListSize;
  }

  /** Most certificates and CRLs (all four lists together) a trust list may hold; 0 = no limit. */
  public int maxTrustListEntries() {
    return maxTrustListEntries;
  }

  /** TrustList uploads (CloseAndUpdate) staged since start: what a GDS wrote to this device. */
  public int trustListUploads() {
    return trustListUploads.get();
  }

  /** ApplyChanges calls that applied something since start. */
  public int appliedChanges() {
    return appliedChanges.get();
  }

  void countTrustListUpload() {
    trustListUploads.incrementAndGet();
  }

  /** Wires the ServerConfiguration nodes of a started server to this component. */
  public void install(OpcUaServer server) throws UaException {
    this.server = server;
    var configNode =
        (ServerConfigurationTypeNode)
            server
                .getAddressSpaceManager()
                .getManagedNode(NodeIds.ServerConfiguration)
                .orElseThrow(
                    () ->
                        new UaException(
                            StatusCodes.Bad_ConfigurationError, "no ServerConfiguration node"));

    setQuietly(() -> configNode.setSupportedPrivateKeyFormats(new String[] {"PEM", "PFX"}));
    setQuietly(() -> configNode.setMaxTrustListSize(uint(maxTrustListSize)));
    setQuietly(() -> configNode.setMulticastDnsEnabled(false));
    setQuietly(() -> configNode.setServerCapabilities(new String[] {"NA"}));
    setQuietly(() -> configNode.setSupportsTransactions(true));
    setQuietly(() -> configNode.setApplicationUri(applicationUri));

    liftAccessRestrictions(configNode);
    var methods = new ServerConfigurationMethods(this);
    methods.install(configNode);

    var groupNode = configNode.getCertificateGroupsNode().getDefaultApplicationGroupNode();
    setQuietly(() -> groupNode.setCertificateTypes(new NodeId[] {RSA_SHA256_TYPE}));
    liftAccessRestrictions(groupNode.getTrustListNode());
    applicationTrustListFile =
        new TrustListFile(this, applicationGroup, groupNode.getTrustListNode());
    applicationTrustListFile.install();

    server
        .getSessionManager()
        .addSessionListener(
            new SessionListener() {
              @Override
              public void onSessionClosed(Session session) {
                sessionClosed(session.getSessionId());
              }
            });
    log.info(
        "ServerConfiguration push installed: certificate thumbprint={}, maxTrustListSize={},"
            + " autoAccept={}",
        Certificates.thumbprint(currentCertificate()),
        maxTrustListSize,
        autoAccept);
  }

  // ---- access and transactions (used by the method handlers) ----

  /** Requires an encrypted channel and an authorized user; returns the calling session. */
  Session authorize(AbstractMethodInvocationHandler.InvocationContext context) throws UaException {
    Session session =
        context
            .getSession()
            .orElseThrow(() -> new UaException(StatusCodes.Bad_SessionIdInvalid, "no session"));
    if (session.getSecurityConfiguration().getSecurityMode()
        != MessageSecurityMode.SignAndEncrypt) {
      throw new UaException(
          StatusCodes.Bad_SecurityModeInsufficient,
          "ServerConfiguration needs an encrypted channel");
    }
    if (!authorizer.mayConfigure(session)) {
      throw new UaException(StatusCodes.Bad_UserAccessDenied, "SecurityAdmin role required");
    }
    return session;
  }

  Object lock() {
    return lock;
  }

  /**
   * The caller's transaction, created if none exists; another session's gives
   * Bad_TransactionPending.
   */
  PushTransaction transactionFor(Session session) throws UaException {
    assert Thread.holdsLock(lock);
    if (transaction == null) {
      transaction = new PushTransaction(session.getSessionId());
    } else if (!transaction.sessionId.equals(session.getSessionId())) {
      throw new UaException(
          StatusCodes.Bad_TransactionPending, "another session has changes waiting to be applied");
    }
    return transaction;
  }

  /** Fails with Bad_TransactionPending when another session has staged changes. */
  void requireNoForeignTransaction(Session session) throws UaException {
    assert Thread.holdsLock(lock);
    if (transaction != null && !transaction.sessionId.equals(session.getSessionId())) {
      throw new UaException(
          StatusCodes.Bad_TransactionPending, "another session has changes waiting to be applied");
    }
  }

  Optional<PushTransaction> ownTransaction(Session session) throws UaException {
    assert Thread.holdsLock(lock);
    if (transaction == null) {
      return Optional.empty();
    }
    if (!transaction.sessionId.equals(session.getSessionId())) {
      throw new UaException(
          StatusCodes.Bad_SessionIdInvalid, "the pending changes belong to another session");
    }
    return Optional.of(transaction);
  }

  PushCertificateGroup group(NodeId groupId) throws UaException {
    if (groupId == null || groupId.isNull() || groupId.equals(DEFAULT_APPLICATION_GROUP)) {
      return applicationGroup;
    }
    throw new UaException(
        StatusCodes.Bad_InvalidArgument, "unknown or unsupported certificate group");
  }

  /** The trust list the session would see after applying its own staged changes. */
  TrustListContent stagedTrustList(Session session, PushCertificateGroup group) {
    assert Thread.holdsLock(lock);
    if (transaction != null && transaction.sessionId.equals(session.getSessionId())) {
      TrustListContent staged = transaction.trustLists.get(group.getCertificateGroupId());
      if (staged != null) {
        return staged;
      }
    }
    return group.trustList().content();
  }

  void checkSize(TrustListContent content) throws UaException {
    checkEntries(content.entryCount());
    if (maxTrustListSize > 0
        && content.encode(server().getStaticEncodingContext(), TrustListContent.ALL).length
            > maxTrustListSize) {
      throw new UaException(
          StatusCodes.Bad_EncodingLimitsExceeded, "trust list larger than MaxTrustListSize");
    }
  }

  /** Refuses a trust list of more than {@link #maxTrustListEntries} certificates and CRLs. */
  void checkEntries(long entries) throws UaException {
    if (maxTrustListEntries > 0 && entries > maxTrustListEntries) {
      throw new UaException(
          StatusCodes.Bad_EncodingLimitsExceeded,
          "trust list has " + entries + " entries, more than " + maxTrustListEntries + " accepted");
    }
  }

  /** The server given to {@link #install}; the method handlers exist only after it. */
  OpcUaServer server() {
    return Objects.requireNonNull(server, "install(server) has not been called");
  }

  List<X509Certificate> rejectedCertificates() {
    return autoAccept ? List.of() : quarantine.getRejectedCertificates();
  }

  /** Writes the transaction to disk atomically, then makes it live. */
  void apply(Session session) throws UaException {
    synchronized (lock) {
      PushTransaction tx =
          ownTransaction(session)
              .orElseThrow(
                  () -> new UaException(StatusCodes.Bad_NothingToDo, "no pending changes"));
      PushCertificateGroup.Credentials newCredentials =
          tx.credentials.get(DEFAULT_APPLICATION_GROUP);
      TrustListContent newTrustList = tx.trustLists.get(DEFAULT_APPLICATION_GROUP);
      persist(newCredentials, newTrustList);
      if (newCredentials != null) {
        applicationGroup.swap(newCredentials);
        server().resetEndpointDescriptionCache();
        log.info(
            "Applied new application certificate: thumbprint={}, notAfter={}",
            Certificates.thumbprint(newCredentials.certificate()),
            newCredentials.certificate().getNotAfter().toInstant());
      }
      if (newTrustList != null) {
        applicationGroup.trustList().replace(newTrustList);
        log.info(
            "Applied new trust list: trusted={}, trustedCrls={}, issuers={}, issuerCrls={}",
            newTrustList.trustedCertificates().size(),
            newTrustList.trustedCrls().size(),
            newTrustList.issuerCertificates().size(),
            newTrustList.issuerCrls().size());
      }
      transaction = null;
      appliedChanges.incrementAndGet();
      if (applicationTrustListFile != null) {
        applicationTrustListFile.refreshProperties();
      }
      if (newTrustList != null && !autoAccept) {
        // after the ApplyChanges response is on its way: Part 12 closes sessions whose client
        // certificate the new trust list no longer accepts; it logs its own failures
        var unused =
            server()
                .getScheduledExecutorService()
                .schedule(
                    this::closeUntrustedSessions, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Commits the staged certificate and trust list to the PKI folder in one atomic step. */
  private void persist(
      PushCertificateGroup.@Nullable Credentials newCredentials,
      @Nullable TrustListContent newTrustList)
      throws UaException {
    Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
    if (newCredentials != null) {
      files.putAll(PushPkiFiles.ownFiles(newCredentials));
    }
    if (newTrustList != null) {
      files.putAll(PushPkiFiles.trustListFiles(newTrustList));
    }
    if (files.isEmpty()) {
      return;
    }
    try {
      pki.commit(files);
    } catch (IOException e) {
      log.error("Could not write PKI changes to {}", pki.root(), e);
      throw new UaException(StatusCodes.Bad_InternalError, "could not persist the changes");
    }
  }

  private void closeUntrustedSessions() {
    for (Session s : server().getSessionManager().getAllSessions()) {
      List<X509Certificate> chain = s.getSecurityConfiguration().getClientCertificateChain();
      if (chain == null || chain.isEmpty()) {
        continue;
      }
      try {
        applicationGroup.getCertificateValidator().validateCertificateChain(chain, null, null);
      } catch (UaException e) {
        log.info(
            "Closing session {}: its client certificate {} is no longer trusted",
            s.getSessionId(),
            Certificates.thumbprint(chain.get(0)));
        server().getSessionManager().killSession(s.getSessionId(), true);
      } catch (RuntimeException e) {
        log.warn("Could not re-validate the client certificate of session {}", s.getSessionId(), e);
      }
    }
  }

  void cancel(Session session) throws UaException {
    synchronized (lock) {
      if (ownTransaction(session).isEmpty()) {
        throw new UaException(StatusCodes.Bad_NothingToDo, "no pending changes");
      }
      transaction = null;
      log.info(
          "Pending ServerConfiguration changes cancelled by session {}", session.getSessionId());
    }
  }

  private void sessionClosed(NodeId sessionId) {
    synchronized (lock) {
      if (transaction != null && transaction.sessionId.equals(sessionId)) {
        log.info(
            "Session {} closed: its pending ServerConfiguration changes are discarded", sessionId);
        transaction = null;
      }
      if (applicationTrustListFile != null) {
        applicationTrustListFile.closeHandlesOf(sessionId);
      }
    }
  }

  // ---- loading ----

  private PushCertificateGroup.Credentials loadOrCreateCredentials(Builder b)
      throws IOException, UaException {
    PushCertificateGroup.Credentials stored = PushPkiFiles.loadCredentials(pki);
    if (stored != null) {
      return stored;
    }
    String uri =
        Objects.requireNonNull(
            b.applicationUri, "applicationUri is needed to create a certificate");
    return PushPkiFiles.createSelfSigned(pki, uri, b.commonName, b.hostnames);
  }

  // ---- helpers ----

  /** Milo's RSA-PSS policies and PEM handling need the BouncyCastle provider. */
  public static void ensureBouncyCastle() {
    if (java.security.Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      java.security.Security.addProvider(new BouncyCastleProvider());
    }
  }

  /**
   * Milo's access controller turns the nodeset's EncryptionRequired restriction into
   * Bad_UserAccessDenied; Part 12 asks for Bad_SecurityModeInsufficient, which {@link #authorize}
   * gives, so the restriction is lifted on the nodes this component guards itself.
   */
  static void liftAccessRestrictions(UaNode node) {
    if (node != null) {
      node.setAccessRestrictions(
          new AccessRestrictionType(
              org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort.valueOf(0)));
    }
  }

  private static void setQuietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.debug("Optional ServerConfiguration property not present", e);
    }
  }

  static void configure(UaMethodNode node, AbstractMethodInvocationHandler handler) {
    liftAccessRestrictions(node);
    node.setInvocationHandler(handler);
    if (handler.getInputArguments() != null && handler.getInputArguments().length > 0) {
      node.setInputArguments(handler.getInputArguments());
    }
    if (handler.getOutputArguments() != null && handler.getOutputArguments().length > 0) {
      node.setOutputArguments(handler.getOutputArguments());
    }
  }

  /** Default of {@link Builder#maxTrustListEntries}: far more than a device needs. */
  public static final int DEFAULT_MAX_TRUST_LIST_ENTRIES = 1000;

  /** Settings for {@link ServerConfigurationSupport}. */
  public static final class Builder {
    private final Path pkiDir;
    private PushAuthorizer authorizer = PushAuthorizer.securityAdminRole();
    private long maxTrustListSize = 1024 * 1024;
    private int maxTrustListEntries = DEFAULT_MAX_TRUST_LIST_ENTRIES;
    private boolean autoAccept;
    private @Nullable String applicationUri;
    private String commonName = "GDS Vault device simulator";
    private List<String> hostnames = List.of("localhost", "127.0.0.1");

    private Builder(Path pkiDir) {
      this.pkiDir = pkiDir;
    }

    public Builder authorizer(PushAuthorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer);
      return this;
    }

    /** Largest encoded trust list accepted, in bytes; 0 means no limit. */
    public Builder maxTrustListSize(long bytes) {
      if (bytes < 0 || bytes > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("maxTrustListSize must fit in a UInt32");
      }
      this.maxTrustListSize = bytes;
      return this;
    }

    /** Most certificates and CRLs a trust list may hold (all four lists); 0 means no limit. */
    public Builder maxTrustListEntries(int entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("maxTrustListEntries must not be negative");
      }
      this.maxTrustListEntries = entries;
      return this;
    }

    /** Trust every client certificate (labs only). */
    public Builder autoAccept(boolean autoAccept) {
      this.autoAccept = autoAccept;
      return this;
    }

    /** Used only when no own certificate exists yet; otherwise the certificate's URI wins. */
    public Builder applicationUri(String applicationUri) {
      this.applicationUri = applicationUri;
      return this;
    }

    public Builder commonName(String commonName) {
      this.commonName = commonName;
      return this;
    }

    public Builder hostnames(List<String> hostnames) {
      for (String h : hostnames) {
        if (!HostNames.isValid(h, HostNames.Wildcards.REFUSE)) {
          throw new IllegalArgumentException("not a DNS name or IP address: " + h);
        }
      }
      this.hostnames = List.copyOf(hostnames);
      return this;
    }

    public ServerConfigurationSupport build() throws IOException, UaException {
      return new ServerConfigurationSupport(this);
    }
  }
}
