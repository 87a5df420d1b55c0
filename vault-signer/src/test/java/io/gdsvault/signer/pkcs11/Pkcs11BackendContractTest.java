package io.gdsvault.signer.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.ca.CaBackendContract;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.JcaKeySigner;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.SignerBackend;
import java.security.PrivateKey;

/** The backend suite on a SoftHSM2 token through the JDK's SunPKCS11 provider. */
class Pkcs11BackendContractTest extends CaBackendContract {

  @Override
  protected SignerBackend openBackend() throws Exception {
    long slot = SoftHsmToken.slot();
    var settings = new Pkcs11SignerSettings(SoftHsmToken.LIBRARY, slot, null, "GDS_TEST_PIN", null);
    return Pkcs11Backend.open(settings, new SecretResolver(name -> SoftHsmToken.USER_PIN));
  }

  // HSM custody: the JVM holds a token object handle, never the key bytes.
  @Override
  protected void assertKeyCustody(IssuerSigner signer) {
    assertThat(signer).isInstanceOf(JcaKeySigner.class);
    PrivateKey key = ((JcaKeySigner) signer).keyHandle();
    assertThat(key.getClass().getName()).startsWith("sun.security.pkcs11.");
    assertThat(key.getEncoded()).as("sensitive key material must not be readable").isNull();
    assertThat(key.toString())
        .contains("token object")
        .contains("sensitive")
        .contains("unextractable");
  }
}
