/** The servers under measurement as child processes: start, readiness, CPU and heap. */
@NullMarked
package io.gdsvault.bench.process;

import org.jspecify.annotations.NullMarked;
