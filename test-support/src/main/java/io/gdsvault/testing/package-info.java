/**
 * Fixtures for tests of every module (a test-scoped dependency only): {@link
 * io.gdsvault.testing.MutableClock} and {@link io.gdsvault.testing.Await}.
 */
@NullMarked
package io.gdsvault.testing;

import org.jspecify.annotations.NullMarked;
