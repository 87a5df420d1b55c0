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
    WebSettings web) {

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

  /** Database; an empty url means the embedded H2 file database in the data directory. */
  public record DatabaseSettings(String url, String user, String passwordFile, int maxPoolSize) {}

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
      java.util.Map<String, SignerConfig> groupSigners) {

    public CertificateSettings {
      approvalRules = approvalRules == null ? List.of() : List.copyOf(approvalRules);
      signer =
          signer == null
              ? new SignerConfig("local", "", "", "", null, "", "", "", "", "", "", false)
              : signer;
      groupSigners = groupSigners == null ? java.util.Map.of() : java.util.Map.copyOf(groupSigners);
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
    if (security.clientCertificates() == null) {
      p.add("security.clientCertificates must be onboarding or strict");
    }
    if (security.passwordHashIterations() < 100_000) {
      p.add("security.passwordHashIterations must be at least 100000");
    }
    if (database.maxPoolSize() < 1) {
      p.add("database.maxPoolSize must be at least 1");
    }
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
    if (quotas == null) {
      p.add("quotas must be set");
    } else {
      positive(p, "quotas.maxOpenRequestsPerApplication", quotas.maxOpenRequestsPerApplication());
      positive(p, "quotas.maxOpenRequests", quotas.maxOpenRequests());
      positive(p, "quotas.maxSessionsPerClient", quotas.maxSessionsPerClient());
    }
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
    webProblems(p);
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
    for (ApprovalRuleSettings r : certificates.approvalRules()) {
      if (r.outcome() == null || !List.of("approve", "reject", "manual").contains(r.outcome())) {
        p.add("certificates.approvalRules[].outcome must be approve, reject or manual");
      }
    }
    return p;
  }

  /** Throws {@link SettingsException} listing every problem. */
  public GdsSettings validate() {
    List<String> p = problems();
    if (!p.isEmpty()) {
      throw new SettingsException("invalid configuration: " + String.join("; ", p));
    }
    return this;
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
