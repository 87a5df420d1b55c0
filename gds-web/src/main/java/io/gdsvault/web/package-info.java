/** The HTTPS web console and REST API of the GDS: server, certificate and wiring. */
@org.jspecify.annotations.NullMarked
package io.gdsvault.web;
