package io.gdsvault.ca.bench;

import io.gdsvault.ca.ApplicationType;
import io.gdsvault.ca.CaConfig;
import io.gdsvault.ca.CaStateStore;
import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.CertificateRequest;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.CsrChecks;
import io.gdsvault.ca.FileCaStateStore;
import io.gdsvault.ca.InMemoryCaStateStore;
import io.gdsvault.ca.IssuanceRequest;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import io.gdsvault.signer.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Certificates issued from a CSR per second versus raw signatures per second with the same
 * issuer key (local backend). Issuance includes CSR parsing, CSR signature verification,
 * extension building, template checks, serial reservation and the signature.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssuanceBenchmark {

  @Param({"RSA_SHA256", "ECC_NIST_P256"})
  public String type;

  /** memory: InMemoryCaStateStore; file: FileCaStateStore (fsync per reserved serial). */
  @Param({"memory", "file"})
  public String store;

  private CertificateAuthority ca;
  private IssuerSigner signer;
  private byte[] csr;
  private byte[] tbs;
  private IssuanceRequest request;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    CertificateType certType = CertificateType.valueOf(type);
    Path dir = Files.createTempDirectory("gds-bench");
    var backend = LocalKeyStoreBackend.open(
        new LocalSignerSettings(dir.resolve("keys"), null, null), new SecretResolver(n -> null));
    CaStateStore state =
        store.equals("file") ? new FileCaStateStore(dir.resolve("state")) : new InMemoryCaStateStore();
    ca = CertificateAuthority.open(
        CaConfig.defaults("bench", certType, null), backend, state, Clock.systemUTC());
    signer = backend.findKey(ca.currentCaId()).orElseThrow();

    KeyPair appKey;
    if (certType.isRsa()) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      appKey = g.generateKeyPair();
    } else {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      appKey = g.generateKeyPair();
    }
    String uri = "urn:bench-host:acme:app";
    var b = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Bench, O=Acme"), appKey.getPublic());
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(Extension.subjectAlternativeName, false, new DERSequence(new GeneralName[] {
      new GeneralName(GeneralName.uniformResourceIdentifier, uri),
      new GeneralName(GeneralName.dNSName, "bench-host")}));
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    csr = b.build(new JcaContentSignerBuilder(certType.isRsa() ? "SHA256withRSA" : "SHA256withECDSA")
        .build(appKey.getPrivate())).getEncoded();
    request = new IssuanceRequest(uri, null, List.of("bench-host"), List.of("127.0.0.1"),
        ApplicationType.CLIENT_AND_SERVER);
    // raw signatures sign bytes of the same size as a real to-be-signed certificate
    tbs = ca.issue(csr, request).certificate().getTBSCertificate();
  }

  @Benchmark
  public byte[] rawSignature() throws Exception {
    return signer.sign(tbs);
  }

  /** The proof-of-possession part of issuance alone: parse the CSR and verify its signature. */
  @Benchmark
  public CertificateRequest csrParseAndVerify() throws Exception {
    CertificateRequest parsed = CsrChecks.parse(csr, CsrChecks.DEFAULT_MAX_CSR_BYTES);
    CsrChecks.signatureValid().check(parsed);
    return parsed;
  }

  @Benchmark
  public X509Certificate issueFromCsr() throws Exception {
    return ca.issue(csr, request).certificate();
  }
}
