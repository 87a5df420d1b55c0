package io.gdsvault.gds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(100_000);

  @Test
  void aHashVerifiesItsPasswordOnlyAndIsSalted() {
    String a = hasher.hash("correct horse".toCharArray());
    String b = hasher.hash("correct horse".toCharArray());
    assertThat(a).startsWith("pbkdf2-sha256$100000$").doesNotContain("correct horse");
    assertThat(a).isNotEqualTo(b);
    assertThat(hasher.verify("correct horse".toCharArray(), a)).isTrue();
    assertThat(hasher.verify("correct horsE".toCharArray(), a)).isFalse();
    assertThat(hasher.verify("x".toCharArray(), "garbage")).isFalse();
    assertThat(hasher.verify("x".toCharArray(), null)).isFalse();
  }

  @Test
  void theDefaultIterationCountIsStoredWithTheHash() {
    String h = new PasswordHasher(210_000).hash("p".toCharArray());
    assertThat(h.split("\\$", -1)[1]).isEqualTo("210000");
  }
}
