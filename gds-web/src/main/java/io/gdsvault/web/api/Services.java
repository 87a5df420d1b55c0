package io.gdsvault.web.api;

import io.gdsvault.ca.CaException;
import io.gdsvault.gds.model.GdsException;
import java.util.function.Supplier;

/** Calls a service and turns its refusal into the HTTP error of its reason. */
public final class Services {

  private Services() {}

  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (GdsException e) {
      throw Errors.of(e);
    }
  }

  public static void run(Runnable call) {
    try {
      call.run();
    } catch (GdsException e) {
      throw Errors.of(e);
    }
  }

  /** A CA operation that may fail (reading a CRL). */
  public interface CaCall<T> {
    T get() throws CaException;
  }

  public static <T> T ca(CaCall<T> call) {
    try {
      return call.get();
    } catch (CaException e) {
      throw new ApiException(503, "ca_unavailable", "the CA cannot answer now", null);
    } catch (GdsException e) {
      throw Errors.of(e);
    }
  }
}
