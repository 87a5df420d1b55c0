package io.gdsvault.gds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;

/**
 * Trust on first use, like SSH's known_hosts: the first server certificate seen for an endpoint URL
 * is pinned in {@code known-servers.properties} (with a note on stderr); a different certificate
 * later is refused with Bad_CertificateUntrusted until the pin is removed.
 */
final class PinnedServerValidator implements CertificateValidator {

  private final Path file;
  private final String endpointUrl;
  private final PrintWriter err;

  PinnedServerValidator(Path file, String endpointUrl, PrintWriter err) {
    this.file = file;
    this.endpointUrl = endpointUrl;
    this.err = err;
  }

  @Override
  public synchronized void validateCertificateChain(
      List<X509Certificate> chain, String applicationUri, String[] validHostnames)
      throws UaException {
    if (chain == null || chain.isEmpty()) {
      throw new UaException(StatusCodes.Bad_CertificateInvalid);
    }
    String thumbprint;
    try {
      thumbprint =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-1").digest(chain.get(0).getEncoded()));
    } catch (Exception e) {
      throw new UaException(StatusCodes.Bad_CertificateInvalid);
    }
    try {
      Properties known = new Properties();
      if (Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          known.load(in);
        }
      }
      String pinned = known.getProperty(endpointUrl);
      if (pinned == null) {
        known.setProperty(endpointUrl, thumbprint);
        try (OutputStream out = Files.newOutputStream(file)) {
          known.store(out, "server certificates pinned by the gds CLI (SHA-1 thumbprints)");
        }
        err.println(
            "gds: pinned the server certificate of "
                + endpointUrl
                + " (thumbprint "
                + thumbprint
                + ")");
        err.flush();
      } else if (!pinned.equalsIgnoreCase(thumbprint)) {
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
    } catch (IOException e) {
      throw new UaException(StatusCodes.Bad_CertificateUntrusted, "cannot read " + file);
    }
  }
}
