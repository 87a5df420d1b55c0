package io.gdsvault.gds.config;

import io.gdsvault.gds.model.net.HostNames;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * All GDS settings, read from YAML by {@link SettingsLoader}. Every field has a default in the
 * embedded {@code gds-default.yaml}; {@link #validate()} lists every problem at once.
 */
public record GdsSettings(
    ServerSettings server,
    SecuritySettings security,
    DatabaseSettings database,
    LimitSettings limits,
    DirectorySettings directory,
    CertificateSettings certificates,
    QuotaSettings quotas,
    PushConfig push,
    AdmissionSettings admission,
    WebSettings web) {

  /**
   * Admission control and login throttling; see config/gds.yaml and docs/security.md.
   *
   * @param noneMaxSessions sessions on SecurityPolicy None (Bad_TooManySessions beyond)
   * @param noneMaxSessionsPerAddress such sessions from one remote address
   * @param noneSessionIdleMs a None session without a request for this long is closed
   * @param noneMaxChannels secure channels on SecurityPolicy None (the connection is closed beyond)
   * @param noneMaxChannelsPerAddress such channels from one remote address
   * @param noneChannelIdleMs a None channel without a message for this long is closed
   * @param unauthenticatedSessionShare share of limits.maxSessions that anonymous sessions without
   *     a trusted client certificate may use
   * @param maxPendingSessions created, not yet activated sessions; when full the oldest is closed
   * @param pendingSessionTimeoutMs a session not activated within this time is closed
   * @param maxTrustListHandles open TrustList file handles in total
   * @param maxTrustListHandlesPerSession open TrustList file handles of one session
   * @param loginFreeFailures failed logins of a user before each further try waits
   * @param loginDelayBaseMs the first wait; doubled per further failure up to loginDelayMaxMs
   * @param loginLockoutFailures failed logins of a user that lock it for loginLockoutMs
   * @param addressFreeFailures failed logins from one remote address before it waits
   * @param addressLockoutFailures failed logins from one remote address that lock it
   * @param credentialCacheTtlMs how long a verified password is recognised without PBKDF2 (0: off)
   * @param credentialCacheMaxEntries users the credential cache holds at most
   */
  public record AdmissionSettings(
      int noneMaxSessions,
      int noneMaxSessionsPerAddress,
      long noneSessionIdleMs,
      int noneMaxChannels,
      int noneMaxChannelsPerAddress,
      long noneChannelIdleMs,
      double unauthenticatedSessionShare,
      int maxPendingSessions,
      long pendingSessionTimeoutMs,
      int maxTrustListHandles,
      int maxTrustListHandlesPerSession,
      int loginFreeFailures,
      long loginDelayBaseMs,
      long loginDelayMaxMs,
      int loginLockoutFailures,
      long loginLockoutMs,
      int addressFreeFailures,
      int addressLockoutFailures,
      long credentialCacheTtlMs,
      int credentialCacheMaxEntries) {

    /** Anonymous sessions without a trusted certificate the server admits at once. */
    public int unauthenticatedSessions(int maxSessions) {
      return (int) Math.floor(maxSessions * unauthenticatedSessionShare);
    }
  }

  /**
   * The HTTPS web console and REST API; see config/gds.yaml.
   *
   * @param enabled whether {@code gds serve} starts it
   * @param port its TCP port (bound like the OPC UA endpoint)
   * @param sessionTimeoutMinutes idle time after which a browser session ends
   * @param tokenTtlMinutes lifetime of a REST API bearer token
   * @param maxBodyBytes largest request body (also bounds CSR uploads)
   * @param maxLoginFailures failed logins per user and per address before logins are refused
   * @param loginLockoutMinutes the window those failures count in, and how long the refusal lasts
   * @param certificateRenewDays the console's certificate is renewed when it has fewer days left
   */
  public record WebSettings(
      boolean enabled,
      int port,
      int sessionTimeoutMinutes,
      int tokenTtlMinutes,
      int maxBodyBytes,
      int maxLoginFailures,
      int loginLockoutMinutes,
      int certificateRenewDays) {}

  /**
   * The push engine, times in milliseconds; see config/gds.yaml.
   *
   * @param renewAfterShare share of a certificate's lifetime after which push renews it (0..1)
   * @param maxConcurrentPushes pushes one node runs at once
   * @param maxAttempts failed attempts before a job stays failed until the next trigger
   * @param retryBaseMs first retry delay, doubled per attempt up to {@code retryMaxMs}
   * @param leaseMs how long a claimed job belongs to its node without a heartbeat (a job of a
   *     killed node is taken over after this)
   * @param pollMs how often due jobs (and approvals) are looked for
   * @param renewalScanMs how often certificates are checked for renewal
   * @param verifyTimeoutMs how long to wait for a target's endpoints after ApplyChanges
   * @param allowedEndpoints endpoints ({@code opc.tcp://HOST:PORT} or {@code HOST:PORT}) push may
   *     be enabled for that are not a registered DiscoveryUrl of the application
   */
  public record PushConfig(
      double renewAfterShare,
      int maxConcurrentPushes,
      int maxAttempts,
      long retryBaseMs,
      long retryMaxMs,
      long leaseMs,
      long pollMs,
      long renewalScanMs,
      long verifyTimeoutMs,
      List<String> allowedEndpoints) {}

  /**
   * Caps on work a caller can queue, with the status a caller gets when one is hit.
   *
   * @param maxOpenRequestsPerApplication New or approved-not-yet-fetched requests of one
   *     application (Bad_TooManyOperations)
   * @param maxOpenRequests such requests overall (Bad_ResourceUnavailable)
   * @param maxSessionsPerClient activated sessions of one client certificate (Bad_TooManySessions)
   */
  public record QuotaSettings(
      int maxOpenRequestsPerApplication, int maxOpenRequests, int maxSessionsPerClient) {}

  /** Where and how the OPC UA endpoint listens. */
  public record ServerSettings(
      String bind,
      int port,
      String path,
      String hostname,
      String applicationName,
      String applicationUri,
      String productUri) {}

  /** Client certificate policy and password hashing. */
  public record SecuritySettings(
      ClientCertificateMode clientCertificates, int passwordHashIterations) {}

  /**
   * Database; an empty url means the embedded H2 file database in the data directory.
   *
   * @param statementTimeoutSeconds every statement is cancelled after this long (the caller gets
   *     Bad_Timeout); 0: never
   * @param minFreeDiskMb the embedded database refuses new write transactions
   *     (Bad_ResourceUnavailable) while its file system has less free; 0: no watermark
   * @param refusalSummarySeconds refused calls of unauthenticated callers become one audit row per
   *     caller, method and status per this interval
   */
  public record DatabaseSettings(
      String url,
      String user,
      String passwordFile,
      int maxPoolSize,
      int statementTimeoutSeconds,
      long minFreeDiskMb,
      int refusalSummarySeconds) {}

  /**
   * Protocol limits. Milo's defaults cap a GDS early, so these are raised on purpose. {@code
   * maxTrustListBytes} is the largest TrustList file the GDS serves (Open answers
   * Bad_ResourceUnavailable above it).
   */
  public record LimitSettings(
      int maxSessions,
      int maxSessionTimeoutMs,
      int connectionAttemptsPerSecondPerAddress,
      int maxConnections,
      int maxConnectionsPerAddress,
      int concurrentCallsPerSession,
      int maxMessageSize,
      int maxArrayLength,
      int maxStringLength,
      long maxTrustListBytes) {}

  /** Directory behaviour. */
  public record DirectorySettings(int maxRecordsPerQuery) {}

  /**
   * Certificate manager (pull flow) settings.
   *
   * @param autoApprove approve every request at once (labs and benchmarks only)
   * @param keystorePasswordFile file with the CA keystore secret, empty for none
   * @param finishRequestGraceMinutes how long a repeated FinishRequest (its first reply was lost)
   *     gets the same certificate and private key again; 0 turns repeats off
   * @param keyPoolSize RSA key pairs made ahead of demand while idle, for StartNewKeyPairRequest
   *     bursts; 0 turns the pool off
   * @param issuancePolicy what a request of each certificate group may ask for (by group name)
   */
  public record CertificateSettings(
      boolean autoApprove,
      String keystorePasswordFile,
      boolean allowSelfApproval,
      int keyBlobTtlMinutes,
      int finishRequestGraceMinutes,
      int rsaKeyBits,
      int keyPoolSize,
      List<ApprovalRuleSettings> approvalRules,
      SignerConfig signer,
      java.util.Map<String, SignerConfig> groupSigners,
      java.util.Map<String, IssuancePolicySettings> issuancePolicy) {

    public CertificateSettings {
      approvalRules = approvalRules == null ? List.of() : List.copyOf(approvalRules);
      issuancePolicy =
          issuancePolicy == null ? java.util.Map.of() : java.util.Map.copyOf(issuancePolicy);
      signer =
          signer == null
              ? new SignerConfig("local", "", "", "", null, "", "", "", "", "", "", false)
              : signer;
      groupSigners = groupSigners == null ? java.util.Map.of() : java.util.Map.copyOf(groupSigners);
    }
  }

  /**
   * The issuance policy of one certificate group, checked when a request is filed.
   *
   * @param allowedNames DNS names, IP addresses, CIDR blocks, {@code *.domain} or {@code *} a
   *     certificate may carry beyond the hosts of the application's registered DiscoveryUrls
   * @param allowWildcards whether wildcard DNS names may be requested (still within allowedNames)
   * @param subjectPattern regular expression over the whole subject name (empty: any)
   * @param refusedCommonNames common names no certificate of the group may carry
   */
  public record IssuancePolicySettings(
      List<String> allowedNames,
      boolean allowWildcards,
      String subjectPattern,
      List<String> refusedCommonNames) {

    public IssuancePolicySettings {
      allowedNames = allowedNames == null ? List.of() : List.copyOf(allowedNames);
      subjectPattern = subjectPattern == null ? "" : subjectPattern;
      refusedCommonNames = refusedCommonNames == null ? List.of() : List.copyOf(refusedCommonNames);
    }
  }

  /**
   * A rule of the approval policy: requests whose ApplicationUri fully matches {@code uriPattern}
   * (regular expression; empty matches all) from user {@code requestedBy} (empty: anyone) get
   * {@code outcome} ({@code approve}, {@code reject} or {@code manual}).
   */
  public record ApprovalRuleSettings(String uriPattern, String requestedBy, String outcome) {}

  /**
   * Where a certificate group's CA key lives. {@code kind} local (keystore in {@code directory},
   * default DATA/ca), pkcs11 ({@code library}, {@code slot}, {@code pinEnv}/{@code pinFile}) or
   * azure ({@code vaultUrl}, {@code tenantId}, {@code clientId}, {@code clientSecretEnv}).
   */
  public record SignerConfig(
      String kind,
      String directory,
      String passwordEnv,
      String library,
      @Nullable Long slot,
      String pinEnv,
      String pinFile,
      String vaultUrl,
      String tenantId,
      String clientId,
      String clientSecretEnv,
      boolean hsm) {}

  /** How the secure channel treats client application certificates it does not trust. */
  public enum ClientCertificateMode {
    /** Accept unknown certificates; roles decide what a caller may do. */
    ONBOARDING,
    /** Reject unknown certificates and keep them in DATA/pki/rejected for an admin to accept. */
    STRICT
  }

  /** All problems, empty when the settings are usable. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (server == null
        || security == null
        || database == null
        || limits == null
        || directory == null
        || certificates == null) {
      p.add("sections server, security, database, limits, directory and certificates are required");
      return p;
    }
    serverProblems(p);
    securityAndDatabaseProblems(p);
    limitsProblems(p);
    if (quotas == null) {
      p.add("quotas must be set");
    } else {
      positive(p, "quotas.maxOpenRequestsPerApplication", quotas.maxOpenRequestsPerApplication());
      positive(p, "quotas.maxOpenRequests", quotas.maxOpenRequests());
      positive(p, "quotas.maxSessionsPerClient", quotas.maxSessionsPerClient());
    }
    pushProblems(p);
    if (admission == null) {
      p.add("admission must be set");
    } else {
      admissionProblems(p, admission, limits.maxSessions());
    }
    certificateProblems(p);
    webProblems(p);
    return p;
  }

  /** The server section: endpoint address and names. */
  private void serverProblems(List<String> p) {
    if (server.port() < 1 || server.port() > 65535) {
      p.add("server.port must be 1..65535");
    }
    if (blank(server.bind())) {
      p.add("server.bind must be an address such as 127.0.0.1 or 0.0.0.0");
    }
    if (blank(server.path()) || !server.path().startsWith("/")) {
      p.add("server.path must start with /");
    }
    if (blank(server.hostname())) {
      p.add("server.hostname must not be empty");
    } else if (!HostNames.isValid(server.hostname(), HostNames.Wildcards.REFUSE)) {
      p.add("server.hostname must be a DNS name or an IP address");
    }
    if (blank(server.applicationName())) {
      p.add("server.applicationName must not be empty");
    }
  }

  /** The security and database sections. */
  private void securityAndDatabaseProblems(List<String> p) {
    if (security.clientCertificates() == null) {
      p.add("security.clientCertificates must be onboarding or strict");
    }
    if (security.passwordHashIterations() < 100_000) {
      p.add("security.passwordHashIterations must be at least 100000");
    }
    if (database.maxPoolSize() < 1) {
      p.add("database.maxPoolSize must be at least 1");
    }
    if (database.statementTimeoutSeconds() < 0) {
      p.add("database.statementTimeoutSeconds must be 0 (none) or more");
    }
    if (database.minFreeDiskMb() < 0) {
      p.add("database.minFreeDiskMb must be 0 (none) or more");
    }
    if (database.refusalSummarySeconds() < 1 || database.refusalSummarySeconds() > 86400) {
      p.add("database.refusalSummarySeconds must be 1..86400");
    }
  }

  /** The limits section. */
  private void limitsProblems(List<String> p) {
    positive(p, "limits.maxSessions", limits.maxSessions());
    positive(p, "limits.maxSessionTimeoutMs", limits.maxSessionTimeoutMs());
    positive(
        p,
        "limits.connectionAttemptsPerSecondPerAddress",
        limits.connectionAttemptsPerSecondPerAddress());
    positive(p, "limits.maxConnections", limits.maxConnections());
    positive(p, "limits.maxConnectionsPerAddress", limits.maxConnectionsPerAddress());
    positive(p, "limits.concurrentCallsPerSession", limits.concurrentCallsPerSession());
    if (limits.maxMessageSize() < 65_536) {
      p.add("limits.maxMessageSize must be at least 65536");
    }
    positive(p, "limits.maxArrayLength", limits.maxArrayLength());
    positive(p, "limits.maxStringLength", limits.maxStringLength());
    if (limits.maxTrustListBytes() < 1024 || limits.maxTrustListBytes() > 0xFFFF_FFFFL) {
      p.add("limits.maxTrustListBytes must be 1024..4294967295");
    }
  }

  /** The push section (absent: a problem). */
  private void pushProblems(List<String> p) {
    if (push == null) {
      p.add("push must be set");
    } else {
      if (!(push.renewAfterShare() > 0 && push.renewAfterShare() < 1)) {
        p.add("push.renewAfterShare must be between 0 and 1 (exclusive)");
      }
      positive(p, "push.maxConcurrentPushes", push.maxConcurrentPushes());
      positive(p, "push.maxAttempts", push.maxAttempts());
      if (push.retryBaseMs() < 1 || push.retryMaxMs() < push.retryBaseMs()) {
        p.add("push.retryBaseMs must be at least 1 and push.retryMaxMs at least push.retryBaseMs");
      }
      if (push.leaseMs() < 1000) {
        p.add("push.leaseMs must be at least 1000");
      }
      if (push.pollMs() < 50) {
        p.add("push.pollMs must be at least 50");
      }
      if (push.renewalScanMs() < 1000) {
        p.add("push.renewalScanMs must be at least 1000");
      }
      if (push.verifyTimeoutMs() < 1000) {
        p.add("push.verifyTimeoutMs must be at least 1000");
      }
      if (push.allowedEndpoints() == null) {
        p.add("push.allowedEndpoints must be a list (empty: only registered DiscoveryUrls)");
      } else {
        for (String e : push.allowedEndpoints()) {
          if (e == null
              || !e.matches(
                  "(?i)(opc\\.tcp://)?(\\[[0-9a-f:.]+\\]|[^/\\s:\\[\\]]+):\\d{1,5}(/.*)?")) {
            p.add("push.allowedEndpoints: '" + e + "' is not opc.tcp://HOST:PORT or HOST:PORT");
          }
        }
      }
    }
  }

  /** The directory and certificates sections. */
  private void certificateProblems(List<String> p) {
    if (directory.maxRecordsPerQuery() < 1 || directory.maxRecordsPerQuery() > 10_000) {
      p.add("directory.maxRecordsPerQuery must be 1..10000");
    }
    if (certificates.keyBlobTtlMinutes() < 1) {
      p.add("certificates.keyBlobTtlMinutes must be at least 1");
    }
    if (certificates.finishRequestGraceMinutes() < 0
        || certificates.finishRequestGraceMinutes() > 1440) {
      p.add("certificates.finishRequestGraceMinutes must be 0..1440");
    }
    if (certificates.rsaKeyBits() != 2048
        && certificates.rsaKeyBits() != 3072
        && certificates.rsaKeyBits() != 4096) {
      p.add("certificates.rsaKeyBits must be 2048, 3072 or 4096");
    }
    if (certificates.keyPoolSize() < 0 || certificates.keyPoolSize() > 10_000) {
      p.add("certificates.keyPoolSize must be between 0 and 10000");
    }
    issuancePolicyProblems(p, certificates.issuancePolicy());
    for (ApprovalRuleSettings r : certificates.approvalRules()) {
      if (r.outcome() == null || !List.of("approve", "reject", "manual").contains(r.outcome())) {
        p.add("certificates.approvalRules[].outcome must be approve, reject or manual");
      }
    }
  }

  private static final java.util.regex.Pattern ALLOWED_NAME =
      java.util.regex.Pattern.compile("\\*|(\\*\\.)?[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+(/\\d{1,3})?");

  private static void issuancePolicyProblems(
      List<String> p, java.util.Map<String, IssuancePolicySettings> policy) {
    for (var e : policy.entrySet()) {
      String key = "certificates.issuancePolicy." + e.getKey();
      IssuancePolicySettings g = e.getValue();
      if (g == null) {
        p.add(key + " must be a mapping");
        continue;
      }
      for (String n : g.allowedNames()) {
        if (n == null || !ALLOWED_NAME.matcher(n.trim()).matches()) {
          p.add(key + ".allowedNames: '" + n + "' is not a host, IP, CIDR block, *.domain or *");
        }
      }
      try {
        java.util.regex.Pattern.compile(g.subjectPattern());
      } catch (java.util.regex.PatternSyntaxException ex) {
        p.add(key + ".subjectPattern is not a regular expression");
      }
    }
  }

  /** Throws {@link SettingsException} listing every problem. */
  public GdsSettings validate() {
    List<String> p = problems();
    if (!p.isEmpty()) {
      throw new SettingsException("invalid configuration: " + String.join("; ", p));
    }
    return this;
  }

  private static void admissionProblems(List<String> p, AdmissionSettings a, int maxSessions) {
    positive(p, "admission.noneMaxSessions", a.noneMaxSessions());
    positive(p, "admission.noneMaxSessionsPerAddress", a.noneMaxSessionsPerAddress());
    positive(p, "admission.noneMaxChannels", a.noneMaxChannels());
    positive(p, "admission.noneMaxChannelsPerAddress", a.noneMaxChannelsPerAddress());
    positive(p, "admission.maxPendingSessions", a.maxPendingSessions());
    positive(p, "admission.maxTrustListHandles", a.maxTrustListHandles());
    positive(p, "admission.maxTrustListHandlesPerSession", a.maxTrustListHandlesPerSession());
    positive(p, "admission.loginLockoutFailures", a.loginLockoutFailures());
    positive(p, "admission.addressLockoutFailures", a.addressLockoutFailures());
    if (a.noneSessionIdleMs() < 1000
        || a.noneChannelIdleMs() < 1000
        || a.pendingSessionTimeoutMs() < 1000) {
      p.add(
          "admission.noneSessionIdleMs, noneChannelIdleMs and pendingSessionTimeoutMs must be at"
              + " least 1000");
    }
    if (!(a.unauthenticatedSessionShare() >= 0 && a.unauthenticatedSessionShare() < 1)) {
      p.add("admission.unauthenticatedSessionShare must be at least 0 and below 1");
    } else if (a.noneMaxSessions() + a.unauthenticatedSessions(maxSessions) + a.maxPendingSessions()
        >= maxSessions) {
      p.add(
          "admission.noneMaxSessions + unauthenticatedSessionShare x limits.maxSessions +"
              + " maxPendingSessions must stay below limits.maxSessions (room for users with a role"
              + " and devices with a trusted certificate)");
    }
    if (a.loginFreeFailures() < 0
        || a.addressFreeFailures() < 0
        || a.loginDelayBaseMs() < 1
        || a.loginDelayMaxMs() < a.loginDelayBaseMs()
        || a.loginLockoutMs() < 1000) {
      p.add(
          "admission login settings: free failures at least 0, loginDelayBaseMs at least 1,"
              + " loginDelayMaxMs at least loginDelayBaseMs, loginLockoutMs at least 1000");
    }
    if (a.credentialCacheTtlMs() < 0
        || a.credentialCacheTtlMs() > 600_000
        || a.credentialCacheMaxEntries() < 1) {
      p.add(
          "admission.credentialCacheTtlMs must be 0..600000 and credentialCacheMaxEntries at"
              + " least 1");
    }
  }

  private void webProblems(List<String> p) {
    if (web == null) {
      p.add("web must be set");
      return;
    }
    if (web.port() < 1 || web.port() > 65535) {
      p.add("web.port must be 1..65535");
    } else if (server != null && web.enabled() && web.port() == server.port()) {
      p.add("web.port must differ from server.port");
    }
    positive(p, "web.sessionTimeoutMinutes", web.sessionTimeoutMinutes());
    positive(p, "web.tokenTtlMinutes", web.tokenTtlMinutes());
    positive(p, "web.maxLoginFailures", web.maxLoginFailures());
    positive(p, "web.loginLockoutMinutes", web.loginLockoutMinutes());
    positive(p, "web.certificateRenewDays", web.certificateRenewDays());
    if (web.maxBodyBytes() < 16_384 || web.maxBodyBytes() > 16_777_216) {
      p.add("web.maxBodyBytes must be 16384..16777216");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void positive(List<String> p, String name, int value) {
    if (value < 1) {
      p.add(name + " must be at least 1");
    }
  }
}
