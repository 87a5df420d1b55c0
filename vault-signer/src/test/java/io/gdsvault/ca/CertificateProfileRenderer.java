package io.gdsvault.ca;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Renders the parts of a certificate that make its profile as sorted text lines. */
final class CertificateProfileRenderer {

  private static final String[] KU = {
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly"
  };
  private static final Map<String, String> EKU =
      Map.of("1.3.6.1.5.5.7.3.1", "serverAuth", "1.3.6.1.5.5.7.3.2", "clientAuth");
  private static final Map<Integer, String> SAN = Map.of(2, "dns", 6, "uri", 7, "ip");

  private CertificateProfileRenderer() {}

  static String render(X509Certificate cert, X509Certificate issuer) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("version: " + cert.getVersion());
    lines.add("subject: " + cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
    lines.add("issuer: " + cert.getIssuerX500Principal().getName(X500Principal.RFC2253));
    lines.add("signatureAlgorithm: " + cert.getSigAlgName());
    lines.add("publicKey: " + key(cert));
    lines.add("serialNumberAtLeast64Bits: " + (cert.getSerialNumber().bitLength() >= 64));
    lines.add(
        "validityDays: "
            + Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant())
                .toDays());
    lines.add(
        "basicConstraints: "
            + crit(cert, "2.5.29.19")
            + (cert.getBasicConstraints() < 0 ? "CA:false" : "CA:true"));
    List<String> ku = new ArrayList<>();
    boolean[] bits = cert.getKeyUsage();
    for (int i = 0; bits != null && i < bits.length && i < KU.length; i++) {
      if (bits[i]) {
        ku.add(KU[i]);
      }
    }
    ku.sort(null);
    lines.add("keyUsage: " + crit(cert, "2.5.29.15") + String.join(", ", ku));
    List<String> eku = new ArrayList<>();
    for (String oid : cert.getExtendedKeyUsage()) {
      eku.add(EKU.getOrDefault(oid, oid));
    }
    eku.sort(null);
    lines.add("extendedKeyUsage: " + crit(cert, "2.5.29.37") + String.join(", ", eku));
    Collection<List<?>> sans = cert.getSubjectAlternativeNames();
    for (List<?> san : sans) {
      lines.add(
          "subjectAltName: " + SAN.getOrDefault((Integer) san.get(0), "other") + ":" + san.get(1));
    }
    lines.addAll(keyIdentifiers(cert, issuer));
    lines.add("criticalExtensions: " + sorted(cert.getCriticalExtensionOIDs()));
    lines.add("nonCriticalExtensions: " + sorted(cert.getNonCriticalExtensionOIDs()));
    lines.sort(null);
    return String.join("\n", lines) + "\n";
  }

  /** Whether the SKI is the SHA-1 of the key and the AKI names the issuer's SKI. */
  private static List<String> keyIdentifiers(X509Certificate cert, X509Certificate issuer)
      throws Exception {
    List<String> lines = new ArrayList<>();
    byte[] ski =
        SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.14")).getOctets())
            .getKeyIdentifier();
    byte[] expectedSki =
        new JcaX509ExtensionUtils()
            .createSubjectKeyIdentifier(cert.getPublicKey())
            .getKeyIdentifier();
    lines.add(
        "subjectKeyIdentifier: " + (Arrays.equals(ski, expectedSki) ? "SHA-1 of key" : "other"));
    byte[] aki =
        AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.35")).getOctets())
            .getKeyIdentifierOctets();
    byte[] issuerSki =
        SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(issuer.getExtensionValue("2.5.29.14")).getOctets())
            .getKeyIdentifier();
    lines.add(
        "authorityKeyIdentifier: " + (Arrays.equals(aki, issuerSki) ? "issuer SKI" : "other"));
    return lines;
  }

  private static String sorted(java.util.Set<String> oids) {
    return oids.stream().sorted().toList().toString();
  }

  private static String crit(X509Certificate cert, String oid) {
    return cert.getCriticalExtensionOIDs().contains(oid) ? "critical " : "";
  }

  private static String key(X509Certificate cert) {
    if (cert.getPublicKey() instanceof RSAPublicKey rsa) {
      return "RSA " + rsa.getModulus().bitLength();
    }
    ECPublicKey ec = (ECPublicKey) cert.getPublicKey();
    return "EC " + ec.getParams().getCurve().getField().getFieldSize();
  }
}
