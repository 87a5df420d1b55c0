package io.gdsvault.gds.certificates;

import java.time.Instant;

/** One step in a request's history: who did what, when, and why. */
public record RequestHistoryEntry(Instant at, String actor, String action, String text) {}
