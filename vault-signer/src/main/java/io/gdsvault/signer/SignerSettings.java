package io.gdsvault.signer;

/**
 * Marker for the backend settings records of one certificate group: {@code
 * io.gdsvault.signer.local.LocalSignerSettings}, {@code
 * io.gdsvault.signer.pkcs11.Pkcs11SignerSettings}, {@code
 * io.gdsvault.signer.azure.AzureSignerSettings}. gds-server maps its YAML to them.
 */
public interface SignerSettings {

  /** {@code local}, {@code pkcs11} or {@code azure}. */
  String kind();
}
