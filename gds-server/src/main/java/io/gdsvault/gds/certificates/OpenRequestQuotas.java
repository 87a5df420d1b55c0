package io.gdsvault.gds.certificates;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;

/**
 * Caps open requests (New, or Approved and not yet fetched) per application (Bad_TooManyOperations)
 * and overall (Bad_ResourceUnavailable). The counts are read in the filing transaction, so two
 * requests filed at the same instant may pass a cap by one: a quota, not an exact limit.
 */
public final class OpenRequestQuotas implements RequestQuotaPolicy {

  private final CertificateRequestRepository requests;
  private final int maxPerApplication;
  private final int maxOverall;

  public OpenRequestQuotas(
      CertificateRequestRepository requests, int maxPerApplication, int maxOverall) {
    this.requests = requests;
    this.maxPerApplication = maxPerApplication;
    this.maxOverall = maxOverall;
  }

  @Override
  public void check(CertificateRequestRecord request) {
    CertificateRequestRepository.OpenCounts open =
        requests.openCounts(request.applicationId(), maxOverall + 1);
    long mine = open.ofApplication();
    if (mine >= maxPerApplication) {
      throw new GdsException(
          Reason.TOO_MANY_OPERATIONS,
          "the application has " + mine + " open requests (limit " + maxPerApplication + ")");
    }
    if (open.overall() >= maxOverall) {
      throw new GdsException(Reason.RESOURCE_UNAVAILABLE, "too many open requests on this GDS");
    }
  }
}
