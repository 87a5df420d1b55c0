package io.gdsvault.bench.client;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;

/** What one device does inside one session; the session is opened and closed around it. */
public interface Flow {

  /** Short name for tables, e.g. {@code csr} or {@code session+3}. */
  String name();

  /** The identity token of the session. */
  IdentityProvider identity();

  /** Whether the session presents the device's GDS-issued certificate. */
  boolean usesIssuedCertificate();

  /** The calls; throws on any bad status or unexpected output. */
  void run(OpcUaClient client, Device device) throws Exception;
}
