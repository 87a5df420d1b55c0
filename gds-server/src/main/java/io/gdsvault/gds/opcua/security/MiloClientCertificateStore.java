package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.ClientCertificate;
import io.gdsvault.gds.auth.ClientCertificateStore;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Client certificates in {@code DATA/pki/rejected/certs} and Milo's trust list. */
public final class MiloClientCertificateStore implements ClientCertificateStore {

  private static final Logger log = LoggerFactory.getLogger(MiloClientCertificateStore.class);

  private final TrustListManager trustList;
  private final Path rejectedDir;

  public MiloClientCertificateStore(TrustListManager trustList, Path rejectedDir) {
    this.trustList = trustList;
    this.rejectedDir = rejectedDir;
  }

  @Override
  public List<ClientCertificate> list() {
    List<ClientCertificate> out = new ArrayList<>();
    for (Rejected r : rejected()) {
      out.add(describe(r.certificate(), "rejected"));
    }
    for (X509Certificate c : trustList.getTrustedCertificates()) {
      out.add(describe(c, "trusted"));
    }
    return out;
  }

  @Override
  public synchronized boolean accept(String thumbprint) {
    boolean found = false;
    for (Rejected r : rejected()) {
      if (Certificates.thumbprint(r.certificate()).equals(thumbprint)) {
        if (!found) {
          trustList.addTrustedCertificate(r.certificate());
          found = true;
        }
        try {
          Files.deleteIfExists(r.file());
        } catch (IOException e) {
          log.warn("cannot delete {}", r.file(), e);
        }
      }
    }
    return found;
  }

  private record Rejected(Path file, X509Certificate certificate) {}

  private List<Rejected> rejected() {
    List<Rejected> out = new ArrayList<>();
    if (!Files.isDirectory(rejectedDir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(rejectedDir)) {
      for (Path f : files) {
        try {
          out.add(new Rejected(f, Certificates.parse(Files.readAllBytes(f))));
        } catch (IOException | InvalidCertificateException e) {
          log.warn("skipping unreadable file {}", f.getFileName());
        }
      }
    } catch (IOException | RuntimeException e) {
      log.warn("cannot list {}", rejectedDir, e);
    }
    return out;
  }

  private static ClientCertificate describe(X509Certificate c, String state) {
    return new ClientCertificate(
        Certificates.thumbprint(c),
        state,
        c.getSubjectX500Principal().getName(),
        CertificateUtil.getSanUri(c).orElse(""),
        c.getNotAfter().toInstant());
  }
}
