package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.ca.CaException;
import io.gdsvault.ca.CaGeneration;
import io.gdsvault.ca.CaStateStore;
import io.gdsvault.ca.RevokedEntry;
import io.gdsvault.ca.StoredCrl;
import io.gdsvault.gds.persistence.Transactions;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * vault-signer's {@link CaStateStore} in the GDS database, so every node that shares the database
 * shares serial reservations, CRL numbers, revocations and CRLs. Each method is one transaction (or
 * joins the caller's). Inserts check first instead of relying on a failed insert, because a failed
 * statement aborts an enclosing PostgreSQL transaction.
 */
public final class JdbcCaStateStore implements CaStateStore {

  private final Transactions tx;

  public JdbcCaStateStore(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public List<CaGeneration> generations(String caName) throws CaException {
    return run(
        () ->
            h().createQuery(
                    "SELECT generation, ca_id, key_alias, certificate_der, created_at"
                        + " FROM ca_generations WHERE ca_name = :n ORDER BY generation")
                .bind("n", caName)
                .map(
                    (rs, ctx) ->
                        new CaGeneration(
                            rs.getInt(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBytes(4),
                            rs.getTimestamp(5).toInstant()))
                .list());
  }

  @Override
  public boolean addGeneration(String caName, CaGeneration g) throws CaException {
    return run(
        () -> {
          boolean exists =
              h().createQuery(
                          "SELECT COUNT(*) FROM ca_generations WHERE ca_name = :n AND generation ="
                              + " :g")
                      .bind("n", caName)
                      .bind("g", g.generation())
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (exists) {
            return false;
          }
          h().createUpdate(
                  "INSERT INTO ca_generations (ca_name, generation, ca_id, key_alias,"
                      + " certificate_der, created_at) VALUES (:n, :g, :id, :alias, :der, :at)")
              .bind("n", caName)
              .bind("g", g.generation())
              .bind("id", g.caId())
              .bind("alias", g.keyAlias())
              .bind("der", g.certificateDer())
              .bind("at", Timestamp.from(g.createdAt()))
              .execute();
          return true;
        });
  }

  @Override
  public boolean reserveSerial(String caId, BigInteger serial) throws CaException {
    // one statement: the primary key decides, and a serial already taken inserts nothing
    return run(
        () ->
            h().createUpdate(
                        "INSERT INTO ca_serials (ca_id, serial) VALUES (:c, :s)"
                            + " ON CONFLICT DO NOTHING")
                    .bind("c", caId)
                    .bind("s", serial.toString(16))
                    .execute()
                == 1);
  }

  @Override
  public boolean serialReserved(String caId, BigInteger serial) throws CaException {
    return run(() -> reserved(caId, serial));
  }

  private boolean reserved(String caId, BigInteger serial) {
    return h().createQuery("SELECT COUNT(*) FROM ca_serials WHERE ca_id = :c AND serial = :s")
            .bind("c", caId)
            .bind("s", serial.toString(16))
            .mapTo(Long.class)
            .one()
        > 0;
  }

  @Override
  public long nextCrlNumber(String caId) throws CaException {
    // the first number of a CA may race between nodes: the loser's insert fails, it retries
    for (int attempt = 1; ; attempt++) {
      try {
        return nextCrlNumberOnce(caId);
      } catch (CaException e) {
        if (attempt >= 5) {
          throw e;
        }
      }
    }
  }

  private long nextCrlNumberOnce(String caId) throws CaException {
    return run(
        () -> {
          int updated =
              h().createUpdate(
                      "UPDATE ca_crl_numbers SET last_number = last_number + 1 WHERE ca_id = :c")
                  .bind("c", caId)
                  .execute();
          if (updated == 0) {
            h().createUpdate("INSERT INTO ca_crl_numbers (ca_id, last_number) VALUES (:c, 1)")
                .bind("c", caId)
                .execute();
            return 1L;
          }
          return h().createQuery("SELECT last_number FROM ca_crl_numbers WHERE ca_id = :c")
              .bind("c", caId)
              .mapTo(Long.class)
              .one();
        });
  }

  @Override
  public boolean addRevoked(String caId, RevokedEntry entry) throws CaException {
    return run(
        () -> {
          boolean exists =
              h().createQuery("SELECT COUNT(*) FROM ca_revoked WHERE ca_id = :c AND serial = :s")
                      .bind("c", caId)
                      .bind("s", entry.serialNumber().toString(16))
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (exists) {
            return false;
          }
          h().createUpdate(
                  "INSERT INTO ca_revoked (ca_id, serial, revoked_at) VALUES (:c, :s, :at)")
              .bind("c", caId)
              .bind("s", entry.serialNumber().toString(16))
              .bind("at", Timestamp.from(entry.revokedAt()))
              .execute();
          return true;
        });
  }

  @Override
  public List<RevokedEntry> revoked(String caId) throws CaException {
    return run(
        () ->
            h().createQuery(
                    "SELECT serial, revoked_at FROM ca_revoked WHERE ca_id = :c ORDER BY serial")
                .bind("c", caId)
                .map(
                    (rs, ctx) ->
                        new RevokedEntry(
                            new BigInteger(rs.getString(1), 16), rs.getTimestamp(2).toInstant()))
                .list());
  }

  @Override
  public void saveCrl(String caId, StoredCrl crl) throws CaException {
    run(
        () -> {
          int updated =
              h().createUpdate(
                      "UPDATE ca_crls SET crl_number = :n, der = :d"
                          + " WHERE ca_id = :c AND crl_number < :n")
                  .bind("c", caId)
                  .bind("n", crl.crlNumber())
                  .bind("d", crl.der())
                  .execute();
          if (updated == 0) {
            boolean exists =
                h().createQuery("SELECT COUNT(*) FROM ca_crls WHERE ca_id = :c")
                        .bind("c", caId)
                        .mapTo(Long.class)
                        .one()
                    > 0;
            if (!exists) {
              h().createUpdate("INSERT INTO ca_crls (ca_id, crl_number, der) VALUES (:c, :n, :d)")
                  .bind("c", caId)
                  .bind("n", crl.crlNumber())
                  .bind("d", crl.der())
                  .execute();
            }
          }
          return null;
        });
  }

  @Override
  public Optional<StoredCrl> latestCrl(String caId) throws CaException {
    return run(
        () ->
            h().createQuery("SELECT crl_number, der FROM ca_crls WHERE ca_id = :c")
                .bind("c", caId)
                .map((rs, ctx) -> new StoredCrl(rs.getLong(1), rs.getBytes(2)))
                .findOne());
  }

  private static Handle h() {
    return JdbiTransactions.handle();
  }

  private <T> T run(Supplier<T> work) throws CaException {
    try {
      return tx.inTransaction(work);
    } catch (RuntimeException e) {
      throw new CaException(
          CaException.Reason.STORE_FAILED, "CA state cannot be read or written", e);
    }
  }
}
