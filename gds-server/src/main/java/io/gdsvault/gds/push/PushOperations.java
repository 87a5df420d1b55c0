package io.gdsvault.gds.push;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator API of push (SecurityAdmin): enable (check the target once and pin its certificate),
 * disable, run now, status. Each change is audited.
 */
final class PushOperations {

  private static final Logger log = LoggerFactory.getLogger(PushOperations.class);
  static final String DEFAULT_POLICY = "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256";

  private final PushJobs jobs;
  private final PushDispatcher dispatcher;
  private final TargetConnector connector;
  private final Function<UUID, Optional<ApplicationRecord>> applications;
  private final TargetCredentials credentials;
  private final PushAudit audit;
  private final Clock clock;
  private final EndpointRule endpoints;

  PushOperations(
      PushJobs jobs,
      PushDispatcher dispatcher,
      TargetConnector connector,
      Function<UUID, Optional<ApplicationRecord>> applications,
      TargetCredentials credentials,
      PushAudit audit,
      Clock clock,
      EndpointRule endpoints) {
    this.jobs = jobs;
    this.dispatcher = dispatcher;
    this.connector = connector;
    this.applications = applications;
    this.credentials = credentials;
    this.audit = audit;
    this.clock = clock;
    this.endpoints = endpoints;
  }

  /** See {@link PushEngine#enable}. */
  String enable(Caller caller, PushEngine.EnableRequest r) {
    caller.requireRole(Role.SECURITY_ADMIN);
    ApplicationRecord app =
        applications
            .apply(r.applicationId())
            .orElseThrow(() -> GdsException.notFound("ApplicationId"));
    if (app.applicationType() == ApplicationType.CLIENT) {
      throw GdsException.invalid("push needs a server application");
    }
    String endpoint = checkEndpoint(r.endpointUrl());
    endpoints.check(app, endpoint);
    String policy = checkPolicy(r.securityPolicyUri());
    checkCredentials(r);
    String expected =
        r.expectThumbprint() == null || r.expectThumbprint().isBlank()
            ? null
            : Thumbprints.normalize(r.expectThumbprint());
    String pinned = Thumbprints.of(probe(caller, r, endpoint, policy, expected));
    TargetAccess access =
        new TargetAccess(
            endpoint,
            policy,
            r.targetUser(),
            credentials.sealPassword(r.applicationId(), r.targetPassword()),
            pinned,
            r.keyMode() == null ? KeyMode.CSR : r.keyMode());
    store(caller, r.applicationId(), access);
    log.info(
        "push enabled applicationId={} endpoint={} pinned={} by={}",
        r.applicationId(),
        endpoint,
        pinned,
        caller.describe());
    dispatcher.wake();
    return pinned;
  }

  /** Connects once: the certificate the target presents, checked against the expected one. */
  private X509Certificate probe(
      Caller caller,
      PushEngine.EnableRequest r,
      String endpoint,
      String policy,
      @Nullable String expected) {
    try (TargetConnector.Session s =
        connector.connect(
            endpoint,
            policy,
            r.targetUser(),
            r.targetPassword(),
            c -> expected == null || expected.equals(Thumbprints.of(c)))) {
      X509Certificate seen = s.serverCertificate();
      s.supportedPrivateKeyFormats();
      return seen;
    } catch (PushException e) {
      TargetCheckException refused;
      if (expected != null && e.kind() == PushException.Kind.UNTRUSTED_TARGET) {
        refused =
            new TargetCheckException(
                "the target's certificate does not have the expected thumbprint "
                    + expected
                    + ": "
                    + e.getMessage());
      } else {
        refused = new TargetCheckException("cannot push to the target: " + e.getMessage());
      }
      audit.record(
          caller.describe(),
          "push.enable",
          r.applicationId().toString(),
          "endpoint=" + endpoint + " error=" + refused.getMessage(),
          "failed");
      throw refused;
    }
  }

  private void store(Caller caller, UUID applicationId, TargetAccess access) {
    Instant now = clock.instant();
    String phase = "queued by " + caller.describe();
    jobs.tx()
        .run(
            () -> {
              PushRepository repository = jobs.repository();
              Optional<PushTarget> existing = repository.findForUpdate(applicationId);
              if (existing.isEmpty()) {
                repository.insert(PushTarget.enabled(applicationId, access, phase, now));
              } else {
                repository.update(existing.get().reEnabled(access, phase, now));
              }
              audit.record(
                  caller.describe(),
                  "push.enable",
                  applicationId.toString(),
                  "endpoint="
                      + access.endpointUrl()
                      + " policy="
                      + access.securityPolicyUri()
                      + " targetUser="
                      + access.targetUser()
                      + " pinned="
                      + access.pinnedThumbprint()
                      + " keyMode="
                      + access.keyMode(),
                  "ok");
            });
  }

  /** See {@link PushEngine#disable}. */
  void disable(Caller caller, UUID applicationId) {
    caller.requireRole(Role.SECURITY_ADMIN);
    boolean removed =
        jobs.tx()
            .inTransaction(
                () -> {
                  boolean deleted = jobs.repository().delete(applicationId);
                  if (deleted) {
                    audit.record(
                        caller.describe(), "push.disable", applicationId.toString(), "", "ok");
                  }
                  return deleted;
                });
    if (!removed) {
      throw GdsException.notFound("push target");
    }
    log.info("push disabled applicationId={} by={}", applicationId, caller.describe());
  }

  /**
   * See {@link PushEngine#run}: a full push already pending or running is joined (it gives the
   * certificate asked for) instead of starting a second one with a second request.
   */
  void run(Caller caller, UUID applicationId) {
    caller.requireRole(Role.SECURITY_ADMIN);
    boolean[] joined = {false};
    Optional<PushTarget> queued =
        jobs.change(
            applicationId,
            t -> {
              joined[0] = t.job().joins(PushScope.FULL);
              return t.queued(PushScope.FULL, "run by " + caller.describe(), clock.instant());
            });
    if (queued.isEmpty()) {
      throw GdsException.notFound("push target");
    }
    audit.record(
        caller.describe(),
        "push.run",
        applicationId.toString(),
        "scope=" + PushScope.FULL + (joined[0] ? " joined the push in flight" : ""),
        "ok");
    if (joined[0]) {
      log.info(
          "push run by {} joins the push in flight of applicationId={}",
          caller.describe(),
          applicationId);
    }
    dispatcher.wake();
  }

  Optional<PushTarget> target(UUID applicationId) {
    return jobs.find(applicationId);
  }

  /** See {@link PushEngine#status}. */
  List<PushTarget> status(Caller caller, @Nullable UUID applicationId) {
    caller.requireRole(Role.SECURITY_ADMIN);
    if (applicationId != null) {
      return List.of(
          jobs.find(applicationId).orElseThrow(() -> GdsException.notFound("push target")));
    }
    return jobs.list();
  }

  private static String checkPolicy(@Nullable String uri) {
    String policy = uri == null || uri.isBlank() ? DEFAULT_POLICY : uri;
    if (!policy.startsWith("http://opcfoundation.org/UA/SecurityPolicy#")
        || policy.endsWith("#None")) {
      throw GdsException.invalid("the security policy must be a secure OPC UA policy URI");
    }
    return policy;
  }

  private static void checkCredentials(PushEngine.EnableRequest r) {
    if (r.targetUser() == null || r.targetUser().isBlank() || r.targetUser().length() > 256) {
      throw GdsException.invalid("the target user is required");
    }
    if (r.targetPassword() == null
        || r.targetPassword().length == 0
        || r.targetPassword().length > 1024) {
      throw GdsException.invalid("the target password is required");
    }
  }

  static String checkEndpoint(@Nullable String url) {
    if (url == null || url.length() > 1024) {
      throw GdsException.invalid("the endpoint URL is required");
    }
    try {
      URI u = URI.create(url.trim());
      if (!"opc.tcp".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || u.getPort() <= 0) {
        throw GdsException.invalid("the endpoint must be an opc.tcp://HOST:PORT URL");
      }
      return u.toString();
    } catch (IllegalArgumentException e) {
      throw GdsException.invalid("the endpoint must be an opc.tcp://HOST:PORT URL");
    }
  }
}
