package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.push.CertificateSlot;
import io.gdsvault.gds.push.InstalledCertificate;
import io.gdsvault.gds.push.KeyMode;
import io.gdsvault.gds.push.PushJob;
import io.gdsvault.gds.push.PushRepository;
import io.gdsvault.gds.push.PushScope;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import io.gdsvault.gds.push.TargetAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * {@link PushRepository} on plain SQL: a target's row in {@code push_targets}, its certificate
 * types in {@code push_certificates} (rewritten with the row). Due jobs are claimed with {@code FOR
 * UPDATE SKIP LOCKED} (PostgreSQL and H2), so several nodes on one database never run the same job
 * twice.
 */
public final class JdbcPushRepository implements PushRepository {

  private static final String COLUMNS =
      "application_id, endpoint_url, security_policy_uri, target_user, password_blob,"
          + " pinned_thumbprint, key_mode, state, scope, rerun_scope, phase, attempts, last_error,"
          + " last_push, next_attempt_at, lease_until, claimed_by, trust_digest, trust_crls_kept,"
          + " created_at, updated_at";

  private static final String SLOT_COLUMNS =
      "application_id, ordinal, certificate_type, skipped, request_id, key_blob, certificate_der,"
          + " certificate_thumbprint, not_before, not_after";

  @Override
  public void insert(PushTarget t) {
    bind(
            h().createUpdate(
                    "INSERT INTO push_targets ("
                        + COLUMNS
                        + ") VALUES (CAST(:application_id AS UUID), :endpoint_url,"
                        + " :security_policy_uri, :target_user, :password_blob, :pinned_thumbprint,"
                        + " :key_mode, :state, :scope, :rerun_scope, :phase, :attempts,"
                        + " :last_error, :last_push, :next_attempt_at, :lease_until, :claimed_by,"
                        + " :trust_digest, :trust_crls_kept, :created_at, :updated_at)"),
            t)
        .execute();
    insertSlots(t);
  }

  @Override
  public void update(PushTarget t) {
    bind(
            h().createUpdate(
                    "UPDATE push_targets SET endpoint_url = :endpoint_url, security_policy_uri ="
                        + " :security_policy_uri, target_user = :target_user, password_blob ="
                        + " :password_blob, pinned_thumbprint = :pinned_thumbprint, key_mode ="
                        + " :key_mode, state = :state, scope = :scope, rerun_scope = :rerun_scope,"
                        + " phase = :phase, attempts = :attempts, last_error = :last_error,"
                        + " last_push = :last_push, next_attempt_at = :next_attempt_at, lease_until"
                        + " = :lease_until, claimed_by = :claimed_by, trust_digest = :trust_digest,"
                        + " trust_crls_kept = :trust_crls_kept, created_at = :created_at,"
                        + " updated_at = :updated_at WHERE application_id = CAST(:application_id AS"
                        + " UUID)"),
            t)
        .execute();
    h().createUpdate("DELETE FROM push_certificates WHERE application_id = :id")
        .bind("id", t.applicationId())
        .execute();
    insertSlots(t);
  }

  @Override
  public boolean delete(UUID applicationId) {
    return h().createUpdate("DELETE FROM push_targets WHERE application_id = :id")
            .bind("id", applicationId)
            .execute()
        > 0;
  }

  @Override
  public Optional<PushTarget> find(UUID applicationId) {
    return h().createQuery("SELECT " + COLUMNS + " FROM push_targets WHERE application_id = :id")
        .bind("id", applicationId)
        .map((rs, ctx) -> map(rs))
        .findOne()
        .map(JdbcPushRepository::withSlots);
  }

  @Override
  public Optional<PushTarget> findForUpdate(UUID applicationId) {
    return h().createQuery(
            "SELECT " + COLUMNS + " FROM push_targets WHERE application_id = :id FOR UPDATE")
        .bind("id", applicationId)
        .map((rs, ctx) -> map(rs))
        .findOne()
        .map(JdbcPushRepository::withSlots);
  }

  @Override
  public List<PushTarget> list() {
    Map<UUID, List<CertificateSlot>> slots = new HashMap<>();
    h().createQuery(
            "SELECT " + SLOT_COLUMNS + " FROM push_certificates ORDER BY application_id, ordinal")
        .map((rs, ctx) -> Map.entry(rs.getObject("application_id", UUID.class), slot(rs)))
        .forEach(e -> slots.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return h()
        .createQuery("SELECT " + COLUMNS + " FROM push_targets ORDER BY created_at, application_id")
        .map((rs, ctx) -> map(rs))
        .list()
        .stream()
        .map(t -> with(t, slots.getOrDefault(t.applicationId(), List.of())))
        .toList();
  }

  @Override
  public List<PushTarget> lockDue(Instant now, int limit) {
    return h()
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM push_targets WHERE (state IN ('PENDING', 'FAILED') AND next_attempt_at IS"
                + " NOT NULL AND next_attempt_at <= :now) OR (state = 'RUNNING' AND lease_until <"
                + " :now) ORDER BY next_attempt_at LIMIT :l FOR UPDATE SKIP LOCKED")
        .bind("now", Timestamp.from(now))
        .bind("l", limit)
        .map((rs, ctx) -> map(rs))
        .list()
        .stream()
        .map(JdbcPushRepository::withSlots)
        .toList();
  }

  private static PushTarget withSlots(PushTarget t) {
    return with(
        t,
        h().createQuery(
                "SELECT "
                    + SLOT_COLUMNS
                    + " FROM push_certificates WHERE application_id = :id ORDER BY ordinal")
            .bind("id", t.applicationId())
            .map((rs, ctx) -> slot(rs))
            .list());
  }

  private static PushTarget with(PushTarget t, List<CertificateSlot> slots) {
    return new PushTarget(
        t.applicationId(), t.access(), t.job(), slots, t.createdAt(), t.updatedAt());
  }

  private static void insertSlots(PushTarget t) {
    if (t.certificates().isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h().prepareBatch(
                "INSERT INTO push_certificates ("
                    + SLOT_COLUMNS
                    + ") VALUES (CAST(:application_id AS UUID), :ordinal, :certificate_type,"
                    + " :skipped, CAST(:request_id AS UUID), :key_blob, :certificate_der,"
                    + " :certificate_thumbprint, :not_before, :not_after)");
    int ordinal = 0;
    for (CertificateSlot s : t.certificates()) {
      CertificateSlot.InFlight f = s.inFlight();
      InstalledCertificate c = s.installed();
      batch
          .bind("application_id", t.applicationId().toString())
          .bind("ordinal", ordinal++)
          .bind("certificate_type", clip(s.type(), 128))
          .bind("skipped", s.skipped() == null ? null : clip(s.skipped(), 512))
          .bind("request_id", f == null ? null : f.requestId().toString())
          .bind("key_blob", f == null ? null : f.keyBlob())
          .bind("certificate_der", c == null ? null : c.der())
          .bind("certificate_thumbprint", c == null ? null : c.thumbprint())
          .bind("not_before", c == null ? null : Timestamp.from(c.notBefore()))
          .bind("not_after", c == null ? null : Timestamp.from(c.notAfter()))
          .add();
    }
    batch.execute();
  }

  private static Update bind(Update u, PushTarget t) {
    PushJob j = t.job();
    PushJob.TrustWritten trust = j.trust();
    return u.bind("application_id", t.applicationId().toString())
        .bind("endpoint_url", t.endpointUrl())
        .bind("security_policy_uri", t.securityPolicyUri())
        .bind("target_user", t.targetUser())
        .bind("password_blob", t.passwordBlob())
        .bind("pinned_thumbprint", t.pinnedThumbprint())
        .bind("key_mode", t.keyMode().name())
        .bind("state", j.state().name())
        .bind("scope", j.scope().name())
        .bind("rerun_scope", j.rerunScope() == null ? null : j.rerunScope().name())
        .bind("phase", j.phase() == null ? null : clip(j.phase(), 256))
        .bind("attempts", j.attempts())
        .bind("last_error", j.lastError() == null ? null : clip(j.lastError(), 2048))
        .bind("last_push", ts(j.lastPush()))
        .bind("next_attempt_at", ts(j.nextAttemptAt()))
        .bind("lease_until", ts(t.leaseUntil()))
        .bind("claimed_by", t.claimedBy())
        .bind("trust_digest", trust == null ? null : trust.digest())
        .bind("trust_crls_kept", trust == null ? null : trust.crlsKept())
        .bind("created_at", ts(t.createdAt()))
        .bind("updated_at", ts(t.updatedAt()));
  }

  private static PushTarget map(ResultSet rs) throws SQLException {
    String rerun = rs.getString("rerun_scope");
    String node = rs.getString("claimed_by");
    Instant leaseUntil = instant(rs.getTimestamp("lease_until"));
    String digest = rs.getString("trust_digest");
    PushJob job =
        new PushJob(
            PushState.valueOf(rs.getString("state")),
            PushScope.valueOf(rs.getString("scope")),
            rerun == null ? null : PushScope.valueOf(rerun),
            rs.getString("phase"),
            rs.getInt("attempts"),
            rs.getString("last_error"),
            instant(rs.getTimestamp("last_push")),
            instant(rs.getTimestamp("next_attempt_at")),
            node == null || leaseUntil == null ? null : new PushJob.Lease(node, leaseUntil),
            digest == null
                ? null
                : new PushJob.TrustWritten(digest, rs.getBoolean("trust_crls_kept")));
    return new PushTarget(
        rs.getObject("application_id", UUID.class),
        new TargetAccess(
            rs.getString("endpoint_url"),
            rs.getString("security_policy_uri"),
            rs.getString("target_user"),
            rs.getBytes("password_blob"),
            rs.getString("pinned_thumbprint"),
            KeyMode.valueOf(rs.getString("key_mode"))),
        job,
        List.of(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static CertificateSlot slot(ResultSet rs) throws SQLException {
    UUID requestId = rs.getObject("request_id", UUID.class);
    byte[] der = rs.getBytes("certificate_der");
    return new CertificateSlot(
        rs.getString("certificate_type"),
        rs.getString("skipped"),
        requestId == null ? null : new CertificateSlot.InFlight(requestId, rs.getBytes("key_blob")),
        der == null
            ? null
            : new InstalledCertificate(
                der,
                rs.getString("certificate_thumbprint"),
                rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant()));
  }

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static Handle h() {
    return JdbiTransactions.handle();
  }

  private static @Nullable Timestamp ts(@Nullable Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
