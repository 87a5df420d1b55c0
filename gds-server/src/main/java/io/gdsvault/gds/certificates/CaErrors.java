package io.gdsvault.gds.certificates;

import io.gdsvault.ca.CaException;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.util.Objects;

/**
 * The one place where the certificate manager turns CA results into domain results: refusals (a bad
 * CSR, a wrong URI) become {@link GdsException}s with their reason, CA failures (signer, store,
 * template) stay internal errors. Every call into the CA from this package goes through {@link
 * #call}.
 */
final class CaErrors {

  /** Work that calls the CA. */
  @FunctionalInterface
  interface CaCall<T> {
    T call() throws CaException;
  }

  private CaErrors() {}

  /** Runs {@code work}, mapping a {@link CaException} with {@link #map}. */
  static <T> T call(CaCall<T> work) {
    try {
      return work.call();
    } catch (CaException e) {
      throw map(e);
    }
  }

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
