package io.gdsvault.ca;

import io.gdsvault.ca.CaException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.util.IPAddress;

/**
 * The application certificate profile of one CA line (OPC UA Part 6 §6.2.2): validity, and the
 * extensions each certificate carries, built as small steps. keyUsage follows the certificate type,
 * extendedKeyUsage the {@link ApplicationType}; the constant ones are encoded once.
 *
 * <ul>
 *   <li>basicConstraints critical CA:false;
 *   <li>keyUsage critical: RSA digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment;
 *       ECC digitalSignature, nonRepudiation, keyAgreement;
 *   <li>extendedKeyUsage: serverAuth and clientAuth for servers, clientAuth for clients;
 *   <li>subjectAltName: the ApplicationUri, then the DNS names, then the IP addresses;
 *   <li>SKI: the key id of the subject key; AKI: the issuer's, as given.
 * </ul>
 */
final class LeafProfile {

  /** Certificates start a little in the past to tolerate clock skew between peers. */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  /**
   * A DNS name, or a wildcard ({@code *} as the whole leftmost label over at least two labels):
   * whether a wildcard may be requested is the issuance policy's decision, taken when the request
   * is filed, so one it allowed can be issued.
   */
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "^(?=.{1,253}$)(\\*\\.(?=[^.]+\\.[^.]))?[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
              + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?$");

  private static final Extension BASIC_CONSTRAINTS =
      constant(Extension.basicConstraints, true, new BasicConstraints(false));

  private final Duration lifetime;
  private final Extension keyUsage;
  private final Map<ApplicationType, Extension> extendedKeyUsage;

  LeafProfile(CertificateType type, Duration lifetime) {
    this.lifetime = lifetime;
    this.keyUsage = keyUsage(type);
    this.extendedKeyUsage = extendedKeyUsages();
  }

  /** notBefore of a certificate issued at {@code now}. */
  static Instant notBefore(Instant now) {
    return now.minus(BACKDATE);
  }

  /** notAfter: the lifetime after {@code notBefore}, clipped to the issuer's {@code caEnd}. */
  Instant notAfter(Instant notBefore, Instant caEnd) {
    Instant end = notBefore.plus(lifetime);
    return end.isAfter(caEnd) ? caEnd : end;
  }

  /**
   * The ApplicationUri goes into the SAN and so into every trust decision: it must be an absolute
   * URI.
   */
  static void checkApplicationUri(String uri) throws CaException {
    if (uri == null || uri.isBlank()) {
      throw new CaException(Reason.INVALID_ARGUMENT, "ApplicationUri is required");
    }
    try {
      if (new URI(uri).getScheme() == null) {
        throw new CaException(Reason.INVALID_ARGUMENT, "ApplicationUri must be an absolute URI");
      }
    } catch (URISyntaxException e) {
      throw new CaException(Reason.INVALID_ARGUMENT, "ApplicationUri is not a valid URI", e);
    }
  }

  /**
   * The extensions of a certificate for {@code leaf} under an issuer whose AKI is {@code
   * authorityKeyId}, in the order they are written.
   *
   * @throws CaException INVALID_ARGUMENT for a DNS name or IP address that is not one
   */
  List<Extension> extensions(LeafIdentity leaf, Extension authorityKeyId) throws CaException {
    return List.of(
        BASIC_CONSTRAINTS,
        keyUsage,
        extendedKeyUsage(leaf.applicationType()),
        subjectAltName(leaf.applicationUri(), leaf.dnsNames(), leaf.ipAddresses()),
        subjectKeyIdentifier(leaf),
        authorityKeyId);
  }

  /** The extendedKeyUsage extension for {@code appType}. */
  Extension extendedKeyUsage(ApplicationType appType) {
    Extension eku = extendedKeyUsage.get(appType);
    if (eku == null) {
      throw new IllegalStateException("no extendedKeyUsage for " + appType);
    }
    return eku;
  }

  /** The keyUsage extension, the same for every certificate of this CA line. */
  Extension keyUsage() {
    return keyUsage;
  }

  private static Extension subjectAltName(
      String uri, List<String> dnsNames, List<String> ipAddresses) throws CaException {
    List<ASN1Encodable> names = new ArrayList<>(1 + dnsNames.size() + ipAddresses.size());
    names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
    for (String dns : dnsNames) {
      if (!DNS_NAME.matcher(dns).matches()) {
        throw new CaException(Reason.INVALID_ARGUMENT, "invalid DNS name in request");
      }
      names.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (String ip : ipAddresses) {
      if (!IPAddress.isValid(ip)) {
        throw new CaException(Reason.INVALID_ARGUMENT, "invalid IP address in request");
      }
      names.add(new GeneralName(GeneralName.iPAddress, ip));
    }
    return encode(
        Extension.subjectAlternativeName,
        false,
        new DERSequence(names.toArray(ASN1Encodable[]::new)));
  }

  private static Extension subjectKeyIdentifier(LeafIdentity leaf) throws CaException {
    byte[] keyId = Certificates.keyId(leaf.publicKeyInfo());
    return encode(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
  }

  /** keyUsage by key type (Part 6 §6.2.2). */
  private static Extension keyUsage(CertificateType type) {
    int usage =
        type.isRsa()
            ? KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation
                | KeyUsage.keyEncipherment
                | KeyUsage.dataEncipherment
            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyAgreement;
    return constant(Extension.keyUsage, true, new KeyUsage(usage));
  }

  /** extendedKeyUsage by application type: serverAuth and/or clientAuth. */
  private static Map<ApplicationType, Extension> extendedKeyUsages() {
    Map<ApplicationType, Extension> out = new EnumMap<>(ApplicationType.class);
    for (ApplicationType appType : ApplicationType.values()) {
      List<KeyPurposeId> purposes = new ArrayList<>();
      if (appType.serverAuth()) {
        purposes.add(KeyPurposeId.id_kp_serverAuth);
      }
      if (appType.clientAuth()) {
        purposes.add(KeyPurposeId.id_kp_clientAuth);
      }
      out.put(
          appType,
          constant(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new))));
    }
    return out;
  }

  private static Extension encode(ASN1ObjectIdentifier oid, boolean critical, ASN1Object value)
      throws CaException {
    try {
      return new Extension(oid, critical, value.getEncoded());
    } catch (IOException e) {
      throw new CaException(
          Reason.TEMPLATE_INVALID, "certificate extensions could not be built", e);
    }
  }

  /** An extension encoded once, when the profile is made: failing here is a bug. */
  private static Extension constant(ASN1ObjectIdentifier oid, boolean critical, ASN1Object value) {
    try {
      return new Extension(oid, critical, value.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException(oid + " cannot be encoded", e);
    }
  }
}
