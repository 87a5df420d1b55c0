package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.certificates.IssuedCertificateRecord;
import io.gdsvault.gds.certificates.IssuedCertificateRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** {@link IssuedCertificateRepository} on plain SQL. */
public final class JdbcIssuedCertificateRepository implements IssuedCertificateRepository {

  private static final String COLUMNS =
      "ca_id, serial, application_id, certificate_group, certificate_type, request_id,"
          + " thumbprint, certificate_der, not_after, issued_at, revoked_at";

  @Override
  public void insert(IssuedCertificateRecord c) {
    h().createUpdate(
            "INSERT INTO issued_certificates ("
                + COLUMNS
                + ") VALUES (:ca, :serial, :app, :grp, :type, CAST(:req AS UUID), :thumb, :der,"
                + " :notAfter, :issuedAt, :revokedAt)")
        .bind("ca", c.caId())
        .bind("serial", c.serial())
        .bind("app", c.applicationId())
        .bind("grp", c.certificateGroup())
        .bind("type", c.certificateType())
        .bind("req", c.requestId() == null ? null : c.requestId().toString())
        .bind("thumb", c.thumbprint())
        .bind("der", c.certificateDer())
        .bind("notAfter", Timestamp.from(c.notAfter()))
        .bind("issuedAt", Timestamp.from(c.issuedAt()))
        .bind("revokedAt", c.revokedAt() == null ? null : Timestamp.from(c.revokedAt()))
        .execute();
  }

  @Override
  public Optional<IssuedCertificateRecord> find(String caId, String serial) {
    return h().createQuery(
            "SELECT " + COLUMNS + " FROM issued_certificates WHERE ca_id = :c AND serial = :s")
        .bind("c", caId)
        .bind("s", serial)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  @Override
  public List<IssuedCertificateRecord> findBySerial(String serial) {
    return h().createQuery("SELECT " + COLUMNS + " FROM issued_certificates WHERE serial = :s")
        .bind("s", serial)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  @Override
  public Optional<IssuedCertificateRecord> findByThumbprint(String thumbprint) {
    return h().createQuery("SELECT " + COLUMNS + " FROM issued_certificates WHERE thumbprint = :t")
        .bind("t", thumbprint)
        .map((rs, ctx) -> map(rs))
        .findFirst();
  }

  @Override
  public List<IssuedCertificateRecord> findByApplication(UUID applicationId) {
    return h().createQuery(
            "SELECT "
                + COLUMNS
                + " FROM issued_certificates WHERE application_id = :a"
                + " ORDER BY issued_at DESC, serial")
        .bind("a", applicationId)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  @Override
  public List<IssuedCertificateRecord> list(int limit) {
    return h().createQuery(
            "SELECT "
                + COLUMNS
                + " FROM issued_certificates ORDER BY issued_at DESC, serial"
                + " LIMIT :l")
        .bind("l", limit)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  @Override
  public void markRevoked(String caId, String serial, Instant at) {
    h().createUpdate(
            "UPDATE issued_certificates SET revoked_at = :at WHERE ca_id = :c AND serial = :s"
                + " AND revoked_at IS NULL")
        .bind("at", Timestamp.from(at))
        .bind("c", caId)
        .bind("s", serial)
        .execute();
  }

  @Override
  public void bind(UUID applicationId, String thumbprint, String boundBy, Instant at) {
    // an existing binding stays as it was (who bound it first, and when)
    h().createUpdate(
            "INSERT INTO certificate_bindings (application_id, thumbprint, bound_by, bound_at)"
                + " VALUES (:a, :t, :b, :at) ON CONFLICT DO NOTHING")
        .bind("a", applicationId)
        .bind("t", thumbprint)
        .bind("b", boundBy)
        .bind("at", Timestamp.from(at))
        .execute();
  }

  @Override
  public boolean isBound(UUID applicationId, String thumbprint) {
    return h().createQuery(
                "SELECT COUNT(*) FROM certificate_bindings WHERE application_id = :a"
                    + " AND thumbprint = :t")
            .bind("a", applicationId)
            .bind("t", thumbprint)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  @Override
  public void removeBindings(UUID applicationId) {
    h().createUpdate("DELETE FROM certificate_bindings WHERE application_id = :a")
        .bind("a", applicationId)
        .execute();
  }

  @Override
  public void removeBinding(UUID applicationId, String thumbprint) {
    h().createUpdate(
            "DELETE FROM certificate_bindings WHERE application_id = :a AND thumbprint = :t")
        .bind("a", applicationId)
        .bind("t", thumbprint)
        .execute();
  }

  private static IssuedCertificateRecord map(ResultSet rs) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new IssuedCertificateRecord(
        rs.getString("ca_id"),
        rs.getString("serial"),
        rs.getObject("application_id", UUID.class),
        rs.getString("certificate_group"),
        rs.getString("certificate_type"),
        rs.getObject("request_id", UUID.class),
        rs.getString("thumbprint"),
        rs.getBytes("certificate_der"),
        rs.getTimestamp("not_after").toInstant(),
        rs.getTimestamp("issued_at").toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  private static Handle h() {
    return JdbiTransactions.handle();
  }
}
