package io.gdsvault.ca;

import static io.gdsvault.ca.Refusals.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CaException.Reason;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Serials are long, random and reserved before signing, so no CA generation repeats one. */
class SerialNumbersTest {

  // RFC 5280 §4.1.2.2: positive, at most 20 octets; CA/B guidance: at least 64 random bits.
  @Test
  void aSerialIsPositiveWith127BitsInSixteenOctets() {
    for (int i = 0; i < 1000; i++) {
      BigInteger s = SerialNumbers.random();
      assertThat(s.signum()).isPositive();
      assertThat(s.bitLength()).isEqualTo(127);
      assertThat(s.toByteArray()).hasSize(16);
    }
  }

  @Test
  void reservedSerialsAreDistinctAndKnownToTheirGenerationOnly() throws Exception {
    RecordingStore store = new RecordingStore();
    SerialNumbers serials = new SerialNumbers(store);
    Set<BigInteger> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      BigInteger s = serials.reserve("ca-1");
      assertThat(seen.add(s)).as("serial %s drawn twice", s).isTrue();
      assertThat(serials.issuedBy("ca-1", s)).isTrue();
      assertThat(serials.issuedBy("ca-2", s)).isFalse();
    }
    assertThat(serials.issuedBy("ca-1", BigInteger.valueOf(12345))).isFalse();
  }

  // Another node may hold a serial already: the CA draws again rather than sign a duplicate.
  @Test
  void aSerialTheStoreRefusesIsReplacedByAFreshDraw() throws Exception {
    RecordingStore store = new RecordingStore();
    store.refuseNext.set(3);
    BigInteger s = new SerialNumbers(store).reserve("ca-1");
    assertThat(store.offered).hasSize(4).doesNotHaveDuplicates().endsWith(s);
    assertThat(store.serialReserved("ca-1", s)).isTrue();
    for (BigInteger refused : store.offered.subList(0, 3)) {
      assertThat(store.serialReserved("ca-1", refused)).isFalse();
    }
  }

  // A store that refuses everything is broken: fail with a reason instead of looping for ever.
  @Test
  void aStoreThatRefusesEveryDrawFailsAfterABoundedNumberOfAttempts() {
    RecordingStore store = new RecordingStore();
    store.refuseNext.set(Integer.MAX_VALUE);
    assertThat(reasonOf(() -> new SerialNumbers(store).reserve("ca-1")))
        .isEqualTo(Reason.STORE_FAILED);
    assertThat(store.offered).hasSize(SerialNumbers.RESERVE_ATTEMPTS);
  }
}
