package io.gdsvault.sim.pull;

import io.gdsvault.gds.model.net.HostNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one pull client does.
 *
 * @param gdsUrl the GDS endpoint URL
 * @param pkiDir the device's PKI folder (same layout as a push target's)
 * @param user a GDS user (DiscoveryAdmin to register, CertificateAuthorityAdmin to request for a
 *     device that has no GDS certificate yet); null: anonymous, which works once the device holds a
 *     certificate the GDS issued (ApplicationSelfAdmin)
 * @param password the user's password (null when anonymous)
 * @param keyFormat CSR (key made locally) or a new key pair made by the GDS as PEM or PFX
 * @param applicationUri the ApplicationUri; null: the URI in the current certificate, or one made
 *     from the host name and the folder name
 * @param applicationName the ApplicationName to register
 * @param discoveryUrls none: registered as a Client; some: as a ClientAndServer
 * @param hostnames DNS names / IP addresses for the certificate
 * @param renewAt the fraction of the certificate's lifetime after which it is renewed (0..1)
 * @param pollInitial the first FinishRequest polling interval
 * @param pollMax the polling interval cap (exponential backoff in between)
 * @param approvalTimeout how long to wait for approval at most; null: forever
 * @param gdsThumbprint the expected SHA-1 thumbprint of the GDS certificate; null: trust on first
 *     use, pinned in {@code DIR/gds-servers.properties}
 */
public record PullSettings(
    String gdsUrl,
    Path pkiDir,
    @Nullable String user,
    // a char[] as the JDK's password APIs take it; settings are never compared
    @SuppressWarnings("ArrayRecordComponent") char @Nullable [] password,
    KeyFormat keyFormat,
    @Nullable String applicationUri,
    String applicationName,
    List<String> discoveryUrls,
    List<String> hostnames,
    double renewAt,
    Duration pollInitial,
    Duration pollMax,
    @Nullable Duration approvalTimeout,
    @Nullable String gdsThumbprint) {

  /** How the key pair is made. */
  public enum KeyFormat {
    /** The device makes the key and sends a PKCS#10 request (StartSigningRequest). */
    CSR,
    /** The GDS makes the key and returns it as an encrypted PKCS#8 PEM (StartNewKeyPairRequest). */
    PEM,
    /** The GDS makes the key and returns it in a password-protected PKCS#12 file. */
    PFX
  }

  private static final String DEFAULT_APPLICATION_NAME = "device-sim";
  private static final Duration DEFAULT_POLL_INITIAL = Duration.ofSeconds(1);
  private static final Duration DEFAULT_POLL_MAX = Duration.ofSeconds(60);

  public PullSettings {
    Objects.requireNonNull(gdsUrl, "gdsUrl");
    Objects.requireNonNull(pkiDir, "pkiDir");
    keyFormat = keyFormat == null ? KeyFormat.CSR : keyFormat;
    applicationName =
        applicationName == null || applicationName.isBlank()
            ? DEFAULT_APPLICATION_NAME
            : applicationName;
    discoveryUrls = discoveryUrls == null ? List.of() : List.copyOf(discoveryUrls);
    hostnames =
        hostnames == null || hostnames.isEmpty() ? List.of("localhost") : List.copyOf(hostnames);
    for (String h : hostnames) {
      // a device names itself: a wildcard is never its own host name
      if (!HostNames.isValid(h, HostNames.Wildcards.REFUSE)) {
        throw new IllegalArgumentException("not a DNS name or IP address: " + h);
      }
    }
    if (!(renewAt >= 0.0 && renewAt <= 1.0)) {
      throw new IllegalArgumentException("renewAt must be between 0 and 1");
    }
    pollInitial = pollInitial == null ? DEFAULT_POLL_INITIAL : pollInitial;
    pollMax = pollMax == null ? DEFAULT_POLL_MAX : pollMax;
    if (pollInitial.isNegative() || pollInitial.isZero() || pollMax.compareTo(pollInitial) < 0) {
      throw new IllegalArgumentException(
          "poll intervals must be positive and pollMax >= pollInitial");
    }
  }

  /** Settings with defaults for everything optional. */
  public static PullSettings of(
      String gdsUrl,
      Path pkiDir,
      @Nullable String user,
      char @Nullable [] password,
      KeyFormat format) {
    return new PullSettings(
        gdsUrl,
        pkiDir,
        user,
        password,
        format,
        null,
        DEFAULT_APPLICATION_NAME,
        List.of(),
        List.of(),
        0.8,
        DEFAULT_POLL_INITIAL,
        DEFAULT_POLL_MAX,
        null,
        null);
  }

  /** A copy for another device folder and URI (fleet mode). */
  public PullSettings forDevice(Path dir, String uri, String name, List<String> discovery) {
    return new PullSettings(
        gdsUrl,
        dir,
        user,
        password,
        keyFormat,
        uri,
        name,
        discovery,
        hostnames,
        renewAt,
        pollInitial,
        pollMax,
        approvalTimeout,
        gdsThumbprint);
  }

  @Override
  public String toString() {
    // never the password
    return "PullSettings[gdsUrl="
        + gdsUrl
        + ", pkiDir="
        + pkiDir
        + ", user="
        + user
        + ", keyFormat="
        + keyFormat
        + ", applicationUri="
        + applicationUri
        + "]";
  }
}
