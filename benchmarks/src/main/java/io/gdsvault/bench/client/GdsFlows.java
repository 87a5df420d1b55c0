package io.gdsvault.bench.client;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import java.util.Locale;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The GDS flows of Part 12's pull model, each checked call by call:
 *
 * <ul>
 *   <li>{@code csr}: a UserName session; RegisterApplication, StartSigningRequest (the device's
 *       CSR), FinishRequest (auto-approve issues at once);
 *   <li>{@code renew}: an anonymous session presenting the GDS-issued certificate (the GDS then
 *       treats the caller as the application acting for itself, ApplicationSelfAdmin);
 *       GetCertificateStatus, StartSigningRequest, FinishRequest;
 *   <li>{@code keypair-pem}/{@code keypair-pfx}: a UserName session; RegisterApplication,
 *       StartNewKeyPairRequest, FinishRequest until the key is ready (Bad_NothingToDo before).
 * </ul>
 */
public final class GdsFlows {

  private GdsFlows() {}

  public static Flow csr(String user, String password) {
    return flow("csr", Connector.identity(user, password), false, GdsFlows::pullWithCsr);
  }

  public static Flow renew() {
    return flow("renew", Connector.identity(null, null), true, GdsFlows::renewWithCsr);
  }

  /** {@code format} PEM or PFX; {@code keyPassword} empty for an unprotected key. */
  public static Flow newKeyPair(String user, String password, String format, String keyPassword) {
    return flow(
        "keypair-" + format.toLowerCase(Locale.ROOT),
        Connector.identity(user, password),
        false,
        (c, d) -> pullNewKeyPair(c, d, format, keyPassword));
  }

  /** The calls of a flow. */
  interface Calls {
    void run(OpcUaClient client, Device device) throws Exception;
  }

  private static Flow flow(String name, IdentityProvider identity, boolean issued, Calls calls) {
    return new Flow() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public IdentityProvider identity() {
        return identity;
      }

      @Override
      public boolean usesIssuedCertificate() {
        return issued;
      }

      @Override
      public void run(OpcUaClient client, Device device) throws Exception {
        calls.run(client, device);
      }
    };
  }

  private static void pullWithCsr(OpcUaClient c, Device d) throws Exception {
    NodeId app = GdsCalls.register(c, d);
    GdsCalls.finishSigning(c, app, GdsCalls.startSigningRequest(c, app, d), d);
  }

  private static void renewWithCsr(OpcUaClient c, Device d) throws Exception {
    NodeId app = d.applicationId();
    if (app == null) {
      throw new FlowException("renew: the device has not pulled yet");
    }
    GdsCalls.output(
        GdsCalls.call(
            c,
            GdsNodeIds.GetCertificateStatus,
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE)),
        "GetCertificateStatus",
        Boolean.class);
    GdsCalls.finishSigning(c, app, GdsCalls.startSigningRequest(c, app, d), d);
  }

  private static void pullNewKeyPair(OpcUaClient c, Device d, String format, String keyPassword)
      throws Exception {
    NodeId app = GdsCalls.register(c, d);
    GdsCalls.finishNewKeyPair(c, app, GdsCalls.startNewKeyPairRequest(c, app, format, keyPassword));
  }
}
