package io.gdsvault.sim.push;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;

/**
 * A Milo client in the role of a push client (a GDS): plain method calls on ServerConfiguration.
 */
final class PushClient implements AutoCloseable {

  static final NodeId CONFIG = NodeIds.ServerConfiguration;
  static final NodeId TRUST_LIST =
      NodeIds.ServerConfiguration_CertificateGroups_DefaultApplicationGroup_TrustList;

  /** The client's own application identity. */
  record ClientIdentity(KeyPair keyPair, X509Certificate certificate, String applicationUri) {}

  final OpcUaClient client;

  private PushClient(OpcUaClient client) {
    this.client = client;
  }

  static PushClient connect(
      String url,
      SecurityPolicy policy,
      MessageSecurityMode mode,
      ClientIdentity identity,
      IdentityProvider user)
      throws UaException {
    OpcUaClient c =
        OpcUaClient.create(
            url,
            endpoints ->
                endpoints.stream()
                    .filter(
                        e ->
                            e.getSecurityPolicyUri().equals(policy.getUri())
                                && e.getSecurityMode() == mode)
                    .findFirst(),
            t -> {},
            b ->
                b.setApplicationUri(identity.applicationUri())
                    .setApplicationName(LocalizedText.english("push test client"))
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()})
                    .setIdentityProvider(user));
    try {
      c.connect();
    } catch (UaException e) {
      try {
        c.disconnect();
      } catch (UaException ignored) {
        // already failed
      }
      throw e;
    }
    return new PushClient(c);
  }

  /** Connects to one given endpoint description (e.g. an old one, with the old certificate). */
  static PushClient connect(
      EndpointDescription endpoint, ClientIdentity identity, IdentityProvider user)
      throws UaException {
    OpcUaClient c =
        OpcUaClient.create(
            endpoint.getEndpointUrl(),
            endpoints -> java.util.Optional.of(endpoint),
            t -> {},
            b ->
                b.setApplicationUri(identity.applicationUri())
                    .setApplicationName(LocalizedText.english("push test client"))
                    .setKeyPair(identity.keyPair())
                    .setCertificate(identity.certificate())
                    .setCertificateChain(new X509Certificate[] {identity.certificate()})
                    .setIdentityProvider(user)
                    .setRequestTimeout(
                        org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint(
                            10_000)));
    try {
      c.connect();
    } catch (UaException e) {
      try {
        c.disconnect();
      } catch (UaException ignored) {
        // already failed
      }
      throw e;
    }
    return new PushClient(c);
  }

  static IdentityProvider user(String name, String password) {
    return new UsernameProvider(name, password);
  }

  static IdentityProvider anonymous() {
    return AnonymousProvider.INSTANCE;
  }

  CallMethodResult call(NodeId object, NodeId method, Object... args) throws UaException {
    Variant[] in = new Variant[args.length];
    for (int i = 0; i < args.length; i++) {
      in[i] = args[i] instanceof Variant v ? v : new Variant(args[i]);
    }
    var response = client.call(List.of(new CallMethodRequest(object, method, in)));
    return response.getResults()[0];
  }

  /** Calls and returns the outputs, failing with the status code when the call is refused. */
  Object[] callOk(NodeId object, NodeId method, Object... args) throws UaException {
    CallMethodResult r = call(object, method, args);
    if (!r.getStatusCode().isGood()) {
      throw new UaException(r.getStatusCode(), "call failed: " + method);
    }
    Variant[] out = r.getOutputArguments() == null ? new Variant[0] : r.getOutputArguments();
    Object[] values = new Object[out.length];
    for (int i = 0; i < out.length; i++) {
      values[i] = out[i].getValue();
    }
    return values;
  }

  StatusCode status(NodeId object, NodeId method, Object... args) throws UaException {
    return call(object, method, args).getStatusCode();
  }

  static ByteString bytes(byte[] b) {
    return ByteString.of(b);
  }

  @Override
  public void close() {
    try {
      client.disconnect();
    } catch (Exception ignored) {
      // best effort in tests
    }
  }
}
