package io.gdsvault.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The property runner itself: reproducible inputs, failures that name seed and input, hangs caught.
 */
class FuzzTest {

  @Test
  void theSamePropertyGetsTheSameInputsEveryRun() {
    // CI reproducibility: the seed is fixed per property name
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    Fuzz.forAll("fuzz.self.repeat", 20, Duration.ofSeconds(5), r -> r.nextLong(), first::add);
    Fuzz.forAll("fuzz.self.repeat", 20, Duration.ofSeconds(5), r -> r.nextLong(), second::add);
    assertThat(first).hasSize(20).isEqualTo(second);
  }

  @Test
  void aFalsifiedPropertyNamesItsSeedTryAndInput() {
    long seed = Fuzz.seed("fuzz.self.falsified");
    assertThatThrownBy(
            () ->
                Fuzz.forAll(
                    "fuzz.self.falsified",
                    100,
                    Duration.ofSeconds(5),
                    r -> new byte[] {(byte) r.nextInt(4)},
                    b -> assertThat(b[0]).isNotEqualTo((byte) 3)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("property fuzz.self.falsified falsified at try")
        .hasMessageContaining("seed " + seed)
        .hasMessageContaining("1 bytes [03]");
  }

  @Test
  void anInputThatHangsFailsThePropertyInsteadOfTheBuild() {
    assertThatThrownBy(
            () ->
                Fuzz.forAll(
                    "fuzz.self.hang",
                    3,
                    Duration.ofMillis(100),
                    Duration.ofMillis(500),
                    r -> "stuck",
                    s -> Thread.sleep(60_000))) // the input that hangs, not a wait
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("property fuzz.self.hang hung at try 0")
        .hasMessageContaining("\"stuck\"");
  }

  @Test
  void aMutationNeverReturnsItsInputUnchanged() {
    // found by wire.csr: a zero DER length "shortened by one" was the same CSR, which the GDS
    // rightly accepted
    byte[] nullParameters = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x0b,
      0x05,
      0x00
    };
    Fuzz.forAll(
        "mutations.change",
        3000,
        Duration.ofSeconds(3),
        r -> r.nextLong(),
        x -> {
          java.util.Random r = new java.util.Random(x);
          assertThat(Mutations.any(nullParameters, r)).isNotEqualTo(nullParameters);
          assertThat(Mutations.derLength(nullParameters, r)).isNotEqualTo(nullParameters);
          assertThat(Mutations.bitFlips(nullParameters, r)).isNotEqualTo(nullParameters);
        });
  }
}
