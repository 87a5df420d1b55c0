package io.gdsvault.gds.app;

import io.gdsvault.gds.certificates.IssuancePolicy;
import io.gdsvault.gds.certificates.IssuanceRules;
import io.gdsvault.gds.config.GdsSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The issuance policy of the settings ({@code certificates.issuancePolicy}). */
final class IssuancePolicies {

  private IssuancePolicies() {}

  /** The policy per group, with the GDS's own ApplicationUri and host name reserved. */
  static IssuancePolicy of(GdsSettings settings, String gdsApplicationUri) {
    Map<String, IssuanceRules> groups = new LinkedHashMap<>();
    settings.certificates().issuancePolicy().forEach((group, s) -> groups.put(group, rules(s)));
    return new IssuancePolicy(
        groups,
        IssuanceRules.registeredHostsAndLoopback(),
        gdsApplicationUri,
        settings.server().hostname());
  }

  static IssuanceRules rules(GdsSettings.IssuancePolicySettings s) {
    return new IssuanceRules(
        s.allowedNames().stream().map(String::trim).toList(),
        s.allowWildcards(),
        s.subjectPattern().isBlank() ? null : Pattern.compile(s.subjectPattern()),
        s.refusedCommonNames());
  }
}
