package io.gdsvault.signer.local;

import io.gdsvault.signer.SignerSettings;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The local backend: an encrypted PKCS#12 keystore {@code issuer-keys.p12} in {@code directory}.
 * Its password comes from {@code passwordEnv} if set, else from {@code passwordFile} (0600), which
 * is generated on first start.
 *
 * @param directory where the keystore lives (created if missing)
 * @param passwordEnv environment variable holding the password; may be null
 * @param passwordFile secret file; null means {@code directory/keystore.secret}
 */
public record LocalSignerSettings(Path directory, @Nullable String passwordEnv, Path passwordFile)
    implements SignerSettings {

  public static final String DEFAULT_PASSWORD_ENV = "GDS_VAULT_KEYSTORE_PASSWORD";

  public LocalSignerSettings {
    if (directory == null) {
      throw new IllegalArgumentException("local signer: directory is required");
    }
    if (passwordFile == null) {
      passwordFile = directory.resolve("keystore.secret");
    }
  }

  /** Settings with the default variable name and secret file. */
  public static LocalSignerSettings inDirectory(Path directory) {
    return new LocalSignerSettings(
        directory, DEFAULT_PASSWORD_ENV, directory.resolve("keystore.secret"));
  }

  @Override
  public String kind() {
    return "local";
  }
}
