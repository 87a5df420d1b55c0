package io.gdsvault.sim.push;

import io.gdsvault.gds.model.x509.Certificates;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x500.style.RFC4519Style;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.methods.Out;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerConfigurationType;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerConfigurationTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ServerConfiguration method handlers; each checks access first, then works under the lock. */
final class ServerConfigurationMethods {

  private static final Logger log = LoggerFactory.getLogger(ServerConfigurationMethods.class);
  private static final int MIN_NONCE_LENGTH = 32;
  private static final int MIN_RSA_BITS = 2048;

  private final ServerConfigurationSupport support;

  ServerConfigurationMethods(ServerConfigurationSupport support) {
    this.support = support;
  }

  void install(ServerConfigurationTypeNode node) {
    configure(node.getUpdateCertificateMethodNode(), UpdateCertificate::new);
    configure(node.getCreateSigningRequestMethodNode(), CreateSigningRequest::new);
    configure(node.getApplyChangesMethodNode(), ApplyChanges::new);
    configure(node.getCancelChangesMethodNode(), CancelChanges::new);
    configure(node.getGetRejectedListMethodNode(), GetRejectedList::new);
    UaMethodNode getCertificates = node.getGetCertificatesMethodNode();
    if (getCertificates == null) {
      // the ns0 model Milo 1.1.2 loads has no GetCertificates instance (added in Part 12 1.05.02)
      getCertificates =
          UaMethodNode.builder(node.getNodeContext())
              .setNodeId(NodeIds.ServerConfiguration_GetCertificates)
              .setBrowseName(new QualifiedName(0, "GetCertificates"))
              .setDisplayName(LocalizedText.english("GetCertificates"))
              .build();
      node.getNodeContext().getNodeManager().addNode(getCertificates);
      node.addReference(
          new Reference(
              node.getNodeId(),
              NodeIds.HasComponent,
              getCertificates.getNodeId().expanded(),
              true));
    }
    configure(getCertificates, GetCertificates::new);
  }

  private interface Factory {
    org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler create(
        UaMethodNode node);
  }

  private void configure(UaMethodNode node, Factory factory) {
    if (node == null) {
      log.warn("A ServerConfiguration method node is missing from the address space");
      return;
    }
    ServerConfigurationSupport.configure(node, factory.create(node));
  }

  // ---------------------------------------------------------------------------------------------

  final class UpdateCertificate extends ServerConfigurationType.UpdateCertificateMethod {
    UpdateCertificate(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(
        InvocationContext context,
        NodeId certificateGroupId,
        NodeId certificateTypeId,
        ByteString certificate,
        ByteString[] issuerCertificates,
        String privateKeyFormat,
        ByteString privateKey,
        Out<Boolean> applyChangesRequired)
        throws UaException {
      Session session = support.authorize(context);
      PushCertificateGroup group = support.group(certificateGroupId);
      checkType(group, certificateTypeId);

      X509Certificate leaf =
          CertificateCodec.decodeCertificate(
              certificate == null ? new byte[0] : certificate.bytesOrEmpty());
      List<X509Certificate> issuers = CertificateCodec.decodeCertificates(issuerCertificates);
      checkKeyFitsType(leaf);
      String uri = CertificateUtil.getSanUri(leaf).orElse(null);
      if (!support.applicationUri().equals(uri)) {
        throw new UaException(
            StatusCodes.Bad_CertificateUriInvalid,
            "certificate URI differs from the ApplicationUri");
      }

      PrivateKey givenKey =
          privateKey == null || privateKey.isNullOrEmpty()
              ? null
              : CertificateCodec.decodePrivateKey(privateKeyFormat, privateKey.bytesOrEmpty());

      synchronized (support.lock()) {
        support.requireNoForeignTransaction(session);
        Optional<PushTransaction> own = support.ownTransaction(session);
        PrivateKey key;
        if (givenKey != null) {
          if (!CertificateCodec.matches(leaf.getPublicKey(), givenKey)) {
            throw new UaException(
                StatusCodes.Bad_SecurityChecksFailed, "private key does not match the certificate");
          }
          key = givenKey;
        } else {
          key =
              matchingKnownKey(own, group, leaf)
                  .orElseThrow(
                      () ->
                          new UaException(
                              StatusCodes.Bad_SecurityChecksFailed,
                              "certificate does not match the current or a regenerated private"
                                  + " key"));
        }
        validateChain(leaf, issuers, support.stagedTrustList(session, group));

        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(issuers);
        PushTransaction tx = support.transactionFor(session);
        tx.credentials.put(
            group.getCertificateGroupId(),
            new PushCertificateGroup.Credentials(
                new KeyPair(leaf.getPublicKey(), key), chain.toArray(new X509Certificate[0])));
        tx.regeneratedKeys.remove(group.getCertificateGroupId());
        log.info(
            "Staged new application certificate: thumbprint={}, newKey={}",
            Certificates.thumbprint(leaf),
            givenKey != null);
      }
      applyChangesRequired.set(true);
    }
  }

  final class CreateSigningRequest extends ServerConfigurationType.CreateSigningRequestMethod {
    CreateSigningRequest(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(
        InvocationContext context,
        NodeId certificateGroupId,
        NodeId certificateTypeId,
        String subjectName,
        Boolean regeneratePrivateKey,
        ByteString nonce,
        Out<ByteString> certificateRequest)
        throws UaException {
      Session session = support.authorize(context);
      PushCertificateGroup group = support.group(certificateGroupId);
      checkType(group, certificateTypeId);
      boolean regenerate = Boolean.TRUE.equals(regeneratePrivateKey);
      if (regenerate && (nonce == null || nonce.length() < MIN_NONCE_LENGTH)) {
        throw new UaException(
            StatusCodes.Bad_InvalidArgument,
            "a nonce of at least 32 bytes is needed to regenerate the key");
      }
      X509Certificate current = group.credentials().certificate();
      X500Name subject = subject(subjectName, current);

      synchronized (support.lock()) {
        support.requireNoForeignTransaction(session);
        KeyPair keyPair;
        if (regenerate) {
          keyPair =
              newRsaKeyPair(CertificateCodec.keySize(current.getPublicKey()), nonce.bytesOrEmpty());
          support
              .transactionFor(session)
              .regeneratedKeys
              .put(group.getCertificateGroupId(), keyPair);
        } else {
          keyPair =
              support
                  .ownTransaction(session)
                  .map(tx -> tx.regeneratedKeys.get(group.getCertificateGroupId()))
                  .orElse(group.credentials().keyPair());
        }
        try {
          var csr =
              CertificateUtil.generateCsr(
                  keyPair,
                  subject,
                  support.applicationUri(),
                  CertificateUtil.getSanDnsNames(current),
                  CertificateUtil.getSanIpAddresses(current),
                  "SHA256withRSA");
          certificateRequest.set(ByteString.of(csr.getEncoded()));
        } catch (Exception e) {
          log.warn("Could not create a certificate signing request", e);
          throw new UaException(StatusCodes.Bad_InternalError, "could not create the request");
        }
        log.info("Created a certificate signing request: regeneratedKey={}", regenerate);
      }
    }
  }

  final class ApplyChanges extends ServerConfigurationType.ApplyChangesMethod {
    ApplyChanges(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context) throws UaException {
      support.apply(support.authorize(context));
    }
  }

  final class CancelChanges extends ServerConfigurationType.CancelChangesMethod {
    CancelChanges(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context) throws UaException {
      support.cancel(support.authorize(context));
    }
  }

  final class GetRejectedList extends ServerConfigurationType.GetRejectedListMethod {
    GetRejectedList(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(InvocationContext context, Out<ByteString[]> certificates)
        throws UaException {
      support.authorize(context);
      List<ByteString> out = new ArrayList<>();
      for (X509Certificate c : support.rejectedCertificates()) {
        try {
          out.add(ByteString.of(c.getEncoded()));
        } catch (CertificateEncodingException e) {
          log.debug("Skipping an unencodable rejected certificate", e);
        }
      }
      certificates.set(out.toArray(new ByteString[0]));
    }
  }

  final class GetCertificates extends ServerConfigurationType.GetCertificatesMethod {
    GetCertificates(UaMethodNode node) {
      super(node);
    }

    @Override
    protected void invoke(
        InvocationContext context,
        NodeId certificateGroupId,
        Out<NodeId[]> certificateTypeIds,
        Out<ByteString[]> certificates)
        throws UaException {
      support.authorize(context);
      PushCertificateGroup group = support.group(certificateGroupId);
      try {
        certificateTypeIds.set(new NodeId[] {group.certificateTypeId()});
        certificates.set(
            new ByteString[] {ByteString.of(group.credentials().certificate().getEncoded())});
      } catch (CertificateEncodingException e) {
        throw new UaException(StatusCodes.Bad_InternalError, "certificate cannot be encoded");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static void checkType(PushCertificateGroup group, NodeId typeId) throws UaException {
    if (typeId != null && !typeId.isNull() && !typeId.equals(group.certificateTypeId())) {
      throw new UaException(
          StatusCodes.Bad_InvalidArgument, "certificate type not supported by this group");
    }
  }

  private static void checkKeyFitsType(X509Certificate leaf) throws UaException {
    if (!"RSA".equals(leaf.getPublicKey().getAlgorithm())
        || CertificateCodec.keySize(leaf.getPublicKey()) < MIN_RSA_BITS) {
      throw new UaException(
          StatusCodes.Bad_CertificateInvalid,
          "certificate key does not fit RsaSha256ApplicationCertificateType");
    }
  }

  private static Optional<PrivateKey> matchingKnownKey(
      Optional<PushTransaction> own, PushCertificateGroup group, X509Certificate leaf) {
    List<PrivateKey> candidates = new ArrayList<>();
    own.map(tx -> tx.regeneratedKeys.get(group.getCertificateGroupId()))
        .ifPresent(kp -> candidates.add(kp.getPrivate()));
    own.map(tx -> tx.credentials.get(group.getCertificateGroupId()))
        .ifPresent(c -> candidates.add(c.keyPair().getPrivate()));
    candidates.add(group.credentials().keyPair().getPrivate());
    return candidates.stream()
        .filter(k -> CertificateCodec.matches(leaf.getPublicKey(), k))
        .findFirst();
  }

  /**
   * Part 4 style checks on the new certificate: every certificate in time, each signed by the next,
   * intermediate issuers are CAs, and no certificate revoked by a CRL in the trust list. The chain
   * may end at a self-signed issuer given in the call or found in the trust list.
   */
  static void validateChain(
      X509Certificate leaf, List<X509Certificate> given, TrustListContent trust)
      throws UaException {
    List<X509Certificate> pool = new ArrayList<>(given);
    pool.addAll(trust.issuerCertificates());
    pool.addAll(trust.trustedCertificates());
    List<X509CRL> crls = new ArrayList<>(trust.trustedCrls());
    crls.addAll(trust.issuerCrls());

    X509Certificate current = leaf;
    for (int depth = 0; depth < 10; depth++) {
      try {
        current.checkValidity();
      } catch (Exception e) {
        throw new UaException(
            StatusCodes.Bad_SecurityChecksFailed, "a certificate is not valid now");
      }
      for (X509CRL crl : crls) {
        if (crl.getIssuerX500Principal().equals(current.getIssuerX500Principal())
            && crl.isRevoked(current)) {
          throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "a certificate is revoked");
        }
      }
      if (selfSigned(current)) {
        return;
      }
      X509Certificate issuer = null;
      for (X509Certificate candidate : pool) {
        if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
            && verifies(current, candidate)) {
          issuer = candidate;
          break;
        }
      }
      if (issuer == null) {
        throw new UaException(
            StatusCodes.Bad_SecurityChecksFailed,
            "the issuer chain of the certificate is incomplete");
      }
      if (issuer.getBasicConstraints() < 0) {
        throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "an issuer is not a CA");
      }
      current = issuer;
    }
    throw new UaException(StatusCodes.Bad_SecurityChecksFailed, "the issuer chain is too long");
  }

  private static boolean selfSigned(X509Certificate c) {
    return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifies(c, c);
  }

  private static boolean verifies(X509Certificate c, X509Certificate issuer) {
    try {
      c.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static X500Name subject(String subjectName, X509Certificate current) throws UaException {
    if (subjectName == null || subjectName.isBlank()) {
      return X500Name.getInstance(current.getSubjectX500Principal().getEncoded());
    }
    String s = subjectName.trim();
    if (s.startsWith("/")) {
      // OpenSSL style "/CN=a/O=b"
      List<String> parts = new ArrayList<>(List.of(s.substring(1).split("/")));
      java.util.Collections.reverse(parts);
      s = String.join(",", parts);
    }
    try {
      return new X500Name(IETFUtils.rDNsFromString(s, RFC4519Style.INSTANCE));
    } catch (RuntimeException e) {
      throw new UaException(
          StatusCodes.Bad_InvalidArgument, "subjectName is not a distinguished name");
    }
  }

  private static KeyPair newRsaKeyPair(int bits, byte[] nonce) throws UaException {
    try {
      SecureRandom random = new SecureRandom();
      random.setSeed(nonce); // supplements, never replaces, the system entropy
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(
          new RSAKeyGenParameterSpec(Math.max(bits, MIN_RSA_BITS), RSAKeyGenParameterSpec.F4),
          random);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new UaException(StatusCodes.Bad_InternalError, "could not generate a key pair");
    }
  }
}
