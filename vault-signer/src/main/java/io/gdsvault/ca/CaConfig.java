package io.gdsvault.ca;

import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.SignerSettings;
import java.time.Duration;

/**
 * Settings of one issuer CA line: a certificate group and certificate type. gds-server maps its
 * YAML to this record.
 *
 * @param groupId the certificate group, e.g. {@code DefaultApplicationGroup}
 * @param certificateType which application certificates it issues
 * @param issuerKey the issuer key shape; must fit {@code certificateType}
 * @param subject X.500 subject of the CA certificate
 * @param caLifetime validity of a CA certificate
 * @param leafLifetime validity of issued certificates (clipped to the CA's notAfter)
 * @param crlLifetime nextUpdate minus thisUpdate of each CRL
 * @param crlReissueBefore re-issue a CRL this long before its nextUpdate
 * @param renewBefore roll over to a new CA this long before the current one expires
 * @param signer where the issuer key lives
 */
public record CaConfig(
    String groupId,
    CertificateType certificateType,
    KeySpec issuerKey,
    String subject,
    Duration caLifetime,
    Duration leafLifetime,
    Duration crlLifetime,
    Duration crlReissueBefore,
    Duration renewBefore,
    SignerSettings signer) {

  public static final Duration DEFAULT_CA_LIFETIME = Duration.ofDays(3650);
  public static final Duration DEFAULT_LEAF_LIFETIME = Duration.ofDays(730);
  public static final Duration DEFAULT_CRL_LIFETIME = Duration.ofDays(30);
  public static final Duration DEFAULT_CRL_REISSUE_BEFORE = Duration.ofDays(7);
  public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofDays(730);

  public CaConfig {
    require(groupId != null && !groupId.isBlank(), "groupId is required");
    require(certificateType != null, "certificateType is required");
    if (issuerKey == null) {
      issuerKey = certificateType.defaultIssuerKey();
    }
    require(
        certificateType.acceptsIssuerKey(issuerKey),
        "issuer key " + issuerKey + " does not fit " + certificateType.browseName());
    if (subject == null || subject.isBlank()) {
      String ou = groupId.replaceAll("[,+=\"\\\\<>;#]", "_");
      subject =
          "CN=GDS Vault "
              + certificateType.shortName()
              + " CA, OU="
              + (ou.length() > 64 ? ou.substring(0, 64) : ou)
              + ", O=GDS Vault";
    }
    caLifetime = orDefault(caLifetime, DEFAULT_CA_LIFETIME);
    leafLifetime = orDefault(leafLifetime, DEFAULT_LEAF_LIFETIME);
    crlLifetime = orDefault(crlLifetime, DEFAULT_CRL_LIFETIME);
    crlReissueBefore = orDefault(crlReissueBefore, DEFAULT_CRL_REISSUE_BEFORE);
    renewBefore = orDefault(renewBefore, DEFAULT_RENEW_BEFORE);
    require(
        !crlReissueBefore.isNegative() && crlReissueBefore.compareTo(crlLifetime) < 0,
        "crlReissueBefore must be shorter than crlLifetime");
    require(leafLifetime.compareTo(caLifetime) <= 0, "leafLifetime must not exceed caLifetime");
    require(renewBefore.compareTo(caLifetime) < 0, "renewBefore must be shorter than caLifetime");
  }

  /** Defaults for everything but the group, type and signer. */
  public static CaConfig defaults(String groupId, CertificateType type, SignerSettings signer) {
    return new CaConfig(
        groupId,
        type,
        type.defaultIssuerKey(),
        "",
        DEFAULT_CA_LIFETIME,
        DEFAULT_LEAF_LIFETIME,
        DEFAULT_CRL_LIFETIME,
        DEFAULT_CRL_REISSUE_BEFORE,
        DEFAULT_RENEW_BEFORE,
        signer);
  }

  /** The name of this CA line in the state store: {@code groupId/type}. */
  public String caName() {
    return groupId + "/" + certificateType.browseName();
  }

  private static Duration orDefault(Duration d, Duration def) {
    return d == null ? def : d;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("CA config: " + message);
    }
  }
}
