package io.gdsvault.signer.backends;

import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import io.gdsvault.signer.SignerSettings;
import io.gdsvault.signer.azure.AzureKeyVaultBackend;
import io.gdsvault.signer.azure.AzureSignerSettings;
import io.gdsvault.signer.local.LocalKeyStoreBackend;
import io.gdsvault.signer.local.LocalSignerSettings;
import io.gdsvault.signer.pkcs11.Pkcs11Backend;
import io.gdsvault.signer.pkcs11.Pkcs11SignerSettings;

/** Opens the backend a settings record names. */
public final class SignerBackends {

  private SignerBackends() {}

  public static SignerBackend open(SignerSettings settings) throws SignerException {
    if (settings instanceof LocalSignerSettings local) {
      return LocalKeyStoreBackend.open(local);
    }
    if (settings instanceof Pkcs11SignerSettings p11) {
      return Pkcs11Backend.open(p11);
    }
    if (settings instanceof AzureSignerSettings azure) {
      return AzureKeyVaultBackend.open(azure);
    }
    throw new SignerException("unknown signer backend: " + settings.kind());
  }
}
