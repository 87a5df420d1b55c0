package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.push.KeyMode;
import io.gdsvault.gds.push.PushRepository;
import io.gdsvault.gds.push.PushScope;
import io.gdsvault.gds.push.PushState;
import io.gdsvault.gds.push.PushTarget;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * {@link PushRepository} on plain SQL. Due jobs are claimed with {@code FOR UPDATE SKIP LOCKED}
 * (PostgreSQL and H2), so several nodes on one database never run the same job twice.
 */
public final class JdbcPushRepository implements PushRepository {

  private static final String COLUMNS =
      "application_id, endpoint_url, security_policy_uri, target_user, password_blob,"
          + " pinned_thumbprint, key_mode, state, scope, rerun_scope, phase, attempts, last_error,"
          + " last_push, next_attempt_at, lease_until, claimed_by, request_id, key_blob,"
          + " certificate_der, certificate_thumbprint, not_before, not_after, created_at,"
          + " updated_at";

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
                        + " CAST(:request_id AS UUID), :key_blob, :certificate_der,"
                        + " :certificate_thumbprint, :not_before, :not_after, :created_at,"
                        + " :updated_at)"),
            t)
        .execute();
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
                        + " = :lease_until, claimed_by = :claimed_by, request_id = CAST(:request_id"
                        + " AS UUID), key_blob = :key_blob, certificate_der = :certificate_der,"
                        + " certificate_thumbprint = :certificate_thumbprint, not_before ="
                        + " :not_before, not_after = :not_after, created_at = :created_at,"
                        + " updated_at = :updated_at WHERE application_id = CAST(:application_id AS"
                        + " UUID)"),
            t)
        .execute();
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
        .findOne();
  }

  @Override
  public Optional<PushTarget> findForUpdate(UUID applicationId) {
    return h().createQuery(
            "SELECT " + COLUMNS + " FROM push_targets WHERE application_id = :id FOR UPDATE")
        .bind("id", applicationId)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  @Override
  public List<PushTarget> list() {
    return h().createQuery(
            "SELECT " + COLUMNS + " FROM push_targets ORDER BY created_at, application_id")
        .map((rs, ctx) -> map(rs))
        .list();
  }

  @Override
  public List<PushTarget> lockDue(Instant now, int limit) {
    return h().createQuery(
            "SELECT "
                + COLUMNS
                + " FROM push_targets WHERE (state IN ('PENDING', 'FAILED') AND next_attempt_at IS"
                + " NOT NULL AND next_attempt_at <= :now) OR (state = 'RUNNING' AND lease_until <"
                + " :now) ORDER BY next_attempt_at LIMIT :l FOR UPDATE SKIP LOCKED")
        .bind("now", Timestamp.from(now))
        .bind("l", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  private static Update bind(Update u, PushTarget t) {
    return u.bind("application_id", t.applicationId().toString())
        .bind("endpoint_url", t.endpointUrl())
        .bind("security_policy_uri", t.securityPolicyUri())
        .bind("target_user", t.targetUser())
        .bind("password_blob", t.passwordBlob())
        .bind("pinned_thumbprint", t.pinnedThumbprint())
        .bind("key_mode", t.keyMode().name())
        .bind("state", t.state().name())
        .bind("scope", t.scope().name())
        .bind("rerun_scope", t.rerunScope() == null ? null : t.rerunScope().name())
        .bind("phase", t.phase() == null ? null : clip(t.phase(), 256))
        .bind("attempts", t.attempts())
        .bind("last_error", t.lastError() == null ? null : clip(t.lastError(), 2048))
        .bind("last_push", ts(t.lastPush()))
        .bind("next_attempt_at", ts(t.nextAttemptAt()))
        .bind("lease_until", ts(t.leaseUntil()))
        .bind("claimed_by", t.claimedBy())
        .bind("request_id", t.requestId() == null ? null : t.requestId().toString())
        .bind("key_blob", t.keyBlob())
        .bind("certificate_der", t.certificateDer())
        .bind("certificate_thumbprint", t.certificateThumbprint())
        .bind("not_before", ts(t.notBefore()))
        .bind("not_after", ts(t.notAfter()))
        .bind("created_at", ts(t.createdAt()))
        .bind("updated_at", ts(t.updatedAt()));
  }

  private static PushTarget map(ResultSet rs) throws SQLException {
    String rerun = rs.getString("rerun_scope");
    return new PushTarget(
        rs.getObject("application_id", UUID.class),
        rs.getString("endpoint_url"),
        rs.getString("security_policy_uri"),
        rs.getString("target_user"),
        rs.getBytes("password_blob"),
        rs.getString("pinned_thumbprint"),
        KeyMode.valueOf(rs.getString("key_mode")),
        PushState.valueOf(rs.getString("state")),
        PushScope.valueOf(rs.getString("scope")),
        rerun == null ? null : PushScope.valueOf(rerun),
        rs.getString("phase"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs.getTimestamp("last_push")),
        instant(rs.getTimestamp("next_attempt_at")),
        instant(rs.getTimestamp("lease_until")),
        rs.getString("claimed_by"),
        rs.getObject("request_id", UUID.class),
        rs.getBytes("key_blob"),
        rs.getBytes("certificate_der"),
        rs.getString("certificate_thumbprint"),
        instant(rs.getTimestamp("not_before")),
        instant(rs.getTimestamp("not_after")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
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
