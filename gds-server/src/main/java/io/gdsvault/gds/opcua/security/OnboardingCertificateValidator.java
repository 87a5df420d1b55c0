package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.model.x509.Certificates;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Onboarding mode: a device must reach the GDS before it owns a trusted certificate, so client
 * certificates that do not chain to the trust list are still accepted for the secure channel (what
 * the caller may do is decided by its user's roles). Expired or not-yet-valid certificates are
 * still refused, and so is a certificate this GDS issued and revoked (a GDS-issued certificate on
 * its CA's CRL, as {@link #refuseRevoked} tells): revocation means out in this mode too.
 */
public final class OnboardingCertificateValidator implements CertificateValidator {

  private static final Logger log = LoggerFactory.getLogger(OnboardingCertificateValidator.class);

  private final CertificateValidator trusted;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private volatile Predicate<X509Certificate> revoked = c -> false;

  public OnboardingCertificateValidator(CertificateValidator trusted) {
    this.trusted = trusted;
  }

  /** Which client certificates are revoked (the GDS's own CAs and CRLs), set once they exist. */
  public void refuseRevoked(Predicate<X509Certificate> check) {
    this.revoked = check;
  }

  @Override
  public void validateCertificateChain(
      List<X509Certificate> chain, String applicationUri, String[] validHostnames)
      throws UaException {
    if (chain == null || chain.isEmpty()) {
      throw new UaException(StatusCodes.Bad_SecurityChecksFailed);
    }
    X509Certificate leaf = chain.get(0);
    try {
      leaf.checkValidity();
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new UaException(StatusCodes.Bad_CertificateTimeInvalid);
    }
    if (revoked.test(leaf)) {
      log.info(
          "onboarding: refusing revoked client certificate thumbprint={}",
          Certificates.thumbprint(leaf));
      throw new UaException(StatusCodes.Bad_CertificateRevoked);
    }
    try {
      trusted.validateCertificateChain(chain, applicationUri, validHostnames);
    } catch (UaException e) {
      long status = e.getStatusCode().getValue();
      String thumbprint = Certificates.thumbprint(leaf);
      if (seen.add(thumbprint)) {
        log.info(
            "onboarding: accepting untrusted client certificate thumbprint={} reason={}",
            thumbprint,
            StatusCodes.lookup(status).map(n -> n[0]).orElse(Long.toHexString(status)));
      }
    }
  }
}
