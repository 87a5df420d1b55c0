package io.gdsvault.gds.push;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The state of a target's push job, as operators see it, and the moves between states (the job
 * state machine; {@link PushJob} holds the named transitions that use them).
 *
 * <ul>
 *   <li>{@code PENDING}: queued, or waiting for its certificate request to be approved; due at its
 *       next attempt time.
 *   <li>{@code RUNNING}: claimed by a node that holds a lease; a running job whose lease ran out
 *       (its node died) is claimed again by another node.
 *   <li>{@code SUCCEEDED}: the last push ended well; a trigger queues the next one.
 *   <li>{@code FAILED}: the last attempt failed; with attempts left it has a next attempt time,
 *       otherwise it stays failed until the next trigger.
 * </ul>
 */
public enum PushState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The states a job in this state may move to in one transition. */
  public Set<PushState> successors() {
    return switch (this) {
      // queued again (scope widened) or claimed
      case PENDING -> EnumSet.of(PENDING, RUNNING);
      // heartbeat or takeover; waiting, released or rerun; the two ends
      case RUNNING -> EnumSet.allOf(PushState.class);
      // queued by a trigger
      case SUCCEEDED -> EnumSet.of(PENDING);
      // queued by a trigger, or a retry claimed
      case FAILED -> EnumSet.of(PENDING, RUNNING);
    };
  }

  public boolean mayBecome(PushState next) {
    return successors().contains(next);
  }

  /** A push is queued or under way (an operator's run joins it instead of queueing another). */
  public boolean isActive() {
    return this == PENDING || this == RUNNING;
  }
}
