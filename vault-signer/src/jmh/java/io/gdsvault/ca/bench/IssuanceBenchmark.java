package io.gdsvault.ca.bench;

import io.gdsvault.ca.CertificateRequest;
import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.CsrChecks;
import io.gdsvault.ca.IssuedCertificate;
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
 * Certificates issued per second versus raw signatures per second with the same issuer key and
 * provider (local backend):
 *
 * <ul>
 *   <li>{@code issueFromVerified}: what happens at approval. The CSR's proof of possession was
 *       verified when the request was filed; here its seal is checked, it is re-parsed, and the
 *       certificate is built, checked and signed. The 80% target applies to this one.
 *   <li>{@code issueFromCsr}: a caller with only a CSR: parse, verify the CSR signature, issue.
 *   <li>{@code csrParseAndVerify}: the proof-of-possession check alone (what filing costs).
 * </ul>
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

  private BenchFixture f;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    f = new BenchFixture(CertificateType.valueOf(type), store.equals("file"));
  }

  @Benchmark
  public byte[] rawSignature() throws Exception {
    return f.signer.sign(f.tbs);
  }

  @Benchmark
  public IssuedCertificate issueFromVerified() throws Exception {
    return f.issueFromVerified();
  }

  @Benchmark
  public IssuedCertificate issueFromCsr() throws Exception {
    return f.issueFromCsr();
  }

  @Benchmark
  public CertificateRequest csrParseAndVerify() throws Exception {
    CertificateRequest parsed = CsrChecks.parse(f.csr, CsrChecks.DEFAULT_MAX_CSR_BYTES);
    CsrChecks.signatureValid().check(parsed);
    return parsed;
  }
}
