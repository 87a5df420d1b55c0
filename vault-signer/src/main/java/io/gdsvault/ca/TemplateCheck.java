package io.gdsvault.ca;

/** One check of a finished certificate template, run before the signer is called. */
@FunctionalInterface
public interface TemplateCheck {

  void check(CertificateTemplate template) throws CaException;
}
