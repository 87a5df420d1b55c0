package io.gdsvault.gds.model.net;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for the names that go into a certificate's subjectAltName and an endpoint URL's
 * host: a DNS name (RFC 1123 labels, as RFC 5280 asks for dNSName), an IPv4 or IPv6 literal, or a
 * wildcard DNS name, told apart without any DNS lookup.
 *
 * <ul>
 *   <li>A DNS name has at most {@value #MAX_LENGTH} characters and one or more dot-separated labels
 *       of 1 to {@value #MAX_LABEL_LENGTH} ASCII letters, digits and hyphens, neither starting nor
 *       ending with a hyphen; internationalized names must be in their {@code xn--} form. No
 *       trailing dot, no underscore, no spaces.
 *   <li>The last label of a DNS name is not all digits (RFC 1123 §2.1), so {@code 999.1.1.1} is
 *       neither a DNS name nor an IPv4 address: it is invalid.
 *   <li>An IPv4 address is four decimal octets 0..255 without leading zeros; an IPv6 address is the
 *       RFC 4291 text form without brackets or zone id (an embedded IPv4 tail is allowed).
 *   <li>A wildcard is {@code *} as the whole leftmost label over a DNS name of at least two labels
 *       ({@code *.example.com}, never {@code *.com} or {@code f*o.example.com}). It is reported as
 *       its own {@link Kind}, so each caller states whether its policy accepts one.
 * </ul>
 */
public final class HostNames {

  /** Longest DNS name in its text form (RFC 1035 §2.3.4, without a trailing dot). */
  public static final int MAX_LENGTH = 253;

  /** Longest label (RFC 1035 §2.3.4). */
  public static final int MAX_LABEL_LENGTH = 63;

  /** What a name is. */
  public enum Kind {
    DNS_NAME,
    WILDCARD_DNS_NAME,
    IPV4_ADDRESS,
    IPV6_ADDRESS,
    INVALID;

    /** An IP literal: goes into a SAN as iPAddress, not dNSName. */
    public boolean isIpAddress() {
      return this == IPV4_ADDRESS || this == IPV6_ADDRESS;
    }
  }

  /** Whether a policy accepts wildcard DNS names. */
  public enum Wildcards {
    REFUSE,
    ALLOW
  }

  private HostNames() {}

  /** What the text is; null, empty and anything not matching the rule are {@link Kind#INVALID}. */
  public static Kind classify(@Nullable String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_LENGTH + 2) {
      // an IPv6 literal is at most 45 characters; a DNS name MAX_LENGTH, "*." adds two
      return Kind.INVALID;
    }
    if (name.indexOf(':') >= 0) {
      return isIpv6(name) ? Kind.IPV6_ADDRESS : Kind.INVALID;
    }
    if (name.startsWith("*.")) {
      String rest = name.substring(2);
      return rest.indexOf('.') > 0 && isDnsName(rest) && name.length() <= MAX_LENGTH
          ? Kind.WILDCARD_DNS_NAME
          : Kind.INVALID;
    }
    if (isIpv4(name)) {
      return Kind.IPV4_ADDRESS;
    }
    return isDnsName(name) ? Kind.DNS_NAME : Kind.INVALID;
  }

  /**
   * A valid DNS name or IP address, and a wildcard only where the policy allows one.
   *
   * @param name the text to check; null is invalid
   */
  public static boolean isValid(@Nullable String name, Wildcards wildcards) {
    Kind kind = classify(name);
    return switch (kind) {
      case DNS_NAME, IPV4_ADDRESS, IPV6_ADDRESS -> true;
      case WILDCARD_DNS_NAME -> wildcards == Wildcards.ALLOW;
      case INVALID -> false;
    };
  }

  /** A valid IPv4 or IPv6 literal (an iPAddress SAN entry rather than a dNSName). */
  public static boolean isIpAddress(@Nullable String name) {
    return classify(name).isIpAddress();
  }

  private static boolean isDnsName(String name) {
    if (name.length() > MAX_LENGTH) {
      return false;
    }
    int start = 0;
    while (true) {
      int end = name.indexOf('.', start);
      int stop = end < 0 ? name.length() : end;
      if (!isLabel(name, start, stop)) {
        return false;
      }
      if (end < 0) {
        return !allDigits(name, start, stop);
      }
      start = end + 1;
    }
  }

  private static boolean isLabel(String s, int from, int to) {
    int length = to - from;
    if (length < 1 || length > MAX_LABEL_LENGTH) {
      return false;
    }
    if (s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ldh =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ldh) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!isOctet(p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOctet(String p) {
    if (p.isEmpty() || p.length() > 3 || !allDigits(p, 0, p.length())) {
      return false;
    }
    if (p.length() > 1 && p.charAt(0) == '0') {
      return false; // 010 could be read as octal: ambiguous, refused
    }
    return Integer.parseInt(p) <= 255;
  }

  private static boolean isIpv6(String s) {
    if (s.length() > 45) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String head = doubleColon < 0 ? s : s.substring(0, doubleColon);
    String tail = doubleColon < 0 ? "" : s.substring(doubleColon + 2);
    int headGroups = groups(head, doubleColon < 0);
    int tailGroups = groups(tail, true);
    if (headGroups < 0 || tailGroups < 0) {
      return false;
    }
    int total = headGroups + tailGroups;
    return doubleColon < 0 ? total == 8 : total <= 7;
  }

  /**
   * Counts the 16-bit groups of one side of "::" (an IPv4 tail counts two, and only at the very
   * end); -1 if malformed.
   */
  private static int groups(String part, boolean mayEndWithIpv4) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (i == groups.length - 1 && mayEndWithIpv4 && g.indexOf('.') >= 0) {
        if (!isIpv4(g)) {
          return -1;
        }
        count += 2;
      } else if (isHexGroup(g)) {
        count++;
      } else {
        return -1;
      }
    }
    return count;
  }

  private static boolean isHexGroup(String g) {
    if (g.isEmpty() || g.length() > 4) {
      return false;
    }
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }
}
