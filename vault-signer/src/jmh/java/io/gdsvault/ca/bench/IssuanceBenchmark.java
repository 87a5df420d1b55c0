package io.gdsvault.ca.bench;

import io.gdsvault.ca.CertificateAuthority;
import io.gdsvault.ca.CertificateRequest;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.CsrChecks;
import io.gdsvault.ca.IssuanceRequest;
import io.gdsvault.signer.IssuerSigner;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
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
    BenchFixture f = new BenchFixture(CertificateType.valueOf(type), store.equals("file"));
    ca = f.ca;
    signer = f.signer;
    csr = f.csr;
    tbs = f.tbs;
    request = f.request;
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
