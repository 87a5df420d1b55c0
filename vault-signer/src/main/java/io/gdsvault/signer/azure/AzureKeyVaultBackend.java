package io.gdsvault.signer.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.models.CreateEcKeyOptions;
import com.azure.security.keyvault.keys.models.CreateRsaKeyOptions;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyCurveName;
import com.azure.security.keyvault.keys.models.KeyOperation;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import io.gdsvault.signer.IssuerSigner;
import io.gdsvault.signer.KeySpec;
import io.gdsvault.signer.SignatureAlgorithm;
import io.gdsvault.signer.SignerBackend;
import io.gdsvault.signer.SignerException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuer keys in Azure Key Vault. Keys are created non-exportable with only sign/verify operations;
 * signing sends a digest. HTTP goes through the JDK client (no netty).
 */
public final class AzureKeyVaultBackend implements SignerBackend {

  private static final Logger log = LoggerFactory.getLogger(AzureKeyVaultBackend.class);

  /**
   * The JDK HTTP client computes Content-Length itself and refuses the SDK's header with a WARN on
   * every request; dropping it just before sending keeps the logs quiet.
   */
  private static final HttpPipelinePolicy DROP_CONTENT_LENGTH =
      new HttpPipelinePolicy() {
        @Override
        public reactor.core.publisher.Mono<com.azure.core.http.HttpResponse> process(
            HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
          context.getHttpRequest().getHeaders().remove(HttpHeaderName.CONTENT_LENGTH);
          return next.process();
        }

        @Override
        public com.azure.core.http.HttpResponse processSync(
            HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
          context.getHttpRequest().getHeaders().remove(HttpHeaderName.CONTENT_LENGTH);
          return next.processSync();
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
          return HttpPipelinePosition.PER_RETRY;
        }
      };

  private final KeyClient keys;
  private final TokenCredential credential;
  private final HttpClient httpClient;
  private final boolean hsm;
  private final boolean verifyChallengeResource;

  /**
   * @param vaultUrl the vault's https URL
   * @param credential how to get AAD tokens
   * @param httpClient azure-core HTTP client (JDK based in production)
   * @param hsm create HSM-protected keys
   * @param verifyChallengeResource false only for a vault whose host is not a Key Vault domain (the
   *     test fake on 127.0.0.1)
   */
  public AzureKeyVaultBackend(
      String vaultUrl,
      TokenCredential credential,
      HttpClient httpClient,
      boolean hsm,
      boolean verifyChallengeResource) {
    KeyClientBuilder b =
        new KeyClientBuilder()
            .vaultUrl(vaultUrl)
            .credential(credential)
            .httpClient(httpClient)
            .addPolicy(DROP_CONTENT_LENGTH);
    if (!verifyChallengeResource) {
      b.disableChallengeResourceVerification();
    }
    this.keys = b.buildClient();
    this.credential = credential;
    this.httpClient = httpClient;
    this.hsm = hsm;
    this.verifyChallengeResource = verifyChallengeResource;
  }

  /** Builds the credential the settings describe and a JDK-based HTTP client. */
  public static AzureKeyVaultBackend open(AzureSignerSettings s) throws SignerException {
    TokenCredential credential;
    String secret = s.clientSecretEnv() == null ? null : System.getenv(s.clientSecretEnv());
    try {
      if (s.clientId() != null && secret != null && !secret.isEmpty()) {
        credential =
            new ClientSecretCredentialBuilder()
                .tenantId(s.tenantId())
                .clientId(s.clientId())
                .clientSecret(secret)
                .build();
      } else {
        credential = new DefaultAzureCredentialBuilder().build();
      }
      HttpClient http = new JdkHttpClientBuilder().build();
      return new AzureKeyVaultBackend(s.vaultUrl().toString(), credential, http, s.hsm(), true);
    } catch (RuntimeException e) {
      throw new SignerException("Azure Key Vault client could not be built", e);
    }
  }

  @Override
  public String kind() {
    return "azure";
  }

  @Override
  public IssuerSigner createKey(String alias, KeySpec spec) throws SignerException {
    if (findKey(alias).isPresent()) {
      throw new SignerException("issuer key " + alias + " already exists in the vault");
    }
    try {
      KeyVaultKey key;
      if (spec.isRsa()) {
        key =
            keys.createRsaKey(
                new CreateRsaKeyOptions(alias)
                    .setHardwareProtected(hsm)
                    .setKeySize(spec.bits())
                    .setExportable(false)
                    .setKeyOperations(KeyOperation.SIGN, KeyOperation.VERIFY));
      } else {
        key =
            keys.createEcKey(
                new CreateEcKeyOptions(alias)
                    .setHardwareProtected(hsm)
                    .setCurveName(spec == KeySpec.EC_P384 ? KeyCurveName.P_384 : KeyCurveName.P_256)
                    .setExportable(false)
                    .setKeyOperations(KeyOperation.SIGN, KeyOperation.VERIFY));
      }
      log.info(
          "created issuer key alias={} spec={} backend=azure keyId={}", alias, spec, key.getId());
      return signerFor(key);
    } catch (RuntimeException e) {
      throw new SignerException("issuer key " + alias + " could not be created in the vault", e);
    }
  }

  @Override
  public Optional<IssuerSigner> findKey(String alias) throws SignerException {
    try {
      return Optional.of(signerFor(keys.getKey(alias)));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new SignerException("issuer key " + alias + " could not be read from the vault", e);
    }
  }

  private IssuerSigner signerFor(KeyVaultKey key) throws SignerException {
    JsonWebKey jwk = key.getKey();
    PublicKey publicKey;
    SignatureAlgorithm alg;
    KeyType type = jwk.getKeyType();
    if (KeyType.RSA.equals(type) || KeyType.RSA_HSM.equals(type)) {
      publicKey = jwk.toRsa(false).getPublic();
      alg = SignatureAlgorithm.SHA256_WITH_RSA;
    } else if (KeyType.EC.equals(type) || KeyType.EC_HSM.equals(type)) {
      publicKey = jwk.toEc(false).getPublic();
      int bits = ((ECPublicKey) publicKey).getParams().getCurve().getField().getFieldSize();
      alg =
          bits > 256 ? SignatureAlgorithm.SHA384_WITH_ECDSA : SignatureAlgorithm.SHA256_WITH_ECDSA;
    } else {
      throw new SignerException("vault key type " + type + " is not supported");
    }
    CryptographyClientBuilder cb =
        new CryptographyClientBuilder()
            .keyIdentifier(key.getId())
            .credential(credential)
            .httpClient(httpClient)
            .addPolicy(DROP_CONTENT_LENGTH);
    if (!verifyChallengeResource) {
      cb.disableChallengeResourceVerification();
    }
    CryptographyClient crypto = cb.buildClient();
    return new AzureKeyVaultSigner(key.getId(), publicKey, alg, crypto);
  }

  @Override
  public void close() {
    // azure-core clients hold no resources that need closing here
  }
}
