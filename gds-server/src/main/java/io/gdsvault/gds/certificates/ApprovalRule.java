package io.gdsvault.gds.certificates;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule of {@link RuleBasedApprovalPolicy}: when the ApplicationUri matches {@code uriPattern}
 * (a full-match regular expression; null matches all) and the requesting user is {@code
 * requestedBy} (null matches all), the outcome applies.
 */
public record ApprovalRule(
    @Nullable Pattern uriPattern, @Nullable String requestedBy, ApprovalPolicy.Outcome outcome) {

  public boolean matches(CertificateRequestRecord r) {
    boolean uri = uriPattern == null || uriPattern.matcher(r.applicationUri()).matches();
    boolean user =
        requestedBy == null
            || requestedBy.equals(io.gdsvault.gds.auth.Caller.userOf(r.requestedBy()));
    return uri && user;
  }

  /** A readable form for decision records. */
  public String describe() {
    return "rule "
        + outcome.name().toLowerCase(java.util.Locale.ROOT)
        + (uriPattern == null ? "" : " uri~" + uriPattern.pattern())
        + (requestedBy == null ? "" : " user=" + requestedBy);
  }
}
