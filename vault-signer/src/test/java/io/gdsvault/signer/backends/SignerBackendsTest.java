package io.gdsvault.signer.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.SignatureAlgorithm;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import io.gdsvault.signer.local.LocalSignerSettings;
import io.gdsvault.signer.pkcs11.Pkcs11SignerSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings record picks the backend; bad settings fail with a safe SignerException. */
class SignerBackendsTest {

  @TempDir Path dir;

  @Test
  void localSettingsOpenTheKeystoreBackendAndItsKeysSign() throws Exception {
    try (SignerBackend backend =
        SignerBackends.open(
            new LocalSignerSettings(dir, "GDS_TEST_UNSET_PASSWORD_VARIABLE", null))) {
      assertThat(backend.kind()).isEqualTo("local");
      IssuerSigner signer = backend.createKey("k1", KeySpec.EC_P384);
      assertThat(signer.signatureAlgorithm()).isEqualTo(SignatureAlgorithm.SHA384_WITH_ECDSA);
      byte[] sig = signer.sign(new byte[] {1, 2, 3});
      var verify = java.security.Signature.getInstance("SHA384withECDSA");
      verify.initVerify(signer.publicKey());
      verify.update(new byte[] {1, 2, 3});
      assertThat(verify.verify(sig)).isTrue();
      assertThat(backend.findKey("k1"))
          .get()
          .satisfies(s -> assertThat(s.publicKey()).isEqualTo(signer.publicKey()));
      assertThat(backend.findKey("missing")).isEmpty();
      assertThatThrownBy(() -> backend.createKey("k1", KeySpec.EC_P256))
          .isInstanceOf(SignerException.class);
    }
  }

  @Test
  void aMissingPkcs11ModuleIsASignerExceptionNotACrash() {
    Path lib = dir.resolve("no-such-module.so");
    assertThatThrownBy(
            () -> SignerBackends.open(new Pkcs11SignerSettings(lib, 0L, null, "PIN_VAR", null)))
        .isInstanceOf(SignerException.class);
  }
}
