package io.gdsvault.bench.client;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * Makes devices before a run. RSA-2048 key generation costs ~100 ms per key, so devices share a
 * small set of key pairs (each still has its own URI, certificate and CSR); the servers never see
 * the keys as shared state: the GDS keys requests by application and certificate, not by key.
 */
public final class Devices {

  private final List<KeyPair> keys;

  private Devices(List<KeyPair> keys) {
    this.keys = keys;
  }

  /** {@code distinctKeys} RSA-2048 key pairs to share. */
  public static Devices withKeys(int distinctKeys) throws NoSuchAlgorithmException {
    KeyPairGenerator.getInstance("RSA"); // fail early without the algorithm
    List<KeyPair> keys =
        java.util.stream.IntStream.range(0, distinctKeys)
            .parallel()
            .mapToObj(i -> rsa2048())
            .toList();
    return new Devices(keys);
  }

  private static KeyPair rsa2048() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code n} devices {@code urn:bench:<tag>:<i>}, made on every core. */
  public List<Device> create(String tag, int n) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Device>> made = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        made.add(pool.submit(() -> device(tag, index)));
      }
      List<Device> out = new ArrayList<>(n);
      for (Future<Device> f : made) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private Device device(String tag, int i) throws Exception {
    KeyPair kp = keys.get(i % keys.size());
    String uri = "urn:bench:" + tag + ":" + i;
    String cn = "bench " + tag + " " + i;
    X509Certificate cert =
        new SelfSignedCertificateBuilder(kp)
            .setCommonName(cn)
            .setApplicationUri(uri)
            .addDnsName("localhost")
            .setValidityPeriod(Period.ofDays(7))
            .build();
    ExtensionsGenerator ext = new ExtensionsGenerator();
    ext.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
    byte[] csr =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + cn), kp.getPublic())
            .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()))
            .getEncoded();
    return new Device(uri, kp, cert, csr);
  }
}
