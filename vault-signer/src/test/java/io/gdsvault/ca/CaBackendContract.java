package io.gdsvault.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.SignerBackend;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one suite every key backend passes: what the CA issues through it is accepted by independent
 * validators, revocation is honoured, the CA survives restarts and rollovers, and the key stays in
 * its backend. Subclasses supply the backend.
 */
public abstract class CaBackendContract {

  @TempDir protected Path tmp;

  /** Opens the backend under test; called again to simulate a restart. */
  protected abstract SignerBackend openBackend() throws Exception;

  /** Asserts the key behind {@code signer} is held the way this backend promises. */
  protected abstract void assertKeyCustody(IssuerSigner signer) throws Exception;

  protected final String groupId = "grp-" + UUID.randomUUID().toString().substring(0, 8);

  private CertificateAuthority open(SignerBackend backend, CaStateStore store, CertificateType type)
      throws CaException {
    return CertificateAuthority.open(
        CaConfig.defaults(groupId, type, null), backend, store, Clock.systemUTC());
  }

  private static KeyPair keyFor(CertificateType type) throws Exception {
    return switch (type) {
      case RSA_SHA256 -> TestCsrs.rsa(2048);
      case ECC_NIST_P256 -> TestCsrs.ec("secp256r1");
      case ECC_NIST_P384 -> TestCsrs.ec("secp384r1");
    };
  }

  private static IssuanceRequest request(String uri) {
    return new IssuanceRequest(
        uri,
        "CN=Pump 7, O=Acme, DC=host1",
        List.of("host1.example"),
        List.of("127.0.0.1"),
        ApplicationType.CLIENT_AND_SERVER);
  }

  private Path dir(String name) throws Exception {
    return Files.createDirectories(tmp.resolve(name));
  }

  // Part 12 §7.6: what the GDS issues must validate in any stack; revocation must bite at once.
  @ParameterizedTest
  @EnumSource(CertificateType.class)
  void issuedCertificateIsAcceptedByPkixAndOpensslUntilRevoked(CertificateType type)
      throws Exception {
    try (SignerBackend backend = openBackend()) {
      CertificateAuthority ca = open(backend, new InMemoryCaStateStore(), type);
      String uri = "urn:host1:acme:pump7";
      IssuedCertificate issued =
          ca.issue(
              TestCsrs.csr(keyFor(type), uri),
              request(uri),
              CsrChecks.applicationUriMatches(uri, true));

      assertThat(issued.issuerChain()).containsExactly(ca.currentCaCertificate());
      IndependentValidators.pkix(issued.certificate(), ca.trustedCaCertificates(), ca.crls());
      var ok =
          IndependentValidators.openssl(
              dir("ok"), issued.certificate(), ca.trustedCaCertificates(), ca.crls());
      assertThat(ok.exitCode()).as(ok.output()).isZero();
      assertThat(ok.output()).contains("leaf.pem: OK");

      long before = ca.currentCrl().getExtensionValue("2.5.29.20").length;
      BigInteger crlNumberBefore = crlNumber(ca.currentCrl());
      ca.revoke(issued.serialNumber());
      X509CRL crl = ca.currentCrl();
      assertThat(crlNumber(crl)).isGreaterThan(crlNumberBefore);
      assertThat(before).isPositive();
      assertThat(crl.isRevoked(issued.certificate())).isTrue();

      assertThatThrownBy(
              () ->
                  IndependentValidators.pkix(
                      issued.certificate(), ca.trustedCaCertificates(), ca.crls()))
          .isInstanceOfSatisfying(
              CertPathValidatorException.class,
              e ->
                  assertThat(e.getReason())
                      .isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
      var revoked =
          IndependentValidators.openssl(
              dir("revoked"), issued.certificate(), ca.trustedCaCertificates(), ca.crls());
      assertThat(revoked.exitCode()).isNotZero();
      assertThat(revoked.output()).contains("certificate revoked");
    }
  }

  // The issuer key must never be usable outside its backend (HSM, vault): checked per backend.
  @Test
  void issuerKeyStaysInItsBackend() throws Exception {
    try (SignerBackend backend = openBackend()) {
      CertificateAuthority ca =
          open(backend, new InMemoryCaStateStore(), CertificateType.ECC_NIST_P256);
      IssuerSigner signer = backend.findKey(ca.currentCaId()).orElseThrow();
      assertThat(signer.publicKey()).isEqualTo(ca.currentCaCertificate().getPublicKey());
      assertKeyCustody(signer);
    }
  }

  // A restart must find the same CA and key, and the CRL number must keep rising.
  @Test
  void caSurvivesRestartWithSameKeyAndRisingCrlNumber() throws Exception {
    Path state = tmp.resolve("state");
    X509Certificate firstCa;
    BigInteger firstCrlNumber;
    try (SignerBackend backend = openBackend()) {
      CertificateAuthority ca =
          open(backend, new FileCaStateStore(state), CertificateType.RSA_SHA256);
      firstCa = ca.currentCaCertificate();
      firstCrlNumber = crlNumber(ca.currentCrl());
    }
    try (SignerBackend backend = openBackend()) {
      CertificateAuthority ca =
          open(backend, new FileCaStateStore(state), CertificateType.RSA_SHA256);
      assertThat(ca.currentCaCertificate()).isEqualTo(firstCa);
      X509CRL crl = ca.reissueCrl(ca.currentCaId());
      assertThat(crlNumber(crl)).isGreaterThan(firstCrlNumber);
      crl.verify(firstCa.getPublicKey());
      String uri = "urn:host1:acme:restart";
      IssuedCertificate issued = ca.issue(TestCsrs.csr(TestCsrs.rsa(2048), uri), request(uri));
      IndependentValidators.pkix(issued.certificate(), List.of(firstCa), ca.crls());
    }
  }

  // Rollover: the old CA stays trusted (with a maintained CRL) until it expires.
  @Test
  void rolloverKeepsOldCaTrustedAndRevocable() throws Exception {
    try (SignerBackend backend = openBackend()) {
      CertificateAuthority ca =
          open(backend, new InMemoryCaStateStore(), CertificateType.ECC_NIST_P256);
      X509Certificate oldCa = ca.currentCaCertificate();
      String uri = "urn:host1:acme:roll";
      IssuedCertificate before =
          ca.issue(TestCsrs.csr(TestCsrs.ec("secp256r1"), uri), request(uri));

      X509Certificate newCa = ca.rollover();
      IssuedCertificate after = ca.issue(TestCsrs.csr(TestCsrs.ec("secp256r1"), uri), request(uri));

      assertThat(newCa).isNotEqualTo(oldCa);
      assertThat(ca.trustedCaCertificates()).containsExactly(newCa, oldCa);
      assertThat(ca.crls()).hasSize(2);
      assertThat(after.issuerChain()).containsExactly(newCa);
      assertThat(ca.issuerChainFor(before.certificate())).contains(List.of(oldCa));
      IndependentValidators.pkix(before.certificate(), ca.trustedCaCertificates(), ca.crls());
      IndependentValidators.pkix(after.certificate(), ca.trustedCaCertificates(), ca.crls());

      ca.revoke(before.serialNumber());
      assertThatThrownBy(
              () ->
                  IndependentValidators.pkix(
                      before.certificate(), ca.trustedCaCertificates(), ca.crls()))
          .isInstanceOf(CertPathValidatorException.class);
      IndependentValidators.pkix(after.certificate(), ca.trustedCaCertificates(), ca.crls());
      var res =
          IndependentValidators.openssl(
              dir("roll"), after.certificate(), ca.trustedCaCertificates(), ca.crls());
      assertThat(res.exitCode()).as(res.output()).isZero();
    }
  }

  static BigInteger crlNumber(X509CRL crl) {
    byte[] ext = crl.getExtensionValue("2.5.29.20");
    return org.bouncycastle.asn1.ASN1Integer.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(ext).getOctets())
        .getValue();
  }
}
