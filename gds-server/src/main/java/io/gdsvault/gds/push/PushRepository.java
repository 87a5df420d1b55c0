package io.gdsvault.gds.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Push targets and their jobs; every method joins the transaction open on the thread. */
public interface PushRepository {

  void insert(PushTarget target);

  void update(PushTarget target);

  boolean delete(UUID applicationId);

  Optional<PushTarget> find(UUID applicationId);

  /** The row locked for update until the transaction ends. */
  Optional<PushTarget> findForUpdate(UUID applicationId);

  List<PushTarget> list();

  /**
   * Locks up to {@code limit} due jobs, skipping rows another node holds: pending or failed jobs
   * whose next attempt is due, and running jobs whose lease expired (their node died).
   */
  List<PushTarget> lockDue(Instant now, int limit);
}
