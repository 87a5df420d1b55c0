/**
 * Fixtures for tests of every module (a test-scoped dependency only): {@link
 * io.gdsvault.testing.MutableClock}, {@link io.gdsvault.testing.Await}, and the property runner
 * {@link io.gdsvault.testing.Fuzz} with its byte {@link io.gdsvault.testing.Mutations} for the
 * hostile-input tests of the GDS and the simulator.
 */
@NullMarked
package io.gdsvault.testing;

import org.jspecify.annotations.NullMarked;
