package io.gdsvault.web.api;

import org.jspecify.annotations.Nullable;

/**
 * A refusal with its HTTP status, error code and safe message, and the field it concerns when it is
 * about one input.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final @Nullable String field;

  public ApiException(int status, String code, String message, @Nullable String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** 400 for one input field. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(400, "invalid_input", field + ": " + message, field);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " not found", null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public @Nullable String field() {
    return field;
  }
}
