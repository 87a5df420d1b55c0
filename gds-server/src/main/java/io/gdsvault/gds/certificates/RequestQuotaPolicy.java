package io.gdsvault.gds.certificates;

/**
 * Limits on what may be filed, asked by the intake inside the filing transaction just before the
 * request is stored: a refusal (a {@link io.gdsvault.gds.model.GdsException}) leaves nothing stored
 * and nothing audited.
 */
@FunctionalInterface
public interface RequestQuotaPolicy {

  /**
   * Refuses {@code request} when storing it would exceed a quota; reads in the open transaction.
   */
  void check(CertificateRequestRecord request);

  /** No limits (tests). */
  RequestQuotaPolicy NONE = request -> {};
}
