package io.gdsvault.gds.certificates;

/**
 * Decides what happens to a new request before an operator sees it: leave it for manual approval
 * (the default), approve it at once, or reject it. Implementations must be pure functions of the
 * request (no I/O), so every node decides alike.
 */
public interface ApprovalPolicy {

  /** The outcome for a new request. */
  Decision decide(CertificateRequestRecord request);

  /** What the policy decided, with the text recorded as the decision's reason. */
  record Decision(Outcome outcome, String reason) {
    public static Decision manual() {
      return new Decision(Outcome.MANUAL, "");
    }
  }

  enum Outcome {
    MANUAL,
    APPROVE,
    REJECT
  }

  /** Every request waits for an operator. */
  ApprovalPolicy MANUAL = r -> Decision.manual();

  /** The text every auto-approved decision carries, so an audit shows the lab setting. */
  String AUTO_APPROVE_WARNING = "auto-approved: auto-approve is on (labs and benchmarks only)";

  /** Approves everything (labs and benchmarks only). */
  ApprovalPolicy AUTO_APPROVE = r -> new Decision(Outcome.APPROVE, AUTO_APPROVE_WARNING);
}
