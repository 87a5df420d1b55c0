package io.gdsvault.gds.push;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One job's way to its target: the opened password, a session made when a step first needs it, and
 * new sessions after ApplyChanges (targets may restart their endpoints), retried until the deadline
 * or the number of tries runs out. Closing it closes the session and wipes the password.
 */
final class TargetLink implements AutoCloseable {

  /** The pause before the first reconnect and between tries. */
  static final Duration FIRST_TRY = Duration.ofMillis(200);

  static final Duration RETRY = Duration.ofMillis(300);

  private final TargetConnector connector;
  private final PushTarget job;
  private final char[] password;
  private final Predicate<X509Certificate> serverTrust;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final BooleanSupplier stopping;
  private TargetConnector.@Nullable Session session;

  TargetLink(
      TargetConnector connector,
      PushTarget job,
      char[] password,
      Predicate<X509Certificate> serverTrust,
      Clock clock,
      Sleeper sleeper,
      Duration timeout,
      BooleanSupplier stopping) {
    this.connector = connector;
    this.job = job;
    this.password = password;
    this.serverTrust = serverTrust;
    this.clock = clock;
    this.sleeper = sleeper;
    this.timeout = timeout;
    this.stopping = stopping;
  }

  /** The open session, connecting first if there is none. */
  TargetConnector.Session session() {
    TargetConnector.Session s = session;
    if (s == null) {
      s = connect(serverTrust);
      session = s;
    }
    return s;
  }

  /** A fresh session after ApplyChanges, retried while the target restarts its endpoints. */
  TargetConnector.Session reconnect() {
    closeSession();
    TargetConnector.Session s;
    try {
      s = retry(FIRST_TRY, () -> connect(serverTrust));
    } catch (PushException e) {
      throw e.during("reconnecting after ApplyChanges");
    }
    session = s;
    return s;
  }

  /** A session of its own (closed by the caller) that trusts only {@code trust}. */
  TargetConnector.Session connect(Predicate<X509Certificate> trust) {
    return connector.connect(
        job.endpointUrl(), job.securityPolicyUri(), job.targetUser(), password, trust);
  }

  /** The server certificates the endpoint advertises (GetEndpoints, no session). */
  java.util.List<X509Certificate> endpointCertificates(String endpointUrl, String policyUri) {
    return connector.endpointCertificates(endpointUrl, policyUri);
  }

  /** Closes the session (the next step that needs one connects again). */
  void disconnect() {
    closeSession();
  }

  /** One try of a step that may fail while the target restarts. */
  @FunctionalInterface
  interface Try<T> {
    T get();
  }

  /**
   * Runs {@code step} after {@code first} until it succeeds, pausing between tries; gives up with
   * the last failure once the timeout passed on the clock or the tries that fit in it (plus one)
   * are used up, so it ends even under a clock that never moves.
   */
  <T> T retry(Duration first, Try<T> step) {
    Instant deadline = clock.instant().plus(timeout);
    long tries = 2 + timeout.toMillis() / RETRY.toMillis();
    if (!first.isZero()) {
      pause(first);
    }
    for (long i = 1; ; i++) {
      try {
        return step.get();
      } catch (PushException e) {
        if (e.kind() == PushException.Kind.INTERRUPTED
            || i >= tries
            || clock.instant().isAfter(deadline)
            || stopping.getAsBoolean()) {
          throw e;
        }
      }
      pause(RETRY);
    }
  }

  void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushException(PushException.Kind.INTERRUPTED, "interrupted");
    }
  }

  private void closeSession() {
    TargetConnector.Session s = session;
    session = null;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public void close() {
    try {
      closeSession();
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
