package io.gdsvault.gds.certificates;

import java.util.List;

/** The first matching rule decides; without a match the fallback policy does. */
public final class RuleBasedApprovalPolicy implements ApprovalPolicy {

  private final List<ApprovalRule> rules;
  private final ApprovalPolicy fallback;

  public RuleBasedApprovalPolicy(List<ApprovalRule> rules, ApprovalPolicy fallback) {
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
  }

  @Override
  public Decision decide(CertificateRequestRecord request) {
    for (ApprovalRule rule : rules) {
      if (rule.matches(request)) {
        return new Decision(rule.outcome(), rule.describe());
      }
    }
    return fallback.decide(request);
  }
}
