package io.gdsvault.gds.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LikePatternTest {

  /** The reference: the Part 4 pattern as a regular expression (java.util.regex, not ours). */
  private static Pattern regexOfPart4(String like) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /** A SQL LIKE pattern with '!' as its escape character, as a regular expression. */
  private static Pattern regexOfSql(String like) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '!' && i + 1 < like.length()) {
        re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  private static String random(Random r, String alphabet, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  @Test
  void matchesExactlyWhatTheRegularExpressionMatches() {
    Random r = new Random(12);
    int matched = 0;
    for (int round = 0; round < 20_000; round++) {
      String pattern = random(r, "ab%_\\!", 8);
      String value = random(r, "ab%_\\!", 10);
      LikePattern p = LikePattern.parse(pattern);
      boolean expected = regexOfPart4(pattern).matcher(value).matches();
      assertThat(p.matches(value)).as("%s LIKE %s", value, pattern).isEqualTo(expected);
      // the database form means the same
      assertThat(regexOfSql(p.sqlLike()).matcher(value).matches())
          .as("%s LIKE sql %s", value, p.sqlLike())
          .isEqualTo(expected);
      if (expected) {
        matched++;
        for (String condition : p.necessaryConditions()) {
          assertThat(regexOfSql(condition).matcher(value).matches())
              .as("%s matches %s so it must match %s", value, pattern, condition)
              .isTrue();
        }
      }
    }
    // the random inputs exercise both outcomes
    assertThat(matched).isBetween(1_000, 19_000);
  }

  @Test
  void necessaryConditionsHaveAtMostTwoWildcardRunsEach() {
    LikePattern p = LikePattern.parse("urn:%a%a%b%c%dd%e%f_g");
    assertThat(p.databaseSafe()).isFalse();
    List<String> conditions = p.necessaryConditions();
    assertThat(conditions).first().isEqualTo("urn:%f_g"); // fixed start and end in one condition
    assertThat(conditions).hasSize(1 + LikePattern.MAX_INTERIOR_CONDITIONS).contains("%dd%");
    for (String c : conditions) {
      assertThat(c.chars().filter(ch -> ch == '%').count()).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void runsOfPercentCollapseAndEscapesAreLiterals() {
    assertThat(LikePattern.parse("a%%%%b").databaseSafe()).isTrue();
    assertThat(LikePattern.parse("a%%%%b").sqlLike()).isEqualTo("a%b");
    assertThat(LikePattern.parse("a\\%b").hasWildcard()).isFalse();
    assertThat(LikePattern.parse("a\\%b").literal()).isEqualTo("a%b");
    assertThat(LikePattern.parse("50!\\_").sqlLike()).isEqualTo("50!!!_");
    assertThat(LikePattern.parse("x\\").literal()).isEqualTo("x\\");
  }

  @Test
  void aLongValueAgainstManyWildcardsIsDecidedByTheGreedyMatcher() {
    String value = "urn:" + "a".repeat(1996);
    // with backtracking per % this is about 2000^8 steps; greedy it is a few million
    assertThat(LikePattern.parse("urn:%a%a%a%a%a%a%a%b").matches(value)).isFalse();
    assertThat(LikePattern.parse("urn:%a%a%a%a%a%a%a%").matches(value)).isTrue();
    assertThat(LikePattern.parse("urn:%a%a%a%a%a%a%a").matches(value)).isTrue();
  }
}
