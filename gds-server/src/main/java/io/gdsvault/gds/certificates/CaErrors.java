package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CaException;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.util.Objects;

/** Turns CA refusals into domain refusals; CA failures stay internal errors. */
final class CaErrors {

  private CaErrors() {}

  static RuntimeException map(CaException e) {
    return switch (e.reason()) {
      case CERTIFICATE_URI_INVALID -> new GdsException(Reason.CERTIFICATE_URI_INVALID, message(e));
      case CSR_TOO_LARGE,
          CSR_MALFORMED,
          CSR_SIGNATURE_INVALID,
          KEY_TOO_WEAK,
          KEY_TYPE_MISMATCH,
          ALGORITHM_UNSUPPORTED,
          INVALID_ARGUMENT ->
          GdsException.invalid(message(e));
      case NOT_FOUND -> GdsException.notFound("certificate");
      case SIGNER_UNAVAILABLE, STORE_FAILED, TEMPLATE_INVALID ->
          new IllegalStateException("CA failure: " + e.getMessage(), e);
    };
  }

  /** The CA's safe message; CaException always carries one, its reason stands in otherwise. */
  private static String message(CaException e) {
    return Objects.requireNonNullElse(e.getMessage(), e.reason().name());
  }
}
