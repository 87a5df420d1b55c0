package io.gdsvault.gds.trust;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;

/**
 * The largest TrustList file (UA Binary TrustListDataType) the GDS serves. Every open handle holds
 * a snapshot of the file, so this bounds the memory one Open can take. A group's list grows with
 * its CRLs; when it passes the limit, Open is refused with RESOURCE_UNAVAILABLE
 * (Bad_ResourceUnavailable) until the operator raises {@code limits.maxTrustListBytes}.
 *
 * @param maxBytes the largest encoded trust list served, at least 1
 */
public record TrustListLimit(long maxBytes) {

  public TrustListLimit {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1");
    }
  }

  /** Passes when {@code content} encodes to at most {@link #maxBytes} bytes. */
  public void check(String group, TrustListContent content) {
    long size = content.encodedSize();
    if (size > maxBytes) {
      throw new GdsException(
          Reason.RESOURCE_UNAVAILABLE,
          "the trust list of group "
              + group
              + " is "
              + size
              + " bytes, above limits.maxTrustListBytes ("
              + maxBytes
              + ")");
    }
  }
}
