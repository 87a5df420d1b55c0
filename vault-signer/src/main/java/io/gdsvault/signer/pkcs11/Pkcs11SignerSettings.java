package io.gdsvault.signer.pkcs11;

import io.gdsvault.signer.SignerSettings;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A PKCS#11 token reached through the JDK's SunPKCS11 provider.
 *
 * @param library the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param slot the slot id; null to use {@code slotListIndex}
 * @param slotListIndex index into the slot list, used when {@code slot} is null (default 0)
 * @param pinEnv environment variable holding the user PIN; may be null
 * @param pinFile file (0600) holding the user PIN, read when the variable is unset; may be null
 */
public record Pkcs11SignerSettings(
    Path library,
    @Nullable Long slot,
    @Nullable Integer slotListIndex,
    @Nullable String pinEnv,
    @Nullable Path pinFile)
    implements SignerSettings {

  public static final String DEFAULT_PIN_ENV = "GDS_VAULT_PKCS11_PIN";

  public Pkcs11SignerSettings {
    if (library == null) {
      throw new IllegalArgumentException("pkcs11 signer: library is required");
    }
    if (slot == null && slotListIndex == null) {
      slotListIndex = 0;
    }
  }

  @Override
  public String kind() {
    return "pkcs11";
  }
}
