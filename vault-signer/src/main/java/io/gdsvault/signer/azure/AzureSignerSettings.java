package io.gdsvault.signer.azure;

import io.gdsvault.signer.SignerSettings;
import java.net.URI;

/**
 * Azure Key Vault holding the issuer keys (created non-exportable; the vault signs digests).
 *
 * <p>Credentials: if {@code clientId} and the variable {@code clientSecretEnv} are both set, a
 * client-secret credential for {@code tenantId} is used; otherwise DefaultAzureCredential
 * (environment, workload or managed identity, Azure CLI ...).
 *
 * @param vaultUrl e.g. {@code https://my-vault.vault.azure.net}
 * @param tenantId Entra tenant for a client secret; may be null
 * @param clientId application (client) id for a client secret; may be null
 * @param clientSecretEnv environment variable holding the client secret; may be null
 * @param hsm true to create HSM-protected keys (RSA-HSM / EC-HSM, Premium vaults)
 */
public record AzureSignerSettings(
    URI vaultUrl, String tenantId, String clientId, String clientSecretEnv, boolean hsm)
    implements SignerSettings {

  public AzureSignerSettings {
    if (vaultUrl == null || !"https".equalsIgnoreCase(vaultUrl.getScheme())) {
      throw new IllegalArgumentException("azure signer: vaultUrl must be an https URL");
    }
  }

  @Override
  public String kind() {
    return "azure";
  }
}
