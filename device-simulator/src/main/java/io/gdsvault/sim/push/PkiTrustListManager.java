package io.gdsvault.sim.push;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;

/**
 * Milo's view of one certificate group's trust list. It holds an immutable {@link TrustListContent}
 * that {@link ServerConfigurationSupport} replaces as a whole when changes are applied; the
 * validator reads it on every handshake. Milo's own mutators are honoured in memory only (nothing
 * in Milo calls them during normal operation); persistent changes go through push.
 */
public final class PkiTrustListManager implements TrustListManager {

  private volatile TrustListContent content;
  private volatile DateTime lastUpdateTime;

  public PkiTrustListManager(TrustListContent initial, DateTime lastUpdateTime) {
    this.content = initial;
    this.lastUpdateTime = lastUpdateTime;
  }

  public TrustListContent content() {
    return content;
  }

  public void replace(TrustListContent next) {
    content = next;
    lastUpdateTime = DateTime.now();
  }

  @Override
  public List<X509CRL> getIssuerCrls() {
    return content.issuerCrls();
  }

  @Override
  public List<X509CRL> getTrustedCrls() {
    return content.trustedCrls();
  }

  @Override
  public List<X509Certificate> getIssuerCertificates() {
    return content.issuerCertificates();
  }

  @Override
  public List<X509Certificate> getTrustedCertificates() {
    return content.trustedCertificates();
  }

  @Override
  public void setIssuerCrls(List<X509CRL> issuerCrls) {
    var c = content;
    replace(
        new TrustListContent(
            c.trustedCertificates(), c.trustedCrls(), c.issuerCertificates(), issuerCrls));
  }

  @Override
  public void setTrustedCrls(List<X509CRL> trustedCrls) {
    var c = content;
    replace(
        new TrustListContent(
            c.trustedCertificates(), trustedCrls, c.issuerCertificates(), c.issuerCrls()));
  }

  @Override
  public void setIssuerCertificates(List<X509Certificate> issuerCertificates) {
    var c = content;
    replace(
        new TrustListContent(
            c.trustedCertificates(), c.trustedCrls(), issuerCertificates, c.issuerCrls()));
  }

  @Override
  public void setTrustedCertificates(List<X509Certificate> trustedCertificates) {
    var c = content;
    replace(
        new TrustListContent(
            trustedCertificates, c.trustedCrls(), c.issuerCertificates(), c.issuerCrls()));
  }

  @Override
  public void addIssuerCertificate(X509Certificate certificate) {
    var list = new ArrayList<>(getIssuerCertificates());
    list.add(certificate);
    setIssuerCertificates(list);
  }

  @Override
  public void addTrustedCertificate(X509Certificate certificate) {
    var list = new ArrayList<>(getTrustedCertificates());
    list.add(certificate);
    setTrustedCertificates(list);
  }

  @Override
  public boolean removeIssuerCertificate(ByteString thumbprint) {
    var list = new ArrayList<>(getIssuerCertificates());
    boolean removed = list.removeIf(c -> thumbprintEquals(c, thumbprint));
    if (removed) {
      setIssuerCertificates(list);
    }
    return removed;
  }

  @Override
  public boolean removeTrustedCertificate(ByteString thumbprint) {
    var list = new ArrayList<>(getTrustedCertificates());
    boolean removed = list.removeIf(c -> thumbprintEquals(c, thumbprint));
    if (removed) {
      setTrustedCertificates(list);
    }
    return removed;
  }

  @Override
  public DateTime getLastUpdateTime() {
    return lastUpdateTime;
  }

  private static boolean thumbprintEquals(X509Certificate c, ByteString thumbprint) {
    try {
      return Certificates.thumbprint(c).equals(Certificates.hex(thumbprint.bytesOrEmpty()));
    } catch (InvalidCertificateException e) {
      return false;
    }
  }
}
