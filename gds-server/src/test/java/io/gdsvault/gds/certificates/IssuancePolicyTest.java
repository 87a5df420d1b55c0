package io.gdsvault.gds.certificates;

import static io.gdsvault.gds.certificates.CertificatesFixture.certificateAdmin;
import static io.gdsvault.gds.certificates.CertificatesFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CertificateType;
import io.gdsvault.ca.KeyPairs;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.ArgumentRefusal;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.trust.CertificateGroup;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issuance policy: each violation is refused when the request is filed, with the rule named,
 * and neither auto-approve nor an approval rule gets past it.
 */
class IssuancePolicyTest {

  private static final X500Name CA =
      new X500Name("O=GDS Vault,OU=DefaultApplicationGroup,CN=GDS Vault RSA CA");
  private static final IssuancePolicy.Arguments NKP = IssuancePolicy.Arguments.NEW_KEY_PAIR;

  @TempDir Path dir;
  private CertificatesFixture f;

  @BeforeEach
  void open() throws Exception {
    f = new CertificatesFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private static ApplicationRecord app(String uri, String... discoveryUrls) {
    return new ApplicationRecord(
        UUID.randomUUID(),
        uri,
        ApplicationType.SERVER,
        List.of(new LocalizedName("en", "press")),
        "urn:test:product",
        List.of(discoveryUrls),
        List.of());
  }

  private static final ApplicationRecord PRESS =
      app("urn:test:press", "opc.tcp://press.plant.example:4840", "opc.tcp://[fd00::7]:4841/ua");

  private static IssuancePolicy policy(String group, IssuanceRules rules) {
    return CertificatesFixture.defaultIssuancePolicy(Map.of(group, rules));
  }

  private static IssuancePolicy defaults() {
    return CertificatesFixture.defaultIssuancePolicy(Map.of());
  }

  private static String check(IssuancePolicy p, String group, String subject, String... names) {
    return p.check(PRESS, group, subject, List.of(names), () -> List.of(CA), NKP);
  }

  private static ArgumentRefusal refused(
      IssuancePolicy p, String group, String subject, String... names) {
    GdsException e = refusal(() -> check(p, group, subject, names));
    assertThat(e).isInstanceOf(ArgumentRefusal.class);
    return (ArgumentRefusal) e;
  }

  // the hosts of the registered DiscoveryUrls (IPv6 by value) and the default loopback names pass,
  // and the approver is told which rule let each name through
  @Test
  void registeredHostsAndAllowedNamesPassAndTheVerdictSaysWhy() {
    String verdict =
        check(
            defaults(),
            CertificateGroup.DEFAULT_APPLICATION_GROUP,
            "CN=press",
            "PRESS.plant.example",
            "fd00:0:0:0:0:0:0:7",
            "localhost");
    assertThat(verdict)
        .contains("PRESS.plant.example (registered)")
        .contains("fd00:0:0:0:0:0:0:7 (registered)")
        .contains("localhost (allowed: localhost)");
  }

  @Test
  void aNameOrAddressTheApplicationNeverRegisteredIsRefused() {
    for (String name : List.of("scada.plant.example", "plant.example", "10.0.0.9")) {
      ArgumentRefusal r =
          refused(defaults(), CertificateGroup.DEFAULT_APPLICATION_GROUP, "CN=press", name);
      assertThat(r.reason()).as(name).isEqualTo(Reason.REQUEST_NOT_ALLOWED);
      assertThat(r.argument()).isEqualTo("DomainNames");
      assertThat(r.getMessage())
          .contains(
              "'" + name + "' is neither a host of the application's registered DiscoveryUrls");
    }
    IssuancePolicy wide =
        policy(
            CertificateGroup.DEFAULT_APPLICATION_GROUP,
            new IssuanceRules(List.of("*.plant.example", "10.0.0.0/24"), false, null, List.of()));
    assertThat(
            check(
                wide,
                CertificateGroup.DEFAULT_APPLICATION_GROUP,
                "CN=press",
                "scada.plant.example",
                "10.0.0.9"))
        .contains("scada.plant.example (allowed: *.plant.example)")
        .contains("10.0.0.9 (allowed: 10.0.0.0/24)");
    assertThat(
            refused(wide, CertificateGroup.DEFAULT_APPLICATION_GROUP, "CN=press", "10.0.1.9")
                .reason())
        .isEqualTo(Reason.REQUEST_NOT_ALLOWED);
  }

  @Test
  void httpsCertificatesOnlyForRegisteredHosts() {
    assertThat(
            check(
                defaults(),
                CertificateGroup.DEFAULT_HTTPS_GROUP,
                "CN=press",
                "press.plant.example"))
        .contains("(registered)");
    IssuancePolicy https =
        policy(
            CertificateGroup.DEFAULT_HTTPS_GROUP,
            new IssuanceRules(List.of(), false, null, List.of()));
    for (String host : List.of("localhost", "www.bank.example")) {
      assertThat(
              refused(https, CertificateGroup.DEFAULT_HTTPS_GROUP, "CN=press", host).getMessage())
          .contains("issuance policy of DefaultHttpsGroup");
    }
  }

  @Test
  void wildcardsAreRefusedUnlessTheGroupAllowsThemAndAPatternCoversThem() {
    ArgumentRefusal r =
        refused(
            defaults(), CertificateGroup.DEFAULT_APPLICATION_GROUP, "CN=press", "*.plant.example");
    assertThat(r.getMessage()).contains("allows no wildcard DNS names");
    IssuancePolicy allowing =
        policy(
            CertificateGroup.DEFAULT_APPLICATION_GROUP,
            new IssuanceRules(List.of("*.plant.example"), true, null, List.of()));
    assertThat(
            check(
                allowing,
                CertificateGroup.DEFAULT_APPLICATION_GROUP,
                "CN=press",
                "*.plant.example"))
        .contains("*.plant.example (allowed: *.plant.example)");
    // allowed wildcards still need a pattern: a registered host does not cover its siblings
    IssuancePolicy noPattern =
        policy(
            CertificateGroup.DEFAULT_APPLICATION_GROUP,
            new IssuanceRules(List.of(), true, null, List.of()));
    assertThat(
            refused(
                    noPattern,
                    CertificateGroup.DEFAULT_APPLICATION_GROUP,
                    "CN=press",
                    "*.plant.example")
                .getMessage())
        .contains("neither a host");
    assertThat(
            refused(
                    allowing,
                    CertificateGroup.DEFAULT_APPLICATION_GROUP,
                    "CN=press",
                    "f*o.plant.example")
                .reason())
        .isEqualTo(Reason.INVALID_ARGUMENT);
  }

  @Test
  void aSubjectEqualToOrImitatingACaIsRefused() {
    for (String subject :
        List.of(
            "O=GDS Vault,OU=DefaultApplicationGroup,CN=GDS Vault RSA CA",
            "CN=gds vault rsa ca",
            "CN=GDS-Vault RSA CA (backup), O=Evil",
            "CN=ＧＤＳ Vault RSA CA")) {
      ArgumentRefusal r = refused(defaults(), CertificateGroup.DEFAULT_APPLICATION_GROUP, subject);
      assertThat(r.reason()).as(subject).isEqualTo(Reason.REQUEST_NOT_ALLOWED);
      assertThat(r.argument()).isEqualTo("SubjectName");
      assertThat(r.getMessage()).as(subject).contains("equals or imitates the CA");
    }
    assertThat(
            check(
                defaults(),
                CertificateGroup.DEFAULT_APPLICATION_GROUP,
                "CN=GDS Vault press, O=Acme"))
        .contains("subject is no CA's");
  }

  @Test
  void userTokenCertificatesOnlyForSubjectsThePolicyAllows() {
    IssuancePolicy users =
        policy(
            CertificateGroup.DEFAULT_USER_TOKEN_GROUP,
            new IssuanceRules(
                List.of(),
                false,
                Pattern.compile("CN=[a-z]+\\.operator"),
                List.of("admin", "root")));
    for (String subject : List.of("CN=admin", "CN=Admin, O=Plant", "CN= ROOT ")) {
      assertThat(refused(users, CertificateGroup.DEFAULT_USER_TOKEN_GROUP, subject).getMessage())
          .as(subject)
          .contains("refuses the common name");
    }
    assertThat(refused(users, CertificateGroup.DEFAULT_USER_TOKEN_GROUP, "CN=mallory").getMessage())
        .contains("does not allow the subject 'CN=mallory'");
    assertThat(check(users, CertificateGroup.DEFAULT_USER_TOKEN_GROUP, "CN=jane.operator"))
        .contains("passed");
  }

  @Test
  void theGdsOwnApplicationUriAndHostAreReserved() {
    ApplicationRecord gds =
        app(
            CertificatesFixture.GDS_URI.toUpperCase(java.util.Locale.ROOT),
            "opc.tcp://gds.test:4840");
    GdsException uri =
        refusal(
            () ->
                defaults()
                    .check(
                        gds,
                        CertificateGroup.DEFAULT_APPLICATION_GROUP,
                        "CN=x",
                        List.of(),
                        List::of,
                        NKP));
    assertThat(uri.reason()).isEqualTo(Reason.REQUEST_NOT_ALLOWED);
    assertThat(uri.getMessage()).contains("reserves the GDS's own ApplicationUri");
    // a device that registered a DiscoveryUrl on the GDS's host still cannot get its name
    ApplicationRecord beside = app("urn:test:beside", "opc.tcp://GDS.test:4841");
    GdsException host =
        refusal(
            () ->
                defaults()
                    .check(
                        beside,
                        CertificateGroup.DEFAULT_APPLICATION_GROUP,
                        "CN=x",
                        List.of("gds.test"),
                        List::of,
                        NKP));
    assertThat(host.getMessage()).contains("reserves the GDS's own host name 'gds.test'");
  }

  // through the service: the refusal comes before the approval policy, so auto-approve stores
  // nothing; a passing request carries the verdict in its history for the approver
  @Test
  void autoApproveNeverBypassesThePolicyAndTheApproverSeesTheVerdict() throws Exception {
    f.policy(ApprovalPolicy.AUTO_APPROVE);
    ApplicationRecord app = f.register("press");
    GdsException e =
        refusal(
            () ->
                f.service()
                    .startNewKeyPairRequest(
                        certificateAdmin(),
                        app.id(),
                        null,
                        null,
                        null,
                        List.of("bank.example"),
                        "PEM",
                        null));
    assertThat(e.reason()).isEqualTo(Reason.REQUEST_NOT_ALLOWED);
    assertThat(f.store.requests.rows).isEmpty();

    UUID id =
        f.service()
            .startSigningRequest(
                certificateAdmin(),
                app.id(),
                null,
                null,
                csr(
                    app,
                    KeyPairs.generate(CertificateType.ECC_NIST_P256, 2048),
                    "SHA256withECDSA",
                    "press"));
    RequestHistoryEntry verdict =
        f.store.requests.history(id).stream()
            .filter(h -> h.action().equals("created"))
            .findFirst()
            .orElseThrow();
    assertThat(verdict.text())
        .startsWith("signing request; issuance policy of DefaultApplicationGroup passed");
    assertThat(verdict.text()).contains("press (registered)");
  }

  // a wildcard the group allows is not only filed but issued (the CA's profile takes it)
  @Test
  void anAllowedWildcardIsIssued() throws Exception {
    f.policy(ApprovalPolicy.AUTO_APPROVE)
        .issuancePolicy(
            policy(
                CertificateGroup.DEFAULT_APPLICATION_GROUP,
                new IssuanceRules(List.of("*.plant.example"), true, null, List.of())));
    ApplicationRecord app = f.register("press");
    KeyPair key = KeyPairs.generate(CertificateType.ECC_NIST_P256, 2048);
    UUID id =
        f.service()
            .startSigningRequest(
                certificateAdmin(),
                app.id(),
                null,
                null,
                csr(app, key, "SHA256withECDSA", "*.plant.example"));
    CertificateRequestRecord r = f.request(id);
    assertThat(r.state()).isEqualTo(RequestState.APPROVED);
    assertThat(r.certificateDer()).isNotNull();
    var cert = DerCertificates.parse(r.certificateDer());
    List<String> sans =
        cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
    assertThat(sans).contains(app.applicationUri(), "*.plant.example");
  }

  // the CSR's own cryptography: a small RSA exponent or a SHA-1 signature is refused at filing
  @Test
  void weakCsrCryptographyIsRefusedAtFilingNamingTheCertificateRequest() throws Exception {
    try (CertificatesFixture rsa =
        new CertificatesFixture(dir.resolve("rsa"), CertificateType.RSA_SHA256)) {
      ApplicationRecord app = rsa.register("press");
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(3)));
      GdsException e3 =
          refusal(
              () ->
                  rsa.service()
                      .startSigningRequest(
                          certificateAdmin(),
                          app.id(),
                          null,
                          null,
                          csr(app, g.generateKeyPair(), "SHA256withRSA", "press")));
      assertThat(e3).isInstanceOf(ArgumentRefusal.class);
      assertThat(((ArgumentRefusal) e3).argument()).isEqualTo("CertificateRequest");
      assertThat(e3.getMessage()).contains("exponent 3");
      KeyPair f4 = KeyPairs.generate(CertificateType.RSA_SHA256, 2048);
      GdsException sha1 =
          refusal(
              () ->
                  rsa.service()
                      .startSigningRequest(
                          certificateAdmin(),
                          app.id(),
                          null,
                          null,
                          csr(app, f4, "SHA1withRSA", "press")));
      assertThat(sha1.reason()).isEqualTo(Reason.INVALID_ARGUMENT);
      assertThat(sha1.getMessage()).contains("SHA-256 or better");
      assertThat(rsa.store.requests.rows).isEmpty();
    }
  }

  static byte[] csr(ApplicationRecord app, KeyPair pair, String alg, String dns) throws Exception {
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.uniformResourceIdentifier, app.applicationUri()),
              new GeneralName(GeneralName.dNSName, dns)
            }));
    var b = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=press"), pair.getPublic());
    b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
    return b.build(new JcaContentSignerBuilder(alg).build(pair.getPrivate())).getEncoded();
  }
}
