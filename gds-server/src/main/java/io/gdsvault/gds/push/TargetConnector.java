package io.gdsvault.gds.push;

import io.gdsvault.gds.trust.TrustListContent;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The port to push targets (implemented over OPC UA in the opcua package): a SignAndEncrypt session
 * as the target's SecurityAdmin, with the GDS's own application certificate as the client
 * certificate. Failures are {@link PushException}s whose message says what the target answered.
 */
public interface TargetConnector {

  /**
   * Opens a session. {@code serverTrust} decides on the certificate the target presents in the
   * handshake; a certificate it refuses fails the connection.
   */
  Session connect(
      String endpointUrl,
      String securityPolicyUri,
      String user,
      char[] password,
      Predicate<X509Certificate> serverTrust);

  /** The server certificates the endpoint advertises in GetEndpoints (matching URL and policy). */
  List<X509Certificate> endpointCertificates(String endpointUrl, String securityPolicyUri);

  /** An open session on a target's ServerConfiguration (DefaultApplicationGroup). */
  interface Session extends AutoCloseable {

    /** The certificate the target presented in the handshake (CreateSession). */
    X509Certificate serverCertificate();

    List<String> supportedPrivateKeyFormats();

    /**
     * The CertificateTypes of the DefaultApplicationGroup, as BrowseNames (e.g. {@code
     * RsaSha256ApplicationCertificateType}); a type unknown to the connector as its NodeId text.
     */
    List<String> certificateTypes();

    /** Replaces the trust list (Open EraseExisting, Write, CloseAndUpdate); true: apply needed. */
    boolean writeTrustList(TrustListContent content);

    TrustListContent readTrustList();

    /** TrustList AddCertificate (the fallback where a whole-list write is not honoured). */
    void addCertificate(byte[] certificate, boolean trusted);

    /**
     * CreateSigningRequest for the current key of {@code certificateType} (one of {@link
     * #certificateTypes()}); kind NOT_SUPPORTED when the target lacks it.
     */
    byte[] createSigningRequest(String certificateType);

    /** UpdateCertificate of {@code certificateType}; true when ApplyChanges is required. */
    boolean updateCertificate(
        String certificateType,
        byte[] certificate,
        List<byte[]> issuers,
        @Nullable String privateKeyFormat,
        byte @Nullable [] privateKey);

    void applyChanges();

    @Override
    void close();
  }
}
