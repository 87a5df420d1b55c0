/** Simulated devices, their sessions, and the flows they run against either server. */
@NullMarked
package io.gdsvault.bench.client;

import org.jspecify.annotations.NullMarked;
