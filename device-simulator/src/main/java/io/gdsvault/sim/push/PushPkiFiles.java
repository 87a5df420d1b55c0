package io.gdsvault.sim.push;

import io.gdsvault.gds.model.net.HostNames;
import io.gdsvault.gds.model.x509.Certificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a push target keeps in its PKI folder: its own certificate chain and key in {@code own/},
 * the trust list in {@code trusted/} and {@code issuer/} (one DER file per certificate or CRL,
 * named by thumbprint). Reads them at start and gives the folders' content for a commit.
 */
final class PushPkiFiles {

  private static final Logger log = LoggerFactory.getLogger(PushPkiFiles.class);

  static final String APPLICATION_FILE = "application.pem";

  private PushPkiFiles() {}

  /** The own folders' new content: the chain and key of {@code credentials}, as PEM. */
  static Map<String, Map<String, byte[]>> ownFiles(PushCertificateGroup.Credentials credentials) {
    Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
    files.put(
        "own/certs",
        Map.of(
            APPLICATION_FILE,
            CertificateCodec.toPem((Object[]) credentials.chain())
                .getBytes(StandardCharsets.US_ASCII)));
    files.put(
        "own/private",
        Map.of(
            APPLICATION_FILE,
            CertificateCodec.toPem(credentials.keyPair().getPrivate())
                .getBytes(StandardCharsets.US_ASCII)));
    return files;
  }

  /** The trust folders' new content for {@code trustList}. */
  static Map<String, Map<String, byte[]>> trustListFiles(TrustListContent trustList)
      throws UaException {
    Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
    try {
      files.put("trusted/certs", certFiles(trustList.trustedCertificates()));
      files.put("trusted/crl", crlFiles(trustList.trustedCrls()));
      files.put("issuer/certs", certFiles(trustList.issuerCertificates()));
      files.put("issuer/crl", crlFiles(trustList.issuerCrls()));
    } catch (Exception e) {
      throw new UaException(StatusCodes.Bad_CertificateInvalid, "cannot encode trust list");
    }
    return files;
  }

  /** The own chain and key in {@code pki}, if both are there; they must match. */
  static PushCertificateGroup.@Nullable Credentials loadCredentials(PkiDirectory pki)
      throws IOException, UaException {
    List<byte[]> certs = pki.readAll("own/certs");
    List<byte[]> keys = pki.readAll("own/private");
    if (certs.isEmpty() || keys.isEmpty()) {
      return null;
    }
    List<X509Certificate> chain = CertificateCodec.decodeCertificateChain(certs.get(0));
    var privateKey = CertificateCodec.decodePrivateKey(CertificateCodec.PEM, keys.get(0));
    if (!CertificateCodec.matches(chain.get(0).getPublicKey(), privateKey)) {
      throw new UaException(
          StatusCodes.Bad_ConfigurationError, "own certificate and private key do not match");
    }
    return new PushCertificateGroup.Credentials(
        new KeyPair(chain.get(0).getPublicKey(), privateKey),
        chain.toArray(new X509Certificate[0]));
  }

  /** Makes a self-signed certificate valid for two years and commits it to {@code pki}. */
  static PushCertificateGroup.Credentials createSelfSigned(
      PkiDirectory pki, String applicationUri, String commonName, List<String> hostnames)
      throws IOException, UaException {
    try {
      KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      var builder =
          new SelfSignedCertificateBuilder(keyPair)
              .setCommonName(commonName)
              .setOrganization("GDS Vault")
              .setApplicationUri(applicationUri)
              .setValidityPeriod(Period.ofYears(2));
      for (String host : hostnames) {
        if (HostNames.isIpAddress(host)) {
          builder.addIpAddress(host);
        } else {
          builder.addDnsName(host);
        }
      }
      X509Certificate certificate = builder.build();
      var credentials =
          new PushCertificateGroup.Credentials(keyPair, new X509Certificate[] {certificate});
      pki.commit(ownFiles(credentials));
      log.info(
          "Created self-signed application certificate: thumbprint={}, uri={}",
          Certificates.thumbprint(certificate),
          applicationUri);
      return credentials;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new UaException(StatusCodes.Bad_InternalError, "could not create a certificate");
    }
  }

  /** The trust list in {@code pki}; unreadable files are logged and skipped. */
  static TrustListContent loadTrustList(PkiDirectory pki) throws IOException {
    return new TrustListContent(
        loadCerts(pki, "trusted/certs"),
        loadCrls(pki, "trusted/crl"),
        loadCerts(pki, "issuer/certs"),
        loadCrls(pki, "issuer/crl"));
  }

  private static List<X509Certificate> loadCerts(PkiDirectory pki, String dir) throws IOException {
    List<X509Certificate> out = new ArrayList<>();
    for (byte[] bytes : pki.readAll(dir)) {
      try {
        for (X509Certificate c : CertificateCodec.decodeCertificateChain(bytes)) {
          if (!out.contains(c)) {
            out.add(c);
          }
        }
      } catch (UaException e) {
        log.warn("Ignoring an unreadable certificate file in {}", pki.resolve(dir));
      }
    }
    return out;
  }

  private static List<X509CRL> loadCrls(PkiDirectory pki, String dir) throws IOException {
    List<X509CRL> out = new ArrayList<>();
    for (byte[] bytes : pki.readAll(dir)) {
      try {
        out.add(CertificateCodec.decodeCrl(bytes));
      } catch (UaException e) {
        log.warn("Ignoring an unreadable CRL file in {}", pki.resolve(dir));
      }
    }
    return out;
  }

  private static Map<String, byte[]> certFiles(List<X509Certificate> certs) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (X509Certificate c : certs) {
      byte[] der = Certificates.encoded(c);
      out.put(Certificates.thumbprint(der) + ".der", der);
    }
    return out;
  }

  private static Map<String, byte[]> crlFiles(List<X509CRL> crls) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (X509CRL c : crls) {
      byte[] der = c.getEncoded();
      out.put(Certificates.thumbprint(der) + ".crl", der);
    }
    return out;
  }
}
