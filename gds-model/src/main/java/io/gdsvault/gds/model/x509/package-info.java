/**
 * X.509 helpers on the plain JDK, shared by the GDS and the device simulator: one way to parse a
 * certificate, one OPC UA thumbprint, one failure behaviour ({@link InvalidCertificateException}).
 */
@NullMarked
package io.gdsvault.gds.model.x509;

import org.jspecify.annotations.NullMarked;
