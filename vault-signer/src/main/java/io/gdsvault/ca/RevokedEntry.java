package io.gdsvault.ca;

import java.math.BigInteger;
import java.time.Instant;

/** A revoked serial number of one CA and when it was revoked. */
public record RevokedEntry(BigInteger serialNumber, Instant revokedAt) {}
