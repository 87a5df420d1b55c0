package io.gdsvault.sim.pull;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** What FinishRequest delivered, with the locally made key (CSR) or the opened GDS key. */
record Issued(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {}
