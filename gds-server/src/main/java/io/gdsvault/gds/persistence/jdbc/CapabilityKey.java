package io.gdsvault.gds.persistence.jdbc;

import java.util.List;

/**
 * The {@code applications.capability_key} column: every capability of a record between {@code |}
 * delimiters ({@code |DA|HD|}, {@code |} for none), with {@code %} and {@code |} inside a
 * capability written as {@code %25} and {@code %7C} so that a delimiter never occurs inside one.
 * {@link #likePattern} matches exactly one whole capability.
 */
public final class CapabilityKey {

  /** Part 12 Annex D: records with this capability are never returned by queries. */
  public static final String NOT_AVAILABLE = "NA";

  private CapabilityKey() {}

  public static String of(List<String> capabilities) {
    StringBuilder b = new StringBuilder("|");
    for (String c : capabilities) {
      b.append(encode(c)).append('|');
    }
    return b.toString();
  }

  /** A SQL LIKE pattern (escape character {@code !}) for records having {@code capability}. */
  public static String likePattern(String capability) {
    String encoded = encode(capability);
    StringBuilder b = new StringBuilder("%|");
    for (int i = 0; i < encoded.length(); i++) {
      char ch = encoded.charAt(i);
      if (ch == '%' || ch == '_' || ch == '!') {
        b.append('!');
      }
      b.append(ch);
    }
    return b.append("|%").toString();
  }

  private static String encode(String capability) {
    return capability.replace("%", "%25").replace("|", "%7C");
  }
}
