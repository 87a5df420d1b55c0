package io.gdsvault.signer.testing;

import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import io.gdsvault.signer.SignerSettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A backend of {@link FakeIssuerSigner}s in memory, so a {@code CertificateAuthority} opens without
 * a keystore directory: it creates its issuer keys here and finds them again, also from a second CA
 * instance sharing this backend (two nodes on one key store).
 */
public final class FakeSignerBackend implements SignerBackend {

  /** Settings naming this backend, for a {@code CaConfig} that needs some. */
  public static final SignerSettings SETTINGS = () -> "fake";

  private final Map<String, FakeIssuerSigner> keys = new ConcurrentHashMap<>();

  @Override
  public IssuerSigner createKey(String alias, KeySpec spec) throws SignerException {
    FakeIssuerSigner created = FakeIssuerSigner.create(alias, spec);
    if (keys.putIfAbsent(alias, created) != null) {
      throw new SignerException("issuer key alias " + alias + " is taken");
    }
    return created;
  }

  @Override
  public Optional<IssuerSigner> findKey(String alias) {
    return Optional.ofNullable(keys.get(alias));
  }

  /** The key under {@code alias}, to count its signatures or switch it off. */
  public FakeIssuerSigner key(String alias) {
    FakeIssuerSigner k = keys.get(alias);
    if (k == null) {
      throw new IllegalArgumentException("no key " + alias + "; keys: " + keys.keySet());
    }
    return k;
  }

  /** Replaces the key behind {@code alias} with a fresh one, as a mixed-up backend would. */
  public void replaceKey(String alias, KeySpec spec) throws SignerException {
    keys.remove(alias);
    var unused = createKey(alias, spec);
  }

  /** Drops the key behind {@code alias}, as a backend that lost it would. */
  public void forget(String alias) {
    keys.remove(alias);
  }

  /** Signatures made by every key of this backend so far. */
  public int signatures() {
    return keys.values().stream().mapToInt(FakeIssuerSigner::signatures).sum();
  }

  /** The aliases of every key created so far. */
  public Set<String> aliases() {
    return Set.copyOf(keys.keySet());
  }

  @Override
  public String kind() {
    return "fake";
  }

  @Override
  public void close() {}
}
