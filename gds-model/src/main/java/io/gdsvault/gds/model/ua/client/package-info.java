/**
 * The client side of a session to a GDS, shared by the {@code gds} CLI and the device simulator:
 * endpoint selection (SignAndEncrypt, preferred policies), the connect sequence, and pinning the
 * server certificate on first use.
 */
@NullMarked
package io.gdsvault.gds.model.ua.client;

import org.jspecify.annotations.NullMarked;
