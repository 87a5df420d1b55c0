package io.gdsvault.gds.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Part 4 LIKE pattern ({@code %} any run, {@code _} one character, {@code \} escapes the next
 * character; {@code []} lists are not supported and match literally), parsed once, with runs of
 * {@code %} collapsed into one.
 *
 * <p>Why it exists: a database's LIKE may backtrack. H2 tries every split of the value for every
 * {@code %}, so its time grows with the value's length to the power of the number of {@code %}s:
 * one 2,000-character ApplicationUri and {@code urn:%a%a%b} took seconds. {@link #matches} is the
 * greedy matcher that backtracks only to the last {@code %} (time at most value length × pattern
 * length), and {@link #necessaryConditions} gives SQL LIKE patterns with at most two {@code %} each
 * that every match satisfies, so the database narrows the rows cheaply and {@link #matches}
 * decides.
 */
public final class LikePattern {

  /** Patterns with at most this many {@code %} go to the database as they are. */
  public static final int MAX_DATABASE_WILDCARDS = 2;

  /** At most this many interior segments become a {@link #necessaryConditions condition}. */
  static final int MAX_INTERIOR_CONDITIONS = 3;

  private static final int ANY = -1;
  private static final int ONE = -2;

  /** Code points of literal characters, or {@link #ANY} / {@link #ONE}. */
  private final int[] tokens;

  private final int anyCount;
  private final boolean wildcard;

  private LikePattern(int[] tokens) {
    this.tokens = tokens;
    int any = 0;
    boolean w = false;
    for (int t : tokens) {
      any += t == ANY ? 1 : 0;
      w |= t < 0;
    }
    this.anyCount = any;
    this.wildcard = w;
  }

  /** Parses a Part 4 pattern (a trailing lone backslash is a literal backslash). */
  public static LikePattern parse(String pattern) {
    List<Integer> out = new ArrayList<>(pattern.length());
    int i = 0;
    while (i < pattern.length()) {
      int c = pattern.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\\' && i < pattern.length()) {
        int escaped = pattern.codePointAt(i);
        i += Character.charCount(escaped);
        out.add(escaped);
      } else if (c == '%') {
        if (out.isEmpty() || out.get(out.size() - 1) != ANY) {
          out.add(ANY);
        }
      } else if (c == '_') {
        out.add(ONE);
      } else {
        out.add(c);
      }
    }
    return new LikePattern(out.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Whether the pattern has {@code %} or {@code _} (else it is an exact value). */
  public boolean hasWildcard() {
    return wildcard;
  }

  /** Whether the database may evaluate {@link #sqlLike()} itself without backtracking for long. */
  public boolean databaseSafe() {
    return anyCount <= MAX_DATABASE_WILDCARDS;
  }

  /** The exact value of a pattern without wildcards (escapes removed). */
  public String literal() {
    StringBuilder out = new StringBuilder(tokens.length);
    for (int t : tokens) {
      if (t >= 0) {
        out.appendCodePoint(t);
      }
    }
    return out.toString();
  }

  /** The whole pattern as a SQL LIKE pattern with {@code !} as the escape character. */
  public String sqlLike() {
    return sql(tokens, 0, tokens.length);
  }

  /**
   * SQL LIKE patterns (escape {@code !}) with at most two {@code %} each that every value matching
   * this pattern also matches: the fixed start and end ({@code start%end}) and the longest interior
   * segments between {@code %}s ({@code %segment%}). Empty for a pattern without {@code %}.
   */
  public List<String> necessaryConditions() {
    List<int[]> bounds = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= tokens.length; i++) {
      if (i == tokens.length || tokens[i] == ANY) {
        bounds.add(new int[] {start, i});
        start = i + 1;
      }
    }
    List<String> out = new ArrayList<>();
    if (bounds.size() < 2) {
      return out;
    }
    int[] first = bounds.get(0);
    int[] last = bounds.get(bounds.size() - 1);
    if (first[1] > first[0] || last[1] > last[0]) {
      out.add(sql(tokens, first[0], first[1]) + "%" + sql(tokens, last[0], last[1]));
    }
    bounds.subList(1, bounds.size() - 1).stream()
        .filter(b -> b[1] > b[0])
        .sorted(Comparator.comparingInt((int[] b) -> b[1] - b[0]).reversed())
        .limit(MAX_INTERIOR_CONDITIONS)
        .forEach(b -> out.add("%" + sql(tokens, b[0], b[1]) + "%"));
    return out;
  }

  /**
   * Whether {@code value} matches, comparing code points. Greedy: on a mismatch it goes back only
   * to the most recent {@code %} and lets it take one more character, which is enough because a
   * later {@code %} can absorb whatever an earlier one would have taken.
   */
  public boolean matches(String value) {
    int[] s = value.codePoints().toArray();
    int si = 0;
    int pi = 0;
    int star = -1;
    int resumeAt = 0;
    while (si < s.length) {
      if (pi < tokens.length && (tokens[pi] == ONE || tokens[pi] == s[si])) {
        pi++;
        si++;
      } else if (pi < tokens.length && tokens[pi] == ANY) {
        star = pi++;
        resumeAt = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++resumeAt;
      } else {
        return false;
      }
    }
    while (pi < tokens.length && tokens[pi] == ANY) {
      pi++;
    }
    return pi == tokens.length;
  }

  private static String sql(int[] tokens, int from, int to) {
    StringBuilder out = new StringBuilder(to - from + 8);
    for (int i = from; i < to; i++) {
      int t = tokens[i];
      if (t == ANY) {
        out.append('%');
      } else if (t == ONE) {
        out.append('_');
      } else {
        if (t == '%' || t == '_' || t == '!') {
          out.append('!');
        }
        out.appendCodePoint(t);
      }
    }
    return out.toString();
  }
}
