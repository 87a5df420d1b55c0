package io.gdsvault.gds.certificates;

import io.gdsvault.gds.model.net.HostNames;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A name the issuance policy allows beyond the registered hosts: {@code *} (any name), {@code
 * *.plant.example} (every name below plant.example, and wildcards there), a DNS name, an IP address
 * or a CIDR block ({@code 10.20.0.0/16}, {@code fd00::/8}). Matching is case-insensitive and never
 * asks DNS.
 */
record HostPattern(String text) {

  /** The pattern, or empty when {@code text} is none of the forms above. */
  static Optional<HostPattern> parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("*") || HostNames.classify(t) != HostNames.Kind.INVALID || cidr(t).isPresent()) {
      return Optional.of(new HostPattern(t));
    }
    return Optional.empty();
  }

  /** Whether {@code name} (a classified DNS name, wildcard or IP address) is allowed. */
  boolean matches(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (text.equals("*")) {
      return true;
    }
    if (text.startsWith("*.")) {
      return n.equals(text) || n.endsWith(text.substring(1));
    }
    Optional<Cidr> block = cidr(text);
    if (block.isPresent()) {
      return block.get().contains(n);
    }
    return sameHost(text, n);
  }

  /** Whether two names are the same host: DNS names ignoring case, IP addresses by value. */
  static boolean sameHost(String a, String b) {
    if (HostNames.isIpAddress(a) && HostNames.isIpAddress(b)) {
      return address(a).equals(address(b));
    }
    return a.equalsIgnoreCase(b);
  }

  /** The bytes of an IP literal (no DNS lookup: the text is a literal). */
  static BigInteger address(String ip) {
    try {
      return new BigInteger(1, InetAddress.getByName(ip).getAddress());
    } catch (UnknownHostException e) {
      return BigInteger.ONE.negate();
    }
  }

  private static Optional<Cidr> cidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || !HostNames.isIpAddress(text.substring(0, slash))) {
      return Optional.empty();
    }
    String base = text.substring(0, slash);
    int bits = base.indexOf(':') >= 0 ? 128 : 32;
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return prefix < 0 || prefix > bits
        ? Optional.empty()
        : Optional.of(new Cidr(address(base), bits, prefix));
  }

  private record Cidr(BigInteger base, int bits, int prefix) {
    boolean contains(String name) {
      if (!HostNames.isIpAddress(name) || (name.indexOf(':') >= 0) != (bits == 128)) {
        return false;
      }
      int shift = bits - prefix;
      return address(name).shiftRight(shift).equals(base.shiftRight(shift));
    }
  }
}
