package io.gdsvault.signer.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import io.gdsvault.ca.CaBackendContract;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.SignerBackend;
import java.lang.reflect.Field;
import java.security.Key;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.publisher.Mono;

/**
 * The backend suite on Azure Key Vault, driven through the real Azure SDK (KeyClient,
 * CryptographyClient, bearer challenge, JDK HTTP client) against {@link KeyVaultFake}, a
 * protocol-level fake of the Key Vault REST API on 127.0.0.1.
 */
class AzureKeyVaultBackendContractTest extends CaBackendContract {

  private static KeyVaultFake fake;
  private static HttpClient http;

  @BeforeAll
  static void startFake() throws Exception {
    fake = new KeyVaultFake();
    http =
        new JdkHttpClientBuilder(
                java.net.http.HttpClient.newBuilder().sslContext(fake.clientSslContext()))
            .build();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @Override
  protected SignerBackend openBackend() {
    TokenCredential credential =
        request ->
            Mono.just(
                new AccessToken(
                    KeyVaultFake.TOKEN, OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(1)));
    // the fake's host is not a Key Vault domain: skip only the challenge-resource domain check
    return new AzureKeyVaultBackend(fake.url(), credential, http, false, false);
  }

  // Vault custody: the signer holds a key id and a public key; signing happens in the vault.
  @Override
  protected void assertKeyCustody(IssuerSigner signer) throws Exception {
    assertThat(signer).isInstanceOf(AzureKeyVaultSigner.class);
    assertThat(signer.keyReference()).startsWith(fake.url() + "/keys/");
    for (Field f : AzureKeyVaultSigner.class.getDeclaredFields()) {
      boolean holdsKey =
          Key.class.isAssignableFrom(f.getType()) && !f.getName().equals("publicKey");
      assertThat(holdsKey || KeyPair.class.isAssignableFrom(f.getType()))
          .as("field %s must not hold private key material", f.getName())
          .isFalse();
    }
    int before = fake.signCount.get();
    signer.sign(new byte[] {1, 2, 3});
    assertThat(fake.signCount.get()).as("signing is done by the vault").isEqualTo(before + 1);
    assertThat(fake.createRequests).isNotEmpty();
    fake.createRequests.forEach(
        req -> {
          assertThat(req.path("attributes").path("exportable").asBoolean(true)).isFalse();
          assertThat(req.path("key_ops").toString()).contains("sign").doesNotContain("decrypt");
        });
    assertThat(fake.unauthenticated.get())
        .as("the SDK went through the bearer challenge")
        .isPositive();
  }
}
