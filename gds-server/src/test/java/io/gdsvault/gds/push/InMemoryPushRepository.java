package io.gdsvault.gds.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link PushRepository} in memory, with the due-job rule of the SQL one (no row locks). */
final class InMemoryPushRepository implements PushRepository {

  private final Map<UUID, PushTarget> rows = new LinkedHashMap<>();
  int updates;

  @Override
  public synchronized void insert(PushTarget target) {
    if (rows.putIfAbsent(target.applicationId(), target) != null) {
      throw new IllegalStateException("duplicate push target");
    }
  }

  @Override
  public synchronized void update(PushTarget target) {
    if (rows.replace(target.applicationId(), target) == null) {
      throw new IllegalStateException("no such push target");
    }
    updates++;
  }

  @Override
  public synchronized boolean delete(UUID applicationId) {
    return rows.remove(applicationId) != null;
  }

  @Override
  public synchronized Optional<PushTarget> find(UUID applicationId) {
    return Optional.ofNullable(rows.get(applicationId));
  }

  @Override
  public Optional<PushTarget> findForUpdate(UUID applicationId) {
    return find(applicationId);
  }

  @Override
  public synchronized List<PushTarget> list() {
    return new ArrayList<>(rows.values());
  }

  @Override
  public synchronized List<PushTarget> lockDue(Instant now, int limit) {
    return rows.values().stream()
        .filter(t -> due(t, now))
        .sorted(Comparator.comparing(t -> t.nextAttemptAt() == null ? now : t.nextAttemptAt()))
        .limit(limit)
        .toList();
  }

  private static boolean due(PushTarget t, Instant now) {
    Instant next = t.nextAttemptAt();
    Instant lease = t.leaseUntil();
    return switch (t.state()) {
      case PENDING, FAILED -> next != null && !next.isAfter(now);
      case RUNNING -> lease != null && lease.isBefore(now);
      case SUCCEEDED -> false;
    };
  }
}
