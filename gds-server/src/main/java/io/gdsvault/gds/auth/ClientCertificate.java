package io.gdsvault.gds.auth;

import java.time.Instant;

/**
 * A client application certificate known to the secure channel layer.
 *
 * @param thumbprint SHA-1 hex (lower case)
 * @param state "rejected" (strict mode refused it) or "trusted"
 */
public record ClientCertificate(
    String thumbprint, String state, String subject, String applicationUri, Instant notAfter) {}
