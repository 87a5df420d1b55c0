package io.gdsvault.ca;

/**
 * One step of request validation. Steps are small and composable: the CA runs its own fixed steps,
 * and the server adds ones that need its knowledge (the registered ApplicationUri).
 */
@FunctionalInterface
public interface CsrCheck {

  /** Passes silently or throws a {@link CaException} with a reason and a safe message. */
  void check(CertificateRequest request) throws CaException;

  /** This step, then {@code next}. */
  default CsrCheck and(CsrCheck next) {
    return request -> {
      check(request);
      next.check(request);
    };
  }
}
