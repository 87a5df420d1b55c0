/** The REST API under /api/v1 (JSON): thin handlers over the GDS services. */
@org.jspecify.annotations.NullMarked
package io.gdsvault.web.api;
