/** The load harness: commands, runs and the result tables. */
@NullMarked
package io.gdsvault.bench;

import org.jspecify.annotations.NullMarked;
