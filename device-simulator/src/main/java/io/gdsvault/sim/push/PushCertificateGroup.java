package io.gdsvault.sim.push;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.CertificateGroup;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * A certificate group holding one application certificate (one certificate type) whose key pair and
 * chain are swapped atomically when push changes are applied. Milo's secure channel layer finds the
 * certificate by thumbprint through the {@link
 * org.eclipse.milo.opcua.stack.core.security.CertificateManager}, so new channels use the new
 * certificate as soon as it is swapped in.
 */
public final class PushCertificateGroup implements CertificateGroup {

  /** The current key pair and chain (leaf first). */
  public record Credentials(
      KeyPair keyPair,
      @SuppressWarnings("ArrayRecordComponent") // Milo takes the chain as an array; never compared
          X509Certificate[] chain) {
    public X509Certificate certificate() {
      return chain[0];
    }
  }

  private final NodeId groupId;
  private final NodeId certificateTypeId;
  private final PkiTrustListManager trustList;
  private final CertificateValidator validator;
  private volatile Credentials credentials;

  public PushCertificateGroup(
      NodeId groupId,
      NodeId certificateTypeId,
      PkiTrustListManager trustList,
      CertificateValidator validator,
      Credentials initial) {
    this.groupId = groupId;
    this.certificateTypeId = certificateTypeId;
    this.trustList = trustList;
    this.validator = validator;
    this.credentials = initial;
  }

  public Credentials credentials() {
    return credentials;
  }

  public NodeId certificateTypeId() {
    return certificateTypeId;
  }

  public PkiTrustListManager trustList() {
    return trustList;
  }

  void swap(Credentials next) {
    credentials = next;
  }

  @Override
  public NodeId getCertificateGroupId() {
    return groupId;
  }

  @Override
  public List<NodeId> getSupportedCertificateTypeIds() {
    return List.of(certificateTypeId);
  }

  @Override
  public TrustListManager getTrustListManager() {
    return trustList;
  }

  @Override
  public List<Entry> getCertificateEntries() {
    Credentials c = credentials;
    return List.of(new Entry(groupId, certificateTypeId, c.chain()));
  }

  @Override
  public Optional<KeyPair> getKeyPair(NodeId typeId) {
    return certificateTypeId.equals(typeId) ? Optional.of(credentials.keyPair()) : Optional.empty();
  }

  @Override
  public Optional<X509Certificate[]> getCertificateChain(NodeId typeId) {
    return certificateTypeId.equals(typeId)
        ? Optional.of(credentials.chain().clone())
        : Optional.empty();
  }

  /** Not used by push (changes go through ApplyChanges); kept for Milo callers. */
  @Override
  public void updateCertificate(NodeId typeId, KeyPair keyPair, X509Certificate[] chain)
      throws Exception {
    if (!certificateTypeId.equals(typeId)) {
      throw new UaException(StatusCodes.Bad_InvalidArgument, "certificateTypeId");
    }
    credentials = new Credentials(keyPair, chain.clone());
  }

  @Override
  public CertificateFactory getCertificateFactory() {
    throw new UnsupportedOperationException("certificates are created by push or at first start");
  }

  @Override
  public CertificateValidator getCertificateValidator() {
    return validator;
  }
}
