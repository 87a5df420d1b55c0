package io.gdsvault.ca.bench;

import io.gdsvault.ca.ApplicationType;
import io.gdsvault.ca.CaConfig;
import io.gdsvault.ca.CaStateStore;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.CsrSeal;
import io.gdsvault.ca.FileCaStateStore;
import io.gdsvault.ca.InMemoryCaStateStore;
import io.gdsvault.ca.IssuanceRequest;
import io.gdsvault.ca.IssuedCertificate;
import io.gdsvault.ca.VerifiedCsr;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A local-backend CA, its issuer key as a raw signer, one CSR, the seal the server would have
 * stored with it, and a to-be-signed sample. The raw signer is the same backend key with the same
 * provider as the one the CA signs with.
 */
final class BenchFixture {

  final CertificateAuthority ca;
  final IssuerSigner signer;
  final byte[] csr;
  final byte[] tbs;
  final IssuanceRequest request;
  final CsrSeal csrSeal;
  final byte[] context = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  final byte[] seal;

  BenchFixture(CertificateType type, boolean fileStore) throws Exception {
    Path dir = Files.createTempDirectory("gds-bench");
    var backend =
        LocalKeyStoreBackend.open(
            new LocalSignerSettings(dir.resolve("keys"), null, null),
            new SecretResolver(n -> null));
    CaStateStore state =
        fileStore ? new FileCaStateStore(dir.resolve("state")) : new InMemoryCaStateStore();
    ca =
        CertificateAuthority.open(
            CaConfig.defaults("bench", type, null), backend, state, Clock.systemUTC());
    signer = backend.findKey(ca.currentCaId()).orElseThrow();

    KeyPair appKey;
    if (type.isRsa()) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      appKey = g.generateKeyPair();
    } else {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      appKey = g.generateKeyPair();
    }
    String uri = "urn:bench-host:acme:app";
    var b =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=Bench, O=Acme"), appKey.getPublic());
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new DERSequence(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, uri),
              new GeneralName(GeneralName.dNSName, "bench-host")
            }));
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    csr =
        b.build(
                new JcaContentSignerBuilder(type.isRsa() ? "SHA256withRSA" : "SHA256withECDSA")
                    .build(appKey.getPrivate()))
            .getEncoded();
    request =
        new IssuanceRequest(
            uri,
            null,
            List.of("bench-host"),
            List.of("127.0.0.1"),
            ApplicationType.CLIENT_AND_SERVER);
    byte[] sealKey = new byte[32];
    new java.security.SecureRandom().nextBytes(sealKey);
    csrSeal = new CsrSeal(sealKey);
    seal = csrSeal.seal(VerifiedCsr.verify(csr), context);
    // raw signatures sign bytes of the same size as a real to-be-signed certificate
    tbs = ca.issue(csr, request).certificate().getTBSCertificate();
  }

  /**
   * What approval does: check the stored CSR's seal, re-parse it (no signature verification) and
   * issue.
   */
  IssuedCertificate issueFromVerified() throws Exception {
    return ca.issue(csrSeal.restore(csr, context, seal), request);
  }

  /** What a caller holding only the CSR does: parse, verify the signature, issue. */
  IssuedCertificate issueFromCsr() throws Exception {
    return ca.issue(csr, request);
  }
}
