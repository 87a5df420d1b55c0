package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every certificate type a target lists for its DefaultApplicationGroup gets a certificate, or is
 * reported as skipped by policy. Seen against open62541: a target listing RsaSha256 and RsaMin (for
 * its Basic128Rsa15 and Basic256 endpoints) got only the RsaSha256 one.
 */
class CertificateTypesTest {

  static final String RSA = CertificateTypePolicy.RSA_SHA256;
  static final String RSA_MIN = CertificateTypePolicy.RSA_MIN;
  static final String BRAINPOOL = "EccBrainpoolP256r1ApplicationCertificateType";
  static final String P256 = "EccNistP256ApplicationCertificateType";

  final PushWorld w = new PushWorld();
  final PushEngine engine = w.engine();

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void thePolicyIssuesWhatOurCasIssueRsaMinFromTheRsaLineAndSkipsTheRestPrimaryFirst() {
    List<CertificateSlot> plan =
        CertificateTypePolicy.plan(List.of(RSA_MIN, BRAINPOOL, RSA, P256), List.of(RSA, P256));
    assertThat(plan)
        .extracting(CertificateSlot::type)
        .containsExactly(RSA, RSA_MIN, P256, BRAINPOOL);
    assertThat(plan.get(3).skipped())
        .isEqualTo("the GDS's CAs do not issue " + BRAINPOOL + " certificates");
    assertThat(plan.subList(0, 3)).allSatisfy(s -> assertThat(s.isSkipped()).isFalse());
    assertThat(CertificateTypePolicy.issuingType(RSA_MIN, List.of(RSA))).contains(RSA);
    assertThat(CertificateTypePolicy.issuingType(RSA_MIN, List.of(P256))).isEmpty();
    assertThat(CertificateTypePolicy.plan(List.of(P256, RSA_MIN), List.of(RSA, P256)))
        .extracting(CertificateSlot::type)
        .as("without RsaSha256 the first listed type is the primary")
        .containsExactly(P256, RSA_MIN);
  }

  @Test
  void aTargetListingRsaSha256AndRsaMinGetsBothAndTheTypeWeDoNotIssueIsReportedSkipped() {
    w.target.types = List.of(RSA, RSA_MIN, BRAINPOOL);
    UUID app = w.enabled(engine);
    PushTarget done = w.runWhenDue(engine, app);

    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.target.csrTypes).containsExactly(RSA, RSA_MIN);
    assertThat(w.certificates.requests.values())
        .extracting(f -> f.type)
        .as("both from our RSA line")
        .containsExactly(RSA, RSA);
    assertThat(w.ca.issued(w.target.presented)).isTrue();
    assertThat(w.target.others).containsOnlyKeys(RSA_MIN);
    assertThat(w.ca.issued(w.target.others.get(RSA_MIN))).isTrue();
    assertThat(w.target.applyChanges).as("trust list, then both certificates at once").isEqualTo(2);

    assertThat(done.certificates())
        .extracting(CertificateSlot::type)
        .containsExactly(RSA, RSA_MIN, BRAINPOOL);
    assertThat(done.certificates().get(1).installed().thumbprint())
        .isEqualTo(Thumbprints.of(w.target.others.get(RSA_MIN)));
    assertThat(done.certificateThumbprint()).isEqualTo(Thumbprints.of(w.target.presented));
    assertThat(done.certificateSummary().split("\n"))
        .hasSize(3)
        .satisfies(l -> assertThat(l[0]).startsWith(RSA + "=installed;thumbprint="))
        .satisfies(l -> assertThat(l[1]).startsWith(RSA_MIN + "=installed;thumbprint="))
        .satisfies(
            l ->
                assertThat(l[2])
                    .isEqualTo(
                        BRAINPOOL
                            + "=skipped;reason=the GDS's CAs do not issue "
                            + BRAINPOOL
                            + " certificates"));
    assertThat(w.audit).anySatisfy(a -> assertThat(a).contains("types=" + RSA + "," + RSA_MIN));
  }

  @Test
  void thePushWaitsUntilEveryTypesRequestIsApprovedAndInstallsThemTogether() {
    w.certificates.autoApprove = false;
    w.target.types = List.of(RSA, RSA_MIN);
    UUID app = w.enabled(engine);
    PushTarget waiting = w.runWhenDue(engine, app);
    List<UUID> requests = List.copyOf(w.certificates.requests.keySet());
    assertThat(requests).hasSize(2);
    w.certificates.approve(requests.get(0));
    assertThat(w.runWhenDue(engine, app).phase())
        .isEqualTo("waiting for approval of request " + requests.get(1));
    assertThat(w.target.certificateUpdates).as("nothing installed while one waits").isZero();
    assertThat(waiting.requestId()).isEqualTo(requests.get(0));

    w.certificates.approve(requests.get(1));
    PushTarget done = w.runWhenDue(engine, app);
    assertThat(done.state()).isEqualTo(PushState.SUCCEEDED);
    assertThat(w.target.certificateUpdates).isEqualTo(2);
    assertThat(w.certificates.count(app)).isEqualTo(2);
  }

  @Test
  void aCertificateOneTypeRefusesIsRequestedAgainForThatTypeOnly() {
    w.target.types = List.of(RSA, RSA_MIN);
    UUID app = w.enabled(engine);
    w.certificates.autoApprove = false;
    w.runWhenDue(engine, app);
    List<UUID> first = List.copyOf(w.certificates.requests.keySet());
    first.forEach(w.certificates::approve);
    w.certificates.reject(first.get(1), "RsaMin not wanted here");
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError()).contains("RsaMin not wanted here");
    assertThat(failed.certificates().get(0).inFlight().requestId()).isEqualTo(first.get(0));
    assertThat(failed.certificates().get(1).inFlight()).isNull();

    w.runWhenDue(engine, app);
    assertThat(w.certificates.count(app)).as("one new request, for RsaMin").isEqualTo(3);
  }

  @Test
  void aTargetListingOnlyTypesWeDoNotIssueFailsWithTheReasonAndStatusShowsThem() {
    w.target.types = List.of(BRAINPOOL);
    UUID app = w.enabled(engine);
    PushTarget failed = w.runWhenDue(engine, app);
    assertThat(failed.state()).isEqualTo(PushState.FAILED);
    assertThat(failed.lastError())
        .startsWith(
            "the target lists no certificate type the GDS issues: " + BRAINPOOL + "=skipped");
    assertThat(failed.certificateSummary()).startsWith(BRAINPOOL + "=skipped");
    assertThat(w.certificates.count(app)).isZero();
  }

  @Test
  void aTargetListingNoTypesIsTreatedAsRsaSha256() {
    w.target.types = List.of();
    UUID app = w.enabled(engine);
    assertThat(w.runWhenDue(engine, app).certificates())
        .extracting(CertificateSlot::type)
        .containsExactly(RSA);
  }

  @Test
  void aSecondaryCertificateThatIsDueRenewsAllOfThem() {
    w.target.types = List.of(RSA, RSA_MIN);
    UUID app = w.enabled(engine);
    PushTarget done = w.runWhenDue(engine, app);
    var min = done.certificates().get(1).installed();
    w.trust.standings.put(min.thumbprint(), TrustSource.Standing.REVOKED);
    assertThat(engine.scanRenewals()).isEqualTo(1);
    assertThat(w.job(app).phase()).isEqualTo("queued: " + RSA_MIN + " certificate was revoked");
    PushTarget renewed = w.runWhenDue(engine, app);
    assertThat(renewed.certificates().get(1).installed().thumbprint())
        .isNotEqualTo(min.thumbprint());
    assertThat(renewed.certificateThumbprint()).isNotEqualTo(done.certificateThumbprint());
  }
}
