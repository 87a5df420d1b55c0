package io.gdsvault.gds.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gdsvault.gds.certificates.CertificateRequestRecord;
import io.gdsvault.gds.certificates.CertificateRequestRepository;
import io.gdsvault.gds.certificates.PrivateKeyFormat;
import io.gdsvault.gds.certificates.RequestHistoryEntry;
import io.gdsvault.gds.certificates.RequestKind;
import io.gdsvault.gds.certificates.RequestState;
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

/** {@link CertificateRequestRepository} on plain SQL (H2 in PostgreSQL mode and PostgreSQL). */
public final class JdbcCertificateRequestRepository implements CertificateRequestRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String COLUMNS =
      "request_id, application_id, application_uri, certificate_group, certificate_type, kind,"
          + " state, subject_name, domain_names_json, key_type, private_key_format, csr_der,"
          + " csr_seal, key_blob, key_blob_expires_at, requested_by, requester_thumbprint,"
          + " created_at, decided_by, decided_at, decision_text, certificate_der, serial, ca_id,"
          + " delivered_at, pending_secret";

  @Override
  public void insert(CertificateRequestRecord r) {
    Update u =
        h().createUpdate(
                "INSERT INTO certificate_requests ("
                    + COLUMNS
                    + ") VALUES (:request_id, :application_id, :application_uri,"
                    + " :certificate_group, :certificate_type, :kind, :state, :subject_name,"
                    + " :domain_names_json, :key_type, :private_key_format, :csr_der, :csr_seal,"
                    + " :key_blob, :key_blob_expires_at, :requested_by, :requester_thumbprint,"
                    + " :created_at, :decided_by, :decided_at, :decision_text, :certificate_der,"
                    + " :serial, :ca_id, :delivered_at, :pending_secret)");
    bind(u, r).execute();
  }

  @Override
  public void update(CertificateRequestRecord r) {
    Update u =
        h().createUpdate(
                "UPDATE certificate_requests SET state = :state, subject_name = :subject_name,"
                    + " domain_names_json = :domain_names_json, key_type = :key_type,"
                    + " private_key_format = :private_key_format, csr_der = :csr_der, csr_seal ="
                    + " :csr_seal, key_blob = :key_blob, key_blob_expires_at ="
                    + " :key_blob_expires_at, decided_by = :decided_by, decided_at = :decided_at,"
                    + " decision_text = :decision_text, certificate_der = :certificate_der, serial"
                    + " = :serial, ca_id = :ca_id, delivered_at = :delivered_at, application_uri ="
                    + " :application_uri, application_id = :application_id, certificate_group ="
                    + " :certificate_group, certificate_type = :certificate_type, kind = :kind,"
                    + " requested_by = :requested_by, requester_thumbprint = :requester_thumbprint,"
                    + " created_at = :created_at, pending_secret = :pending_secret"
                    + " WHERE request_id = :request_id");
    bind(u, r).execute();
  }

  private static Update bind(Update u, CertificateRequestRecord r) {
    return u.bind("request_id", r.requestId())
        .bind("application_id", r.applicationId())
        .bind("application_uri", r.applicationUri())
        .bind("certificate_group", r.certificateGroup())
        .bind("certificate_type", r.certificateType())
        .bind("kind", r.kind().name())
        .bind("state", r.state().name())
        .bind("subject_name", r.subjectName())
        .bind("domain_names_json", json(r.domainNames()))
        .bind("key_type", r.keyType())
        .bind(
            "private_key_format", r.privateKeyFormat() == null ? null : r.privateKeyFormat().name())
        .bind("csr_der", r.csrDer())
        .bind("csr_seal", r.csrSeal())
        .bind("key_blob", r.keyBlob())
        .bind("key_blob_expires_at", ts(r.keyBlobExpiresAt()))
        .bind("requested_by", r.requestedBy())
        .bind("requester_thumbprint", r.requesterThumbprint())
        .bind("created_at", ts(r.createdAt()))
        .bind("decided_by", r.decidedBy())
        .bind("decided_at", ts(r.decidedAt()))
        .bind("decision_text", r.decisionText())
        .bind("certificate_der", r.certificateDer())
        .bind("serial", r.serial())
        .bind("ca_id", r.caId())
        .bind("delivered_at", ts(r.deliveredAt()))
        .bind("pending_secret", r.pendingSecret());
  }

  @Override
  public Optional<CertificateRequestRecord> find(UUID requestId) {
    return h().createQuery(
            "SELECT " + COLUMNS + " FROM certificate_requests WHERE request_id = :id")
        .bind("id", requestId)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  @Override
  public Optional<CertificateRequestRecord> findForUpdate(UUID requestId) {
    return h().createQuery(
            "SELECT " + COLUMNS + " FROM certificate_requests WHERE request_id = :id FOR UPDATE")
        .bind("id", requestId)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  @Override
  public List<CertificateRequestRecord> list(List<RequestState> states, int limit) {
    if (states.isEmpty()) {
      return h().createQuery(
              "SELECT " + COLUMNS + " FROM certificate_requests ORDER BY created_at LIMIT :l")
          .bind("l", limit)
          .map((rs, ctx) -> map(rs))
          .list();
    }
    return h().createQuery(
            "SELECT "
                + COLUMNS
                + " FROM certificate_requests WHERE state IN (<states>)"
                + " ORDER BY created_at LIMIT :l")
        .bindList("states", states.stream().map(Enum::name).toList())
        .bind("l", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  @Override
  public List<CertificateRequestRecord> findByApplication(UUID applicationId) {
    return h().createQuery(
            "SELECT "
                + COLUMNS
                + " FROM certificate_requests WHERE application_id = :a"
                + " ORDER BY created_at")
        .bind("a", applicationId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  @Override
  public OpenCounts openCounts(UUID applicationId, int overallCap) {
    // one round trip; the overall count stops at the cap (index on state), whatever the backlog
    return h().createQuery(
            "SELECT (SELECT COUNT(*) FROM certificate_requests"
                + " WHERE application_id = :a AND state IN ('NEW', 'APPROVED')),"
                + " (SELECT COUNT(*) FROM (SELECT 1 FROM certificate_requests"
                + " WHERE state IN ('NEW', 'APPROVED') LIMIT :cap) o)")
        .bind("a", applicationId)
        .bind("cap", overallCap)
        .map((rs, ctx) -> new OpenCounts(rs.getLong(1), rs.getLong(2)))
        .one();
  }

  @Override
  public List<CertificateRequestRecord> expiredKeyBlobs(Instant now) {
    return h().createQuery(
            "SELECT "
                + COLUMNS
                + " FROM certificate_requests WHERE key_blob IS NOT NULL"
                + " AND key_blob_expires_at < :now")
        .bind("now", Timestamp.from(now))
        .map((rs, ctx) -> map(rs))
        .list();
  }

  @Override
  public void addHistory(UUID requestId, RequestHistoryEntry e) {
    // the next position and the row in one statement (the request row is locked or new, so two
    // appends to one request do not race)
    h().createUpdate(
            "INSERT INTO certificate_request_history (request_id, position, at, actor, action,"
                + " text) SELECT :id, COALESCE(MAX(position), 0) + 1, :at, :actor, :action, :text"
                + " FROM certificate_request_history WHERE request_id = :id")
        .bind("id", requestId)
        .bind("at", Timestamp.from(e.at()))
        .bind("actor", e.actor())
        .bind("action", e.action())
        .bind("text", e.text() == null ? "" : e.text())
        .execute();
  }

  @Override
  public List<RequestHistoryEntry> history(UUID requestId) {
    return h().createQuery(
            "SELECT at, actor, action, text FROM certificate_request_history"
                + " WHERE request_id = :id ORDER BY position")
        .bind("id", requestId)
        .map(
            (rs, ctx) ->
                new RequestHistoryEntry(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  private static CertificateRequestRecord map(ResultSet rs) throws SQLException {
    String fmt = rs.getString("private_key_format");
    return CertificateRequestRecord.builder()
        .requestId(rs.getObject("request_id", UUID.class))
        .applicationId(rs.getObject("application_id", UUID.class))
        .applicationUri(rs.getString("application_uri"))
        .certificateGroup(rs.getString("certificate_group"))
        .certificateType(rs.getString("certificate_type"))
        .kind(RequestKind.valueOf(rs.getString("kind")))
        .state(RequestState.valueOf(rs.getString("state")))
        .subjectName(rs.getString("subject_name"))
        .domainNames(parse(rs.getString("domain_names_json")))
        .keyType(rs.getString("key_type"))
        .privateKeyFormat(fmt == null ? null : PrivateKeyFormat.valueOf(fmt))
        .csrDer(rs.getBytes("csr_der"))
        .csrSeal(rs.getBytes("csr_seal"))
        .keyBlob(rs.getBytes("key_blob"))
        .keyBlobExpiresAt(instant(rs.getTimestamp("key_blob_expires_at")))
        .requestedBy(rs.getString("requested_by"))
        .requesterThumbprint(rs.getString("requester_thumbprint"))
        .createdAt(rs.getTimestamp("created_at").toInstant())
        .decidedBy(rs.getString("decided_by"))
        .decidedAt(instant(rs.getTimestamp("decided_at")))
        .decisionText(rs.getString("decision_text"))
        .certificateDer(rs.getBytes("certificate_der"))
        .serial(rs.getString("serial"))
        .caId(rs.getString("ca_id"))
        .deliveredAt(instant(rs.getTimestamp("delivered_at")))
        .pendingSecret(rs.getBytes("pending_secret"))
        .build();
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

  private static String json(List<String> l) {
    try {
      return JSON.writeValueAsString(l);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> parse(String s) {
    try {
      return s == null ? List.of() : JSON.readValue(s, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored domain names are not JSON", e);
    }
  }
}
