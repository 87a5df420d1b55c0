package io.gdsvault.signer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.ca.CaBackendContract;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.JcaKeySigner;
import io.gdsvault.signer.SecretResolver;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

/** The backend suite on the local PKCS#12 keystore, its password generated on first start. */
class LocalBackendContractTest extends CaBackendContract {

  private LocalSignerSettings settings() {
    return new LocalSignerSettings(tmp.resolve("keys"), "GDS_TEST_UNSET_VARIABLE", null);
  }

  @Override
  protected SignerBackend openBackend() throws Exception {
    return LocalKeyStoreBackend.open(settings(), new SecretResolver(name -> null));
  }

  // Local custody: the key is in an encrypted keystore that a wrong password cannot open.
  @Override
  protected void assertKeyCustody(IssuerSigner signer) throws Exception {
    assertThat(signer).isInstanceOf(JcaKeySigner.class);
    var secret = settings().passwordFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    assertThat(Files.exists(settings().directory().resolve(LocalKeyStoreBackend.FILE_NAME)))
        .isTrue();
    assertThatThrownBy(
            () -> LocalKeyStoreBackend.open(settings(), new SecretResolver(n -> "wrong")))
        .isInstanceOf(SignerException.class)
        .hasMessageNotContaining("wrong");
  }
}
