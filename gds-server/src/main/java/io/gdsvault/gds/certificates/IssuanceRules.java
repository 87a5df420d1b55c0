package io.gdsvault.gds.certificates;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The issuance policy of one certificate group.
 *
 * @param allowedNames names a certificate may carry beyond the hosts of the application's
 *     registered DiscoveryUrls (see {@link HostPattern}); {@code *} allows any name
 * @param allowWildcards whether wildcard DNS names ({@code *.plant.example}) may be requested; they
 *     must still be allowed by {@code allowedNames}
 * @param subjectPattern a regular expression the whole subject name must match (null: any)
 * @param refusedCommonNames common names (CN) no certificate of the group may carry, compared
 *     ignoring case, spaces and punctuation (e.g. {@code admin})
 */
public record IssuanceRules(
    List<String> allowedNames,
    boolean allowWildcards,
    @Nullable Pattern subjectPattern,
    List<String> refusedCommonNames) {

  public IssuanceRules {
    allowedNames = List.copyOf(allowedNames);
    refusedCommonNames =
        refusedCommonNames.stream().map(IssuanceRules::normalized).distinct().toList();
    for (String n : allowedNames) {
      if (HostPattern.parse(n).isEmpty()) {
        throw new IllegalArgumentException(
            "'" + n + "' is not a host name, IP address, CIDR block, *.domain or *");
      }
    }
  }

  /** The defaults of an application group: registered hosts and the loopback names. */
  public static IssuanceRules registeredHostsAndLoopback() {
    return new IssuanceRules(List.of("localhost", "127.0.0.1", "::1"), false, null, List.of());
  }

  /** The parsed allowed names. */
  List<HostPattern> patterns() {
    return allowedNames.stream().map(n -> HostPattern.parse(n).orElseThrow()).toList();
  }

  /** Whether {@code commonName} is refused. */
  boolean refuses(String commonName) {
    return refusedCommonNames.contains(normalized(commonName));
  }

  /**
   * A name reduced to what a reader sees: Unicode compatibility forms folded (so a full-width or
   * ligature look-alike is the same), lower case, letters and digits only.
   */
  static String normalized(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
