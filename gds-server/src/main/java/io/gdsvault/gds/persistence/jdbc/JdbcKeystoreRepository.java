package io.gdsvault.gds.persistence.jdbc;

import io.gdsvault.gds.trust.KeystoreRepository;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link KeystoreRepository} on plain SQL. */
public final class JdbcKeystoreRepository implements KeystoreRepository {

  @Override
  public Optional<byte[]> load(String name) {
    return h().createQuery("SELECT content FROM ca_keystores WHERE name = :n")
        .bind("n", name)
        .map((rs, ctx) -> rs.getBytes(1))
        .findOne();
  }

  @Override
  public void save(String name, byte[] content, Instant now) {
    int updated =
        h().createUpdate("UPDATE ca_keystores SET content = :c, updated_at = :t WHERE name = :n")
            .bind("n", name)
            .bind("c", content)
            .bind("t", Timestamp.from(now))
            .execute();
    if (updated == 0) {
      h().createUpdate("INSERT INTO ca_keystores (name, content, updated_at) VALUES (:n, :c, :t)")
          .bind("n", name)
          .bind("c", content)
          .bind("t", Timestamp.from(now))
          .execute();
    }
  }

  private static Handle h() {
    return JdbiTransactions.handle();
  }
}
