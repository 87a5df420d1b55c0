package io.gdsvault.gds.model.ua.client;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.jspecify.annotations.Nullable;

/**
 * Checks a server's certificate by its thumbprint, in one of two ways: against a thumbprint the
 * operator gave ({@link #expecting}), or trust on first use like SSH's known_hosts ({@link
 * #pinnedIn}): the first certificate seen for an endpoint URL is pinned in a properties file and a
 * different one later is refused until the entry is removed.
 *
 * <p>Refusals: no certificate or one that cannot be encoded is Bad_CertificateInvalid; another
 * certificate than the expected or pinned one, or a pin file that cannot be read or written, is
 * Bad_CertificateUntrusted.
 */
public final class PinnedServerValidator implements CertificateValidator {

  // one lock for every pin file in this JVM: a fleet of simulated devices may share one
  private static final Object LOCK = new Object();

  private final @Nullable String expected;
  private final @Nullable Path file;
  private final String endpointUrl;
  private final String fileComment;
  private final Consumer<String> onPinned;

  private PinnedServerValidator(
      @Nullable String expected,
      @Nullable Path file,
      String endpointUrl,
      String fileComment,
      Consumer<String> onPinned) {
    this.expected = expected;
    this.file = file;
    this.endpointUrl = endpointUrl;
    this.fileComment = fileComment;
    this.onPinned = onPinned;
  }

  /**
   * Accepts only the certificate with this thumbprint (any case, {@code :} or space separators
   * allowed).
   */
  public static PinnedServerValidator expecting(String thumbprint) {
    return new PinnedServerValidator(
        Certificates.normalizeThumbprint(thumbprint), null, "", "", t -> {});
  }

  /**
   * Trust on first use.
   *
   * @param file the properties file of pins, endpoint URL to thumbprint; created when missing
   * @param endpointUrl the key of this server's pin
   * @param fileComment the comment written at the top of the file
   * @param onPinned told the thumbprint when a first certificate has just been pinned
   */
  public static PinnedServerValidator pinnedIn(
      Path file, String endpointUrl, String fileComment, Consumer<String> onPinned) {
    return new PinnedServerValidator(null, file, endpointUrl, fileComment, onPinned);
  }

  @Override
  public void validateCertificateChain(
      List<X509Certificate> chain, String applicationUri, String[] validHostnames)
      throws UaException {
    if (chain == null || chain.isEmpty()) {
      throw new UaException(StatusCodes.Bad_CertificateInvalid, "no server certificate");
    }
    String thumbprint;
    try {
      thumbprint = Certificates.thumbprint(chain.get(0));
    } catch (InvalidCertificateException e) {
      throw new UaException(StatusCodes.Bad_CertificateInvalid, e.getMessage());
    }
    if (expected != null) {
      if (!expected.equals(thumbprint)) {
        throw new UaException(
            StatusCodes.Bad_CertificateUntrusted,
            "the server certificate " + thumbprint + " is not the expected " + expected);
      }
      return;
    }
    if (file != null) {
      synchronized (LOCK) {
        checkPin(file, thumbprint);
      }
    }
  }

  private void checkPin(Path file, String thumbprint) throws UaException {
    Properties known = new Properties();
    try {
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          known.load(in);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UaException(StatusCodes.Bad_CertificateUntrusted, "cannot read " + file);
    }
    String pinned = known.getProperty(endpointUrl);
    if (pinned == null) {
      known.setProperty(endpointUrl, thumbprint);
      store(file, known);
      onPinned.accept(thumbprint);
    } else if (!Certificates.normalizeThumbprint(pinned).equals(thumbprint)) {
      throw new UaException(
          StatusCodes.Bad_CertificateUntrusted,
          "the server certificate changed (pinned "
              + pinned
              + ", got "
              + thumbprint
              + "); remove the entry from "
              + file
              + " if this is expected");
    }
  }

  private void store(Path file, Properties known) throws UaException {
    // written beside and moved over, so a crash never leaves a half-written pin file
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        known.store(out, fileComment);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UaException(StatusCodes.Bad_CertificateUntrusted, "cannot write " + file);
    }
  }
}
