package io.gdsvault.gds.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.GdsException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The request lifecycle and the approval policies, without network or database. */
class RequestLifecycleTest {

  @Test
  void aNewRequestIsDecidedOnceAndDeliveredOnlyAfterApproval() {
    // Part 12 §7.9.5 states: New -> Approved|Rejected -> Accepted
    assertThat(RequestState.NEW.successors())
        .containsExactlyInAnyOrder(
            RequestState.APPROVED, RequestState.REJECTED, RequestState.REMOVED);
    assertThat(RequestState.NEW.canMoveTo(RequestState.ACCEPTED)).isFalse();
    assertThat(RequestState.APPROVED.canMoveTo(RequestState.ACCEPTED)).isTrue();
    assertThat(RequestState.REJECTED.successors()).isEmpty();
    assertThat(RequestState.ACCEPTED.canMoveTo(RequestState.REVOKED)).isTrue();
    assertThat(RequestState.ACCEPTED.canMoveTo(RequestState.APPROVED)).isFalse();
    assertThat(RequestState.NEW.isOpen()).isTrue();
    assertThat(RequestState.ACCEPTED.isOpen()).isFalse();
    assertThat(RequestState.parse("Approved")).contains(RequestState.APPROVED);
    assertThat(RequestState.parse("done")).isEmpty();
  }

  @Test
  void privateKeyFormatsArePemAndPfxAndEmptyMeansPfx() {
    assertThat(PrivateKeyFormat.parse("pem")).isEqualTo(PrivateKeyFormat.PEM);
    assertThat(PrivateKeyFormat.parse(null)).isEqualTo(PrivateKeyFormat.PFX);
    assertThatThrownBy(() -> PrivateKeyFormat.parse("JKS")).isInstanceOf(GdsException.class);
  }

  @Test
  void theFirstMatchingRuleDecidesAndTheFallbackTakesTheRest() {
    ApprovalPolicy policy =
        new RuleBasedApprovalPolicy(
            List.of(
                new ApprovalRule(
                    Pattern.compile("urn:lab:.*"), null, ApprovalPolicy.Outcome.APPROVE),
                new ApprovalRule(null, "mallory", ApprovalPolicy.Outcome.REJECT)),
            ApprovalPolicy.MANUAL);
    assertThat(policy.decide(request("urn:lab:press", "alice")).outcome())
        .isEqualTo(ApprovalPolicy.Outcome.APPROVE);
    assertThat(policy.decide(request("urn:plant:press", "mallory")).outcome())
        .isEqualTo(ApprovalPolicy.Outcome.REJECT);
    assertThat(policy.decide(request("urn:plant:press", "alice")).outcome())
        .isEqualTo(ApprovalPolicy.Outcome.MANUAL);
    assertThat(policy.decide(request("urn:lab:x", "a")).reason()).contains("urn:lab:");
    assertThat(ApprovalPolicy.AUTO_APPROVE.decide(request("urn:x", "a")).reason()).contains("labs");
  }

  private static CertificateRequestRecord request(String uri, String user) {
    return CertificateRequestRecord.builder()
        .requestId(UUID.randomUUID())
        .applicationId(UUID.randomUUID())
        .applicationUri(uri)
        .certificateGroup("DefaultApplicationGroup")
        .certificateType("RsaSha256ApplicationCertificateType")
        .kind(RequestKind.SIGNING_REQUEST)
        .state(RequestState.NEW)
        .subjectName("CN=x")
        .keyType("RSA-2048")
        .requestedBy(user)
        .createdAt(Instant.EPOCH)
        .build();
  }
}
