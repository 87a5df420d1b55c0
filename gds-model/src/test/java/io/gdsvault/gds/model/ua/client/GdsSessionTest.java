package io.gdsvault.gds.model.ua.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;

import java.util.List;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.ApplicationDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.junit.jupiter.api.Test;

class GdsSessionTest {

  @Test
  void onlySignAndEncryptEndpointsAreChosen() {
    // every Part 12 method needs an encrypted channel; a signed-only endpoint is of no use
    var signOnly = endpoint(MessageSecurityMode.Sign, SecurityPolicy.Basic256Sha256);
    var none = endpoint(MessageSecurityMode.None, SecurityPolicy.None);
    assertThat(GdsSession.pick(List.of(signOnly, none))).isEmpty();
  }

  @Test
  void thePreferredPolicyWinsWhateverTheServersOrder() {
    var pss = endpoint(MessageSecurityMode.SignAndEncrypt, SecurityPolicy.Aes256_Sha256_RsaPss);
    var oaep = endpoint(MessageSecurityMode.SignAndEncrypt, SecurityPolicy.Aes128_Sha256_RsaOaep);
    var basic = endpoint(MessageSecurityMode.SignAndEncrypt, SecurityPolicy.Basic256Sha256);
    assertThat(GdsSession.pick(List.of(oaep, pss, basic))).contains(basic);
    assertThat(GdsSession.pick(List.of(oaep, pss))).contains(pss);
    assertThat(GdsSession.pick(List.of(oaep))).contains(oaep);
  }

  @Test
  void policiesOutsideThePreferenceAreNotChosen() {
    // Basic128Rsa15 and Basic256 are deprecated (SHA-1)
    var old = endpoint(MessageSecurityMode.SignAndEncrypt, SecurityPolicy.Basic128Rsa15);
    assertThat(GdsSession.pick(List.of(old))).isEmpty();
  }

  @Test
  void noUserIsAnAnonymousSessionAndAUserNeedsAPassword() {
    assertThat(GdsSession.identity(null, null)).isInstanceOf(AnonymousProvider.class);
    assertThat(GdsSession.identity("ops", "secret".toCharArray()))
        .isInstanceOf(UsernameProvider.class);
    assertThatThrownBy(() -> GdsSession.identity("ops", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static EndpointDescription endpoint(MessageSecurityMode mode, SecurityPolicy policy) {
    return new EndpointDescription(
        "opc.tcp://gds:4840/GDS",
        new ApplicationDescription(null, null, null, null, null, null, null),
        ByteString.NULL_VALUE,
        mode,
        policy.getUri(),
        new UserTokenPolicy[0],
        null,
        ubyte(0));
  }
}
