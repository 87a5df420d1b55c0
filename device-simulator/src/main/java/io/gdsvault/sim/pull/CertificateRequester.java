package io.gdsvault.sim.pull;

import static io.gdsvault.sim.pull.StatusText.duration;
import static io.gdsvault.sim.pull.StatusText.name;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.sim.push.CertificateCodec;
import io.gdsvault.sim.push.PkiDirectory;
import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files a certificate request with the GDS (a signing request with a key made here, or a new key
 * pair request), or resumes one filed before a restart, and polls FinishRequest with exponential
 * backoff until the certificate is delivered.
 */
final class CertificateRequester {

  private static final Logger log = LoggerFactory.getLogger(CertificateRequester.class);

  private final PullSettings settings;
  private final Clock clock;
  private final Consumer<String> status;

  /** A request resumed after a restart: the application it was filed for and its result. */
  record Resumed(NodeId applicationId, Issued issued) {}

  private enum PollState {
    WAITING,
    UNREACHABLE
  }

  CertificateRequester(PullSettings settings, Clock clock, Consumer<String> status) {
    this.settings = settings;
    this.clock = clock;
    this.status = status;
  }

  /**
   * Resumes the signing request filed before a restart when it was filed for this GDS and URI (else
   * forgets it); null when there is none or the GDS no longer has it open.
   */
  @Nullable Resumed resumePending(GdsClient gds, PkiDirectory pki, String uri)
      throws UaException, PullException, InterruptedException, IOException {
    var pending = PendingRequest.load(pki);
    if (pending.isEmpty()) {
      return null;
    }
    var p = pending.get();
    var key = PendingRequest.key(pki);
    if (settings.keyFormat() == PullSettings.KeyFormat.CSR
        && settings.gdsUrl().equals(p.gdsUrl())
        && uri.equals(p.applicationUri())
        && key.isPresent()) {
      status.accept(
          "resuming request " + p.requestId().toParseableString() + " filed before a restart");
      Issued resumed = resume(gds, pki, p, key.get());
      return resumed == null ? null : new Resumed(p.applicationId(), resumed);
    }
    PendingRequest.clear(pki);
    return null;
  }

  /** Files a new request in the configured key format and waits until it is delivered. */
  Issued request(GdsClient gds, PkiDirectory pki, NodeId applicationId, String uri)
      throws UaException, PullException, InterruptedException, IOException {
    PullSettings.KeyFormat format = settings.keyFormat();
    String subject = "CN=" + escape(settings.applicationName()) + ", O=GDS Vault device-sim";
    if (format == PullSettings.KeyFormat.CSR) {
      return requestSigning(gds, pki, applicationId, uri, subject);
    }
    return requestNewKeyPair(gds, pki, applicationId, subject, format);
  }

  /**
   * Polls a request filed before a restart; null when the GDS no longer knows it or has already
   * delivered it (a new request is filed then).
   */
  private @Nullable Issued resume(
      GdsClient gds, PkiDirectory pki, PendingRequest.State p, PrivateKey key)
      throws PullException, InterruptedException, IOException, UaException {
    GdsClient.Result done = awaitFinishOrForget(gds, pki, p.applicationId(), p.requestId(), true);
    if (!done.good()) {
      PendingRequest.clear(pki);
      status.accept(
          "request " + p.requestId().toParseableString() + " is no longer open; filing a new one");
      return null;
    }
    return issued(done, PullSettings.KeyFormat.CSR, key, null);
  }

  private Issued requestSigning(
      GdsClient gds, PkiDirectory pki, NodeId applicationId, String uri, String subject)
      throws UaException, PullException, InterruptedException, IOException {
    KeyPair localKey;
    try {
      localKey = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    } catch (Exception e) {
      throw new PullException("cannot generate an RSA key pair");
    }
    byte[] csr = KeyMaterial.csr(localKey, subject, uri, settings.hostnames());
    GdsClient.Result started =
        gds.callDirectory(
            GdsNodeIds.StartSigningRequest,
            new Variant(applicationId),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE),
            new Variant(ByteString.of(csr)));
    NodeId requestId = submitted(started, PullSettings.KeyFormat.CSR);
    PendingRequest.save(
        pki,
        new PendingRequest.State(settings.gdsUrl(), uri, applicationId, requestId),
        localKey.getPrivate());
    GdsClient.Result done = awaitFinishOrForget(gds, pki, applicationId, requestId, false);
    return issued(done, PullSettings.KeyFormat.CSR, localKey.getPrivate(), null);
  }

  private Issued requestNewKeyPair(
      GdsClient gds,
      PkiDirectory pki,
      NodeId applicationId,
      String subject,
      PullSettings.KeyFormat format)
      throws UaException, PullException, InterruptedException, IOException {
    char[] password = KeyMaterial.randomPassword();
    try {
      GdsClient.Result started =
          gds.callDirectory(
              GdsNodeIds.StartNewKeyPairRequest,
              new Variant(applicationId),
              new Variant(NodeId.NULL_VALUE),
              new Variant(NodeId.NULL_VALUE),
              new Variant(subject),
              new Variant(settings.hostnames().toArray(new String[0])),
              new Variant(format.name()),
              new Variant(new String(password)));
      NodeId requestId = submitted(started, format);
      GdsClient.Result done = awaitFinishOrForget(gds, pki, applicationId, requestId, false);
      return issued(done, format, null, password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The request id of a started request; a refusal is a PullException with a hint. */
  private NodeId submitted(GdsClient.Result started, PullSettings.KeyFormat format)
      throws PullException, UaException {
    if (!started.good()) {
      String hint =
          started.code() == StatusCodes.Bad_UserAccessDenied
              ? " (a device without a GDS certificate needs a --user with the"
                  + " CertificateAuthorityAdmin role)"
              : "";
      throw new PullException(
          "the GDS refused the certificate request: " + name(started.status()) + hint);
    }
    NodeId requestId = started.output(0, NodeId.class);
    status.accept(
        "request "
            + requestId.toParseableString()
            + " submitted ("
            + (format == PullSettings.KeyFormat.CSR ? "signing request" : "new key pair, " + format)
            + ")");
    return requestId;
  }

  private Issued issued(
      GdsClient.Result done,
      PullSettings.KeyFormat format,
      @Nullable PrivateKey localKey,
      char @Nullable [] password)
      throws UaException, PullException {
    X509Certificate cert = CertificateCodec.decodeCertificate(bytes(done.outputs()[0]));
    List<X509Certificate> issuers =
        done.outputs().length > 2 && done.outputs()[2].value() instanceof ByteString[] list
            ? CertificateCodec.decodeCertificates(list)
            : List.of();
    PrivateKey key =
        localKey != null
            ? localKey
            : KeyMaterial.openDeliveredKey(
                format,
                bytes(done.outputs()[1]),
                Objects.requireNonNull(
                    password, "a key pair made by the GDS comes with a password"));
    return new Issued(cert, key, issuers);
  }

  /** As {@link #awaitFinish}, forgetting the pending request when polling gives up. */
  private GdsClient.Result awaitFinishOrForget(
      GdsClient gds, PkiDirectory pki, NodeId applicationId, NodeId requestId, boolean resumed)
      throws PullException, InterruptedException, IOException {
    try {
      return awaitFinish(gds, applicationId, requestId, resumed);
    } catch (PullException e) {
      PendingRequest.clear(pki);
      throw e;
    }
  }

  /**
   * Polls FinishRequest until the request is delivered; for a resumed request, the failed result
   * when the GDS does not know it any more or has delivered it already.
   */
  private GdsClient.Result awaitFinish(
      GdsClient gds, NodeId applicationId, NodeId requestId, boolean resumed)
      throws PullException, InterruptedException {
    Backoff backoff = new Backoff(settings.pollInitial(), settings.pollMax());
    Duration timeout = settings.approvalTimeout();
    Instant started = clock.instant();
    PollState last = null;
    String id = requestId.toParseableString();
    while (true) {
      PollState now;
      try {
        GdsClient.Result r =
            gds.callDirectory(
                GdsNodeIds.FinishRequest, new Variant(applicationId), new Variant(requestId));
        if (r.good()) {
          if (last != null) {
            status.accept("request " + id + " approved");
          }
          return r;
        }
        long code = r.code();
        if (code == StatusCodes.Bad_RequestNotAllowed) {
          throw new PullException(
              "request " + id + " was rejected by the GDS (Bad_RequestNotAllowed)");
        }
        if (resumed
            && (code == StatusCodes.Bad_InvalidArgument
                || code == StatusCodes.Bad_NotFound
                || code == StatusCodes.Bad_NodeIdUnknown)) {
          return r;
        }
        if (code != StatusCodes.Bad_NothingToDo) {
          throw new PullException("FinishRequest for " + id + " failed: " + name(r.status()));
        }
        now = PollState.WAITING;
      } catch (UaException e) {
        // transport trouble: Milo reconnects the session in the background; keep polling
        now = PollState.UNREACHABLE;
        if (now != last) {
          log.warn("FinishRequest for {} failed ({}); retrying", id, StatusText.describe(e));
        }
      }
      if (now != last) {
        status.accept(pollStatus(id, now));
        last = now;
      }
      if (timeout != null && clock.instant().isAfter(started.plus(timeout))) {
        throw new PullException(
            "gave up waiting for approval of request " + id + " after " + duration(timeout));
      }
      Thread.sleep(backoff.next().toMillis());
    }
  }

  private String pollStatus(String id, PollState now) {
    return now == PollState.WAITING
        ? "request "
            + id
            + " is waiting for approval (polling every "
            + duration(settings.pollInitial())
            + " up to "
            + duration(settings.pollMax())
            + ")"
        : "the GDS cannot be reached; retrying";
  }

  private static byte[] bytes(Variant v) {
    return v.value() instanceof ByteString b ? b.bytesOrEmpty() : new byte[0];
  }

  private static String escape(String rdnValue) {
    return rdnValue.replaceAll("([,+=\"\\\\<>;#])", "\\\\$1");
  }
}
