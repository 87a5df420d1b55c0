/** /metrics (Prometheus text format via Micrometer) and /health. */
@org.jspecify.annotations.NullMarked
package io.gdsvault.web.metrics;
