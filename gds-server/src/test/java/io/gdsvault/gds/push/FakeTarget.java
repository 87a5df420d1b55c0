package io.gdsvault.gds.push;

import io.gdsvault.gds.push.PushException.Kind;
import io.gdsvault.gds.trust.TrustListContent;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A push target in memory behind the {@link TargetConnector} port: it presents a certificate, keeps
 * a trust list, stages changes per session (a closed session discards them) and applies them on
 * ApplyChanges. Knobs make it fail as real targets do; counters say what the engine did.
 */
final class FakeTarget implements TargetConnector {

  static final String USER = "secadmin";
  static final String PASSWORD = "target secret";

  /** The certificate of the primary type (RsaSha256, else the first listed): the endpoint's. */
  volatile X509Certificate presented;

  /** Certificates of the other types the target lists. */
  final Map<String, X509Certificate> others = new LinkedHashMap<>();

  /** The types CreateSigningRequest was called for, in order. */
  final List<String> csrTypes = new ArrayList<>();

  volatile TrustListContent trustList =
      new TrustListContent(List.of(), List.of(), List.of(), List.of());
  volatile List<String> formats = List.of("PEM", "PFX");
  volatile List<String> types = List.of("RsaSha256ApplicationCertificateType");

  // knobs
  volatile boolean down;

  /** Connections refused after each ApplyChanges (the target restarts its endpoints). */
  volatile int refusalsAfterApply;

  volatile boolean csrSupported = true;
  volatile boolean ignoresTrustListWrite;
  volatile boolean dropsCrls;
  volatile boolean refusesCertificates;

  /** Another session's changes wait to be applied (Bad_TransactionPending). */
  volatile boolean busy;

  /** ApplyChanges takes the certificate but the endpoints keep presenting the old one. */
  volatile boolean keepsOldCertificate;

  // counters
  int connects;
  int trustListWrites;
  int applyChanges;
  int signingRequests;
  int certificateUpdates;
  int addCertificates;
  int endpointQueries;
  private int refusalsLeft;

  FakeTarget(X509Certificate initial) {
    this.presented = initial;
  }

  @Override
  public synchronized Session connect(
      String endpointUrl,
      String securityPolicyUri,
      String user,
      char[] password,
      Predicate<X509Certificate> serverTrust) {
    connects++;
    if (down || refusalsLeft > 0) {
      refusalsLeft = Math.max(0, refusalsLeft - 1);
      throw new PushException(
          Kind.UNREACHABLE,
          "cannot connect to " + endpointUrl + ": connection refused (is the target running?)");
    }
    if (!serverTrust.test(presented)) {
      throw new PushException(
          Kind.UNTRUSTED_TARGET,
          "the target's certificate " + Thumbprints.of(presented) + " is not trusted");
    }
    if (!USER.equals(user) || !PASSWORD.equals(new String(password))) {
      throw new PushException(
          Kind.CREDENTIALS_REFUSED,
          "the target refused the credentials of user '" + user + "' (Bad_UserAccessDenied)");
    }
    return new FakeSession();
  }

  @Override
  public synchronized List<X509Certificate> endpointCertificates(
      String endpointUrl, String securityPolicyUri) {
    endpointQueries++;
    if (down) {
      throw new PushException(Kind.UNREACHABLE, "GetEndpoints failed: connection refused");
    }
    return List.of(presented);
  }

  private synchronized void apply(
      @Nullable TrustListContent stagedTrust, Map<String, X509Certificate> stagedCertificates) {
    applyChanges++;
    if (stagedTrust != null) {
      trustList = stagedTrust;
    }
    String primary =
        types.isEmpty() || types.contains(CertificateTypePolicy.RSA_SHA256)
            ? CertificateTypePolicy.RSA_SHA256
            : types.get(0);
    for (Map.Entry<String, X509Certificate> e : stagedCertificates.entrySet()) {
      if (e.getKey().equals(primary)) {
        if (!keepsOldCertificate) {
          presented = e.getValue();
        }
      } else {
        others.put(e.getKey(), e.getValue());
      }
    }
    refusalsLeft = refusalsAfterApply;
  }

  /** One session; its staged changes die with it. */
  private final class FakeSession implements Session {
    private @Nullable TrustListContent stagedTrust;
    private final Map<String, X509Certificate> stagedCertificates = new LinkedHashMap<>();
    private final X509Certificate shown = presented;

    @Override
    public X509Certificate serverCertificate() {
      return shown;
    }

    @Override
    public List<String> supportedPrivateKeyFormats() {
      return formats;
    }

    @Override
    public List<String> certificateTypes() {
      return types;
    }

    @Override
    public boolean writeTrustList(TrustListContent content) {
      synchronized (FakeTarget.this) {
        trustListWrites++;
      }
      if (!ignoresTrustListWrite) {
        stagedTrust =
            dropsCrls
                ? new TrustListContent(
                    content.trustedCertificates(), List.of(), List.of(), List.of())
                : content;
      }
      return true;
    }

    @Override
    public TrustListContent readTrustList() {
      return trustList;
    }

    @Override
    public void addCertificate(byte[] certificate, boolean trusted) {
      synchronized (FakeTarget.this) {
        addCertificates++;
      }
      TrustListContent base = stagedTrust == null ? trustList : stagedTrust;
      List<byte[]> certs = new ArrayList<>(base.trustedCertificates());
      certs.add(certificate);
      stagedTrust = new TrustListContent(certs, base.trustedCrls(), List.of(), List.of());
    }

    @Override
    public byte[] createSigningRequest(String certificateType) {
      if (!csrSupported) {
        throw new PushException(
            Kind.NOT_SUPPORTED, "CreateSigningRequest was refused by the target: Bad_NotSupported");
      }
      synchronized (FakeTarget.this) {
        signingRequests++;
        csrTypes.add(certificateType);
      }
      return "csr".getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean updateCertificate(
        String certificateType,
        byte[] certificate,
        List<byte[]> issuers,
        @Nullable String privateKeyFormat,
        byte @Nullable [] privateKey) {
      synchronized (FakeTarget.this) {
        certificateUpdates++;
      }
      if (busy) {
        throw new PushException(
            Kind.BUSY, "UpdateCertificate was refused by the target: Bad_TransactionPending");
      }
      if (refusesCertificates) {
        throw new PushException(
            Kind.REFUSED, "UpdateCertificate was refused by the target: Bad_CertificateUriInvalid");
      }
      if (!types.contains(certificateType)
          && !(types.isEmpty() && certificateType.equals(CertificateTypePolicy.RSA_SHA256))) {
        throw new PushException(
            Kind.REFUSED, "UpdateCertificate was refused by the target: Bad_InvalidArgument");
      }
      stagedCertificates.put(certificateType, Thumbprints.parse(certificate));
      return true;
    }

    @Override
    public void applyChanges() {
      apply(stagedTrust, stagedCertificates);
      stagedTrust = null;
      stagedCertificates.clear();
    }

    @Override
    public void close() {
      stagedTrust = null;
      stagedCertificates.clear();
    }
  }
}
