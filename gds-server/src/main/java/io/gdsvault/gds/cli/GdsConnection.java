package io.gdsvault.gds.cli;

import io.gdsvault.gds.model.ua.client.ClientCredentials;
import io.gdsvault.gds.model.ua.client.GdsSession;
import io.gdsvault.gds.model.ua.client.PinnedServerValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.jspecify.annotations.Nullable;

/**
 * The CLI's session to a GDS: its client identity from {@code home}, the server certificate pinned
 * on first use in {@code home/known-servers.properties} (with a note on stderr), method calls by
 * standard NodeId.
 */
public final class GdsConnection implements AutoCloseable {

  static final String APPLICATION_NAME = "GDS Vault CLI";
  static final String PINS_FILE = "known-servers.properties";

  private final GdsSession session;

  private GdsConnection(GdsSession session) {
    this.session = session;
  }

  /**
   * Connects with the client identity in {@code home}, pinning the server certificate there.
   *
   * @param user null for an anonymous session
   */
  public static GdsConnection open(
      String url, @Nullable String user, char @Nullable [] password, Path home, PrintWriter err)
      throws Exception {
    ClientIdentity identity = ClientIdentity.loadOrCreate(home, APPLICATION_NAME);
    ClientCredentials credentials =
        new ClientCredentials(
            APPLICATION_NAME,
            identity.applicationUri(),
            identity.keyPair(),
            List.of(identity.certificate()));
    PinnedServerValidator pins =
        PinnedServerValidator.pinnedIn(
            home.resolve(PINS_FILE),
            url,
            "server certificates pinned by the gds CLI (SHA-1 thumbprints)",
            thumbprint -> {
              err.println(
                  "gds: pinned the server certificate of "
                      + url
                      + " (thumbprint "
                      + thumbprint
                      + ")");
              err.flush();
            });
    return new GdsConnection(GdsSession.open(url, credentials, pins, user, password));
  }

  public OpcUaClient client() {
    return session.client();
  }

  public NodeId local(ExpandedNodeId id) {
    return session.local(id);
  }

  public int gdsNamespaceIndex() {
    return session.gdsNamespaceIndex();
  }

  public EncodingContext encodingContext() {
    return session.encodingContext();
  }

  /** Calls a method; a Bad result becomes a UaException carrying its StatusCode. */
  public Variant[] call(ExpandedNodeId objectId, ExpandedNodeId methodId, Variant... inputs)
      throws UaException {
    return session.call(local(objectId), local(methodId), inputs);
  }

  @Override
  public void close() {
    session.close();
  }
}
