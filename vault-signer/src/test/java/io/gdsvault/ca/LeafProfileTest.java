package io.gdsvault.ca;

import static io.gdsvault.ca.Refusals.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CaException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The application certificate profile of OPC UA Part 6 §6.2.2, extension by extension. */
class LeafProfileTest {

  private static final String URI = "urn:host1:acme:pump";
  private static final Extension AKI =
      new Extension(Extension.authorityKeyIdentifier, false, new byte[] {0x30, 0x00});
  private static SubjectPublicKeyInfo key;

  @BeforeAll
  static void setUp() throws Exception {
    key = SubjectPublicKeyInfo.getInstance(TestCsrs.ec("secp256r1").getPublic().getEncoded());
  }

  private static LeafIdentity leaf(ApplicationType type, List<String> dns, List<String> ips) {
    return new LeafIdentity(key, new X500Name("CN=Pump"), URI, dns, ips, type);
  }

  private static Extension find(List<Extension> exts, ASN1ObjectIdentifier oid) {
    return exts.stream().filter(e -> e.getExtnId().equals(oid)).findFirst().orElseThrow();
  }

  // Part 6 §6.2.2: servers need serverAuth, clients clientAuth; a discovery server is a server.
  // Servers also connect out (registration, reverse connect, push), so they carry clientAuth too,
  // as the reference GDS issues them.
  @ParameterizedTest
  @EnumSource(ApplicationType.class)
  void extendedKeyUsageFollowsTheApplicationType(ApplicationType type) throws Exception {
    LeafProfile profile = new LeafProfile(CertificateType.ECC_NIST_P256, Duration.ofDays(30));
    Extension eku =
        find(profile.extensions(leaf(type, List.of(), List.of()), AKI), Extension.extendedKeyUsage);
    ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(eku.getParsedValue());
    assertThat(eku.isCritical()).isFalse();
    assertThat(usage.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth))
        .isEqualTo(type != ApplicationType.CLIENT);
    assertThat(usage.hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth)).isTrue();
    assertThat(usage.size()).isEqualTo(type == ApplicationType.CLIENT ? 1 : 2);
  }

  // RSA keys encipher, EC keys agree; both sign. The keyUsage is critical.
  @ParameterizedTest
  @EnumSource(CertificateType.class)
  void keyUsageFollowsTheCertificateType(CertificateType type) throws Exception {
    Extension ku = new LeafProfile(type, Duration.ofDays(30)).keyUsage();
    KeyUsage usage = KeyUsage.getInstance(ku.getParsedValue());
    assertThat(ku.isCritical()).isTrue();
    int signing = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    int expected =
        type.isRsa()
            ? signing | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment
            : signing | KeyUsage.keyAgreement;
    for (int bit :
        new int[] {
          KeyUsage.digitalSignature,
          KeyUsage.nonRepudiation,
          KeyUsage.keyEncipherment,
          KeyUsage.dataEncipherment,
          KeyUsage.keyAgreement,
          KeyUsage.keyCertSign,
          KeyUsage.cRLSign
        }) {
      assertThat(usage.hasUsages(bit)).as("bit %x", bit).isEqualTo((expected & bit) != 0);
    }
  }

  @Test
  void everyLeafIsACriticalNonCaWithSkiOfItsKeyAndTheGivenAki() throws Exception {
    LeafProfile profile = new LeafProfile(CertificateType.RSA_SHA256, Duration.ofDays(30));
    List<Extension> exts =
        profile.extensions(leaf(ApplicationType.SERVER, List.of(), List.of()), AKI);
    Extension bc = find(exts, Extension.basicConstraints);
    assertThat(bc.isCritical()).isTrue();
    assertThat(BasicConstraints.getInstance(bc.getParsedValue()).isCA()).isFalse();
    byte[] ski =
        SubjectKeyIdentifier.getInstance(
                find(exts, Extension.subjectKeyIdentifier).getParsedValue())
            .getKeyIdentifier();
    assertThat(ski).isEqualTo(Certificates.keyId(key));
    assertThat(find(exts, Extension.authorityKeyIdentifier)).isSameAs(AKI);
    assertThat(exts).extracting(Extension::getExtnId).doesNotHaveDuplicates().hasSize(6);
  }

  // The SAN holds exactly one URI (the ApplicationUri, first), then DNS names, then IPs.
  @Test
  void subjectAltNameListsTheUriThenDnsNamesThenIpAddresses() throws Exception {
    LeafProfile profile = new LeafProfile(CertificateType.ECC_NIST_P256, Duration.ofDays(30));
    Extension san =
        find(
            profile.extensions(
                leaf(
                    ApplicationType.CLIENT_AND_SERVER,
                    List.of("host1", "host1.acme.example"),
                    List.of("10.0.0.7", "fd00::7")),
                AKI),
            Extension.subjectAlternativeName);
    List<String> names = new ArrayList<>();
    for (GeneralName n : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
      names.add(n.getTagNo() + ":" + (n.getTagNo() == GeneralName.iPAddress ? "ip" : n.getName()));
    }
    assertThat(names)
        .containsExactly(
            GeneralName.uniformResourceIdentifier + ":" + URI,
            GeneralName.dNSName + ":host1",
            GeneralName.dNSName + ":host1.acme.example",
            GeneralName.iPAddress + ":ip",
            GeneralName.iPAddress + ":ip");
  }

  @Test
  void aBadDnsNameOrIpAddressIsAnInvalidArgument() {
    LeafProfile profile = new LeafProfile(CertificateType.ECC_NIST_P256, Duration.ofDays(30));
    ApplicationType t = ApplicationType.SERVER;
    for (String dns : List.of("bad name", "-lead.example", "a..b", "x".repeat(64) + ".example")) {
      assertThat(reasonOf(() -> profile.extensions(leaf(t, List.of(dns), List.of()), AKI)))
          .as(dns)
          .isEqualTo(Reason.INVALID_ARGUMENT);
    }
    for (String ip : List.of("10.0.0.256", "host1", "10.0.0")) {
      assertThat(reasonOf(() -> profile.extensions(leaf(t, List.of(), List.of(ip)), AKI)))
          .as(ip)
          .isEqualTo(Reason.INVALID_ARGUMENT);
    }
  }

  // The issuance policy decides at filing whether a wildcard may be requested; one it allowed is
  // issued (a leftmost "*" label over at least two labels), other uses of "*" are not names.
  @Test
  void aWildcardTheFilingAllowedIsIssuedOthersAreInvalid() throws Exception {
    LeafProfile profile = new LeafProfile(CertificateType.ECC_NIST_P256, Duration.ofDays(30));
    ApplicationType t = ApplicationType.SERVER;
    Extension san =
        find(
            profile.extensions(leaf(t, List.of("*.plant.example"), List.of()), AKI),
            Extension.subjectAlternativeName);
    GeneralName[] names = GeneralNames.getInstance(san.getParsedValue()).getNames();
    assertThat(names[1].getTagNo()).isEqualTo(GeneralName.dNSName);
    assertThat(names[1].getName().toString()).isEqualTo("*.plant.example");
    for (String dns : List.of("*.example", "f*o.plant.example", "a.*.example", "*", "**.a.b")) {
      assertThat(reasonOf(() -> profile.extensions(leaf(t, List.of(dns), List.of()), AKI)))
          .as(dns)
          .isEqualTo(Reason.INVALID_ARGUMENT);
    }
  }

  @Test
  void theApplicationUriMustBeAnAbsoluteUri() throws Exception {
    for (String uri : List.of("", "  ", "relative/path", "urn:a b")) {
      assertThat(reasonOf(() -> LeafProfile.checkApplicationUri(uri)))
          .as("'%s'", uri)
          .isEqualTo(Reason.INVALID_ARGUMENT);
    }
    LeafProfile.checkApplicationUri(URI);
  }

  // Backdated for clock skew; never outliving the issuer.
  @Test
  void validityIsBackdatedAndClippedToTheIssuer() {
    LeafProfile profile = new LeafProfile(CertificateType.ECC_NIST_P256, Duration.ofDays(30));
    Instant now = Instant.parse("2026-06-01T12:00:00Z");
    Instant notBefore = LeafProfile.notBefore(now);
    assertThat(notBefore).isEqualTo(Instant.parse("2026-06-01T11:55:00Z"));
    Instant farCaEnd = now.plus(Duration.ofDays(365));
    assertThat(profile.notAfter(notBefore, farCaEnd))
        .isEqualTo(notBefore.plus(Duration.ofDays(30)));
    Instant nearCaEnd = now.plus(Duration.ofDays(10));
    assertThat(profile.notAfter(notBefore, nearCaEnd)).isEqualTo(nearCaEnd);
  }
}
