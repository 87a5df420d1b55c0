package io.gdsvault.signer;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Keystores (PKCS#12, PKCS#11) only keep a private key beside a certificate. Backends store a
 * self-signed placeholder made by the key itself; the real CA certificate lives in the CA state.
 */
public final class PlaceholderCertificate {

  private PlaceholderCertificate() {}

  public static X509Certificate create(String alias, PublicKey publicKey, IssuerSigner signer)
      throws SignerException {
    X500Name name = new X500Name("CN=gds-vault key placeholder");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(now),
            Date.from(now.plus(36500, ChronoUnit.DAYS)),
            name,
            publicKey);
    try {
      X509CertificateHolder holder = builder.build(new PortContentSigner(signer));
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (RuntimeException e) {
      throw PortContentSigner.unwrap(e);
    } catch (CertificateException e) {
      throw new SignerException("placeholder certificate could not be made", e);
    }
  }
}
