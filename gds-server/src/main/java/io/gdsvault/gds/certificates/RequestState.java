package io.gdsvault.gds.certificates;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a certificate request (Part 12 §7.9.5, states of the reference GDS): New, then
 * Approved or Rejected, then Accepted when the certificate was delivered by FinishRequest. A
 * request whose certificate is revoked becomes Revoked; one whose application was unregistered or
 * whose key expired undelivered becomes Removed.
 */
public enum RequestState {
  NEW,
  APPROVED,
  REJECTED,
  ACCEPTED,
  REVOKED,
  REMOVED;

  /** Whether the lifecycle allows moving from this state to {@code next}. */
  public boolean canMoveTo(RequestState next) {
    return successors().contains(next);
  }

  /** The states reachable in one step. */
  public Set<RequestState> successors() {
    return switch (this) {
      case NEW -> EnumSet.of(APPROVED, REJECTED, REMOVED);
      case APPROVED -> EnumSet.of(ACCEPTED, REVOKED, REMOVED);
      case ACCEPTED -> EnumSet.of(REVOKED, REMOVED);
      case REJECTED, REVOKED, REMOVED -> EnumSet.noneOf(RequestState.class);
    };
  }

  /**
   * Whether operators still have to act or the requester still has to collect (an open request).
   */
  public boolean isOpen() {
    return this == NEW || this == APPROVED;
  }

  /** The lower-case name used by the CLI and vendor methods. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RequestState> parse(String text) {
    for (RequestState s : values()) {
      if (s.name().equalsIgnoreCase(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
