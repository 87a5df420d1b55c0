package io.gdsvault.sim.pull;

import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.sim.push.CertificateCodec;
import io.gdsvault.sim.push.PkiDirectory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.structured.TrustListDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a pulled certificate in one atomic commit: own certificate and key, and the GDS's CAs
 * and CRLs beside the files others put in the trust folders.
 */
final class PkiInstaller {

  private static final Logger log = LoggerFactory.getLogger(PkiInstaller.class);

  /** Prefix of the trust files this client writes; other files in those folders are kept. */
  static final String GDS_FILE_PREFIX = "gds-";

  private PkiInstaller() {}

  static void install(
      PkiDirectory pki, Identity fresh, List<X509Certificate> issuers, TrustListDataType tl)
      throws IOException, PullException {
    try {
      Map<String, Map<String, byte[]>> files = fresh.ownFiles();
      List<X509Certificate> trusted =
          CertificateCodec.decodeCertificates(tl.getTrustedCertificates());
      List<X509Certificate> issuerCerts =
          new ArrayList<>(CertificateCodec.decodeCertificates(tl.getIssuerCertificates()));
      for (X509Certificate c : issuers) {
        if (!trusted.contains(c) && !issuerCerts.contains(c)) {
          issuerCerts.add(c);
        }
      }
      files.put("trusted/certs", merge(pki, "trusted/certs", certFiles(trusted)));
      files.put("trusted/crl", merge(pki, "trusted/crl", crlFiles(tl.getTrustedCrls())));
      files.put("issuer/certs", merge(pki, "issuer/certs", certFiles(issuerCerts)));
      files.put("issuer/crl", merge(pki, "issuer/crl", crlFiles(tl.getIssuerCrls())));
      pki.commit(files);
      log.info(
          "Installed pulled certificate thumbprint={} notAfter={} in {}",
          Certificates.thumbprint(fresh.certificate()),
          fresh.certificate().getNotAfter().toInstant(),
          pki.root());
    } catch (UaException e) {
      throw new PullException(
          "cannot encode the certificates to install: " + StatusText.describe(e));
    }
  }

  /** Our files for folder {@code rel} plus the regular files others put there. */
  private static Map<String, byte[]> merge(PkiDirectory pki, String rel, Map<String, byte[]> ours)
      throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    Path dir = pki.resolve(rel);
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
        for (Path p : s) {
          String n = p.getFileName().toString();
          if (Files.isRegularFile(p) && !n.startsWith(GDS_FILE_PREFIX) && !n.startsWith(".")) {
            out.put(n, Files.readAllBytes(p));
          }
        }
      }
    }
    out.putAll(ours);
    return out;
  }

  private static Map<String, byte[]> certFiles(List<X509Certificate> certs) throws UaException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (X509Certificate c : certs) {
      byte[] der = encoded(c);
      out.put(GDS_FILE_PREFIX + Certificates.thumbprint(der) + ".der", der);
    }
    return out;
  }

  private static Map<String, byte[]> crlFiles(ByteString[] crls) throws UaException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (X509CRL crl : CertificateCodec.decodeCrls(crls)) {
      try {
        byte[] der = crl.getEncoded();
        out.put(GDS_FILE_PREFIX + Certificates.thumbprint(der) + ".crl", der);
      } catch (java.security.cert.CRLException e) {
        throw new UaException(StatusCodes.Bad_CertificateInvalid, "CRL cannot be encoded");
      }
    }
    return out;
  }

  private static byte[] encoded(X509Certificate c) throws UaException {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new UaException(StatusCodes.Bad_CertificateInvalid, "certificate cannot be encoded");
    }
  }
}
