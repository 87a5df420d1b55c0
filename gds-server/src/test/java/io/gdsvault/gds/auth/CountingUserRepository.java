package io.gdsvault.gds.auth;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory user store that counts every read (the spy of the hot-path tests). */
final class CountingUserRepository implements UserRepository {

  private record Row(String hash, Set<Role> roles) {}

  private final Map<String, Row> rows = new TreeMap<>();
  final AtomicInteger reads = new AtomicInteger();
  final AtomicInteger counts = new AtomicInteger();

  @Override
  public synchronized boolean insert(String name, String hash, Set<Role> roles, Instant now) {
    return rows.putIfAbsent(name, new Row(hash, EnumSet.copyOf(roles))) == null;
  }

  @Override
  public synchronized boolean delete(String name) {
    return rows.remove(name) != null;
  }

  @Override
  public synchronized boolean updatePasswordHash(String name, String hash, Instant now) {
    Row r = rows.get(name);
    if (r == null) {
      return false;
    }
    rows.put(name, new Row(hash, r.roles()));
    return true;
  }

  @Override
  public synchronized Optional<String> passwordHash(String name) {
    reads.incrementAndGet();
    return Optional.ofNullable(rows.get(name)).map(Row::hash);
  }

  @Override
  public synchronized Optional<User> find(String name) {
    reads.incrementAndGet();
    return Optional.ofNullable(rows.get(name)).map(r -> new User(name, r.roles()));
  }

  @Override
  public synchronized List<User> list() {
    reads.incrementAndGet();
    return rows.entrySet().stream().map(e -> new User(e.getKey(), e.getValue().roles())).toList();
  }

  @Override
  public synchronized long countWithRole(Role role) {
    counts.incrementAndGet();
    return rows.values().stream().filter(r -> r.roles().contains(role)).count();
  }

  @Override
  public synchronized long count() {
    counts.incrementAndGet();
    return rows.size();
  }
}
