package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gdsvault.ca.CaException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Runs what should be refused and returns the {@link Reason}; fails if nothing is thrown. */
final class Refusals {

  private Refusals() {}

  static Reason reasonOf(ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).isInstanceOf(CaException.class);
    return ((CaException) t).reason();
  }
}
