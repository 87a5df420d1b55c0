package io.gdsvault.web.api;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;

/** How a service's refusal reads over HTTP: one status and error code per {@link Reason}. */
public final class Errors {

  private Errors() {}

  /** The refusal as an HTTP error (the service's message is safe to show). */
  public static ApiException of(GdsException e) {
    Reason r = e.reason();
    return new ApiException(
        status(r), code(r), java.util.Objects.requireNonNullElse(e.getMessage(), "refused"), null);
  }

  public static int status(Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> 404;
      case INVALID_ARGUMENT, CERTIFICATE_URI_INVALID, NOT_SUPPORTED -> 400;
      case ENTRY_EXISTS, INVALID_STATE, NOTHING_TO_DO, REQUEST_NOT_ALLOWED -> 409;
      case ACCESS_DENIED, SECURITY_MODE_INSUFFICIENT -> 403;
      case TOO_MANY_OPERATIONS, RESOURCE_UNAVAILABLE -> 429;
      case TIMEOUT -> 503;
    };
  }

  public static String code(Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> "not_found";
      case INVALID_ARGUMENT, NOT_SUPPORTED -> "invalid_input";
      case CERTIFICATE_URI_INVALID -> "certificate_uri_invalid";
      case ENTRY_EXISTS -> "conflict";
      case INVALID_STATE, NOTHING_TO_DO, REQUEST_NOT_ALLOWED -> "wrong_state";
      case ACCESS_DENIED, SECURITY_MODE_INSUFFICIENT -> "forbidden";
      case TOO_MANY_OPERATIONS, RESOURCE_UNAVAILABLE -> "quota_exceeded";
      case TIMEOUT -> "timeout";
    };
  }
}
