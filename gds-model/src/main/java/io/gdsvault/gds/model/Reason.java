package io.gdsvault.gds.model;

/**
 * Why a GDS operation was refused. The OPC UA layer maps each reason to exactly one StatusCode;
 * keep this list and that mapping in step (the mapper switches exhaustively).
 */
public enum Reason {
  /** An id (application, request, user) is not known. */
  NOT_FOUND,
  /** An argument breaks a Part 12 rule or a limit. */
  INVALID_ARGUMENT,
  /** The entry already exists (e.g. a second registration of the same ApplicationUri). */
  ENTRY_EXISTS,
  /** The caller's user lacks the role or privilege. */
  ACCESS_DENIED,
  /** The call came over a channel that is not encrypted. */
  SECURITY_MODE_INSUFFICIENT,
  /** A certificate request is still waiting for approval. */
  NOTHING_TO_DO,
  /** A certificate request was rejected. */
  REQUEST_NOT_ALLOWED,
  /** A CSR or certificate names a different ApplicationUri. */
  CERTIFICATE_URI_INVALID,
  /** The operation does not fit the current state. */
  INVALID_STATE,
  /** The GDS does not support what was asked. */
  NOT_SUPPORTED,
  /** A per-caller quota is used up (e.g. open requests of one application). */
  TOO_MANY_OPERATIONS,
  /** A server-wide capacity is used up (e.g. open requests overall). */
  RESOURCE_UNAVAILABLE,
  /** The work took longer than the server allows (e.g. a database statement timed out). */
  TIMEOUT
}
