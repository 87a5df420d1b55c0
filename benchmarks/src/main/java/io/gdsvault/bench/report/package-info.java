/** Medians, percentiles, machine load and Markdown tables. */
@NullMarked
package io.gdsvault.bench.report;

import org.jspecify.annotations.NullMarked;
