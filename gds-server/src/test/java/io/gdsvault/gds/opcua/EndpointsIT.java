package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The endpoint set: None for discovery only, three policies with SignAndEncrypt for the rest. */
class EndpointsIT extends GdsIntegrationTest {

  @Test
  void getEndpointsOffersNoneAndThreeSignAndEncryptPolicies() throws Exception {
    List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(gds.endpointUrl()).get();
    assertThat(endpoints)
        .extracting(
            e -> SecurityPolicy.fromUri(e.getSecurityPolicyUri()) + "/" + e.getSecurityMode())
        .containsExactlyInAnyOrder(
            "None/None",
            "Basic256Sha256/SignAndEncrypt",
            "Aes128_Sha256_RsaOaep/SignAndEncrypt",
            "Aes256_Sha256_RsaPss/SignAndEncrypt");
    EndpointDescription none =
        endpoints.stream()
            .filter(e -> e.getSecurityMode() == MessageSecurityMode.None)
            .findFirst()
            .orElseThrow();
    // no passwords over an unencrypted channel
    assertThat(none.getUserIdentityTokens())
        .extracting(t -> t.getTokenType())
        .containsOnly(UserTokenType.Anonymous);
    assertThat(endpoints)
        .allSatisfy(e -> assertThat(e.getEndpointUrl()).isEqualTo(gds.endpointUrl()));
  }

  @Test
  void findServersWorksWithoutSecurity() throws Exception {
    List<ApplicationDescription> servers = DiscoveryClient.findServers(gds.endpointUrl()).get();
    assertThat(servers).hasSize(1);
    assertThat(servers.get(0).getApplicationUri())
        .isEqualTo(gds.app().server().server().getConfig().getApplicationUri());
  }

  @ParameterizedTest
  @EnumSource(
      value = SecurityPolicy.class,
      names = {"Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"})
  void everySecurePolicyServesTheDirectory(SecurityPolicy policy) throws Exception {
    OpcUaClient c =
        TestClients.connect(
            gds,
            policy,
            MessageSecurityMode.SignAndEncrypt,
            new UsernameProvider("admin", gds.adminPassword()),
            TestClients.defaultIdentity());
    try {
      assertThat(
              callDirectory(c, GdsNodeIds.FindApplications, new Variant("urn:none"))
                  .getStatusCode()
                  .isGood())
          .isTrue();
    } finally {
      TestClients.disconnect(c);
    }
  }
}
