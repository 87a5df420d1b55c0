package io.gdsvault.gds.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The record's builder and withers: each change touches exactly the components it names. */
class CertificateRequestRecordTest {

  private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

  /** A record with every component set to a distinct value. */
  private static CertificateRequestRecord full() {
    return CertificateRequestRecord.builder()
        .requestId(UUID.randomUUID())
        .applicationId(UUID.randomUUID())
        .applicationUri("urn:a")
        .certificateGroup("G")
        .certificateType("T")
        .kind(RequestKind.NEW_KEY_PAIR)
        .state(RequestState.NEW)
        .subjectName("CN=a")
        .domainNames(List.of("a.example"))
        .keyType("EC-256")
        .privateKeyFormat(PrivateKeyFormat.PEM)
        .csrDer(new byte[] {1})
        .csrSeal(new byte[] {2})
        .keyBlob(new byte[] {3})
        .keyBlobExpiresAt(T.plusSeconds(1))
        .requestedBy("alice")
        .requesterThumbprint("ab")
        .createdAt(T)
        .decidedBy("bob")
        .decidedAt(T.plusSeconds(2))
        .decisionText("ok")
        .certificateDer(new byte[] {4})
        .serial("0f")
        .caId("ca1")
        .deliveredAt(T.plusSeconds(3))
        .build();
  }

  /** The names of the components whose values differ between the two records. */
  private static Set<String> changed(CertificateRequestRecord a, CertificateRequestRecord b)
      throws Exception {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : CertificateRequestRecord.class.getRecordComponents()) {
      Object x = c.getAccessor().invoke(a);
      Object y = c.getAccessor().invoke(b);
      boolean same =
          (x instanceof byte[] xb && y instanceof byte[] yb)
              ? java.util.Arrays.equals(xb, yb)
              : Objects.equals(x, y);
      if (!same) {
        names.add(c.getName());
      }
    }
    return Set.copyOf(names);
  }

  private static void assertChanges(UnaryOperator<CertificateRequestRecord> change, String... names)
      throws Exception {
    CertificateRequestRecord r = full();
    assertThat(changed(r, change.apply(r))).containsExactlyInAnyOrder(names);
  }

  @Test
  void aRecordCopiedThroughItsBuilderIsUnchanged() throws Exception {
    CertificateRequestRecord r = full();
    assertThat(changed(r, r.toBuilder().build())).isEmpty();
  }

  @Test
  void eachWitherChangesOnlyTheComponentsItNames() throws Exception {
    assertChanges(r -> r.withState(RequestState.APPROVED), "state");
    assertChanges(CertificateRequestRecord::withoutKey, "keyBlob", "keyBlobExpiresAt");
    assertChanges(r -> r.withKeyBlob(new byte[] {9}, T), "keyBlob", "keyBlobExpiresAt");
    assertChanges(
        r -> r.withGeneratedKey(new byte[] {7}, new byte[] {8}, new byte[] {9}),
        "csrDer",
        "csrSeal",
        "keyBlob");
    assertChanges(
        r -> r.withDecision(RequestState.REJECTED, "carol", T, "no"),
        "state",
        "decidedBy",
        "decidedAt",
        "decisionText");
    assertChanges(
        r -> r.withCertificate(new byte[] {5}, "10", "ca2"), "certificateDer", "serial", "caId");
    assertChanges(
        r -> r.withDelivery(T, null, null), "state", "keyBlob", "keyBlobExpiresAt", "deliveredAt");
  }

  @Test
  void aDeliveryMakesTheRequestAcceptedAndKeepsTheGivenKeyUntilTheGivenTime() {
    CertificateRequestRecord d = full().withDelivery(T, new byte[] {6}, T.plusSeconds(60));
    assertThat(d.state()).isEqualTo(RequestState.ACCEPTED);
    assertThat(d.keyBlob()).containsExactly(6);
    assertThat(d.keyBlobExpiresAt()).isEqualTo(T.plusSeconds(60));
    assertThat(d.deliveredAt()).isEqualTo(T);
  }

  @Test
  void aRecordWithoutARequiredComponentIsNotBuiltAndDomainNamesDefaultToNone() {
    assertThatThrownBy(
            () -> CertificateRequestRecord.builder().requestId(UUID.randomUUID()).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("applicationId is required");
    CertificateRequestRecord minimal =
        CertificateRequestRecord.builder()
            .requestId(UUID.randomUUID())
            .applicationId(UUID.randomUUID())
            .applicationUri("urn:a")
            .certificateGroup("G")
            .certificateType("T")
            .kind(RequestKind.SIGNING_REQUEST)
            .state(RequestState.NEW)
            .subjectName("CN=a")
            .keyType("EC-256")
            .requestedBy("alice")
            .createdAt(T)
            .build();
    assertThat(minimal.domainNames()).isEmpty();
    assertThat(minimal.privateKeyFormat()).isNull();
    assertThat(minimal.issued()).isFalse();
  }
}
