package io.gdsvault.gds.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator API: enable checks the target once and pins it; disable, run and status. */
class PushOperationsTest {

  final PushWorld w = new PushWorld();
  final PushEngine engine = w.engine();

  @AfterEach
  void close() {
    w.close();
  }

  @Test
  void enablePinsThePresentedCertificateSealsThePasswordAndQueuesAFullPush() {
    UUID app = w.register();
    String pinned = engine.enable(Caller.system(), w.enableRequest(app, KeyMode.CSR));
    assertThat(pinned).isEqualTo(Thumbprints.of(w.selfSigned));
    PushTarget t = w.job(app);
    assertThat(t.pinnedThumbprint()).isEqualTo(pinned);
    assertThat(t.state()).isEqualTo(PushState.PENDING);
    assertThat(t.scope()).isEqualTo(PushScope.FULL);
    assertThat(t.nextAttemptAt()).isEqualTo(w.clock.instant());
    assertThat(t.phase()).isEqualTo("queued by system");
    assertThat(t.securityPolicyUri()).isEqualTo(PushOperations.DEFAULT_POLICY);
    assertThat(new String(t.passwordBlob(), StandardCharsets.ISO_8859_1))
        .doesNotContain(FakeTarget.PASSWORD);
    assertThat(w.credentials.openPassword(t)).isEqualTo(FakeTarget.PASSWORD.toCharArray());
    assertThat(w.audit)
        .anySatisfy(
            a ->
                assertThat(a)
                    .startsWith("push.enable ok")
                    .contains("pinned=" + pinned)
                    .doesNotContain(FakeTarget.PASSWORD));
  }

  @Test
  void anUnexpectedThumbprintIsRefusedBeforeAnythingIsStored() {
    // the connector reports the refusal as UNTRUSTED_TARGET; no message is searched
    UUID app = w.register();
    PushEngine.EnableRequest r =
        new PushEngine.EnableRequest(
            app,
            PushWorld.ENDPOINT,
            null,
            FakeTarget.USER,
            FakeTarget.PASSWORD.toCharArray(),
            "AB:".repeat(19) + "AB",
            KeyMode.CSR);
    assertThatThrownBy(() -> engine.enable(Caller.system(), r))
        .isInstanceOf(TargetCheckException.class)
        .hasMessageStartingWith(
            "the target's certificate does not have the expected thumbprint " + "ab".repeat(20));
    assertThat(w.repository.find(app)).isEmpty();
    assertThat(w.audit).anySatisfy(a -> assertThat(a).startsWith("push.enable failed"));
  }

  @Test
  void refusedCredentialsAndAnUnreachableTargetAreReportedAsTheTargetAnswered() {
    UUID app = w.register();
    PushEngine.EnableRequest wrong =
        new PushEngine.EnableRequest(
            app, PushWorld.ENDPOINT, null, FakeTarget.USER, "nope".toCharArray(), null, null);
    assertThatThrownBy(() -> engine.enable(Caller.system(), wrong))
        .isInstanceOf(TargetCheckException.class)
        .hasMessage(
            "cannot push to the target: the target refused the credentials of user 'secadmin'"
                + " (Bad_UserAccessDenied)");
    w.target.down = true;
    assertThatThrownBy(() -> engine.enable(Caller.system(), w.enableRequest(app, KeyMode.CSR)))
        .isInstanceOf(TargetCheckException.class)
        .hasMessageContaining("connection refused");
    assertThat(w.repository.find(app)).isEmpty();
  }

  @Test
  void badEnableArgumentsAreRefusedWithoutContactingTheTarget() {
    UUID app = w.register();
    for (String endpoint : new String[] {"http://x:1", "opc.tcp://nohost", "opc.tcp://[::1"}) {
      PushEngine.EnableRequest r =
          new PushEngine.EnableRequest(
              app, endpoint, null, "u", "p".toCharArray(), null, KeyMode.CSR);
      assertThatThrownBy(() -> engine.enable(Caller.system(), r))
          .isInstanceOfSatisfying(
              GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT));
    }
    PushEngine.EnableRequest none =
        new PushEngine.EnableRequest(
            app,
            PushWorld.ENDPOINT,
            "http://opcfoundation.org/UA/SecurityPolicy#None",
            "u",
            "p".toCharArray(),
            null,
            null);
    assertThatThrownBy(() -> engine.enable(Caller.system(), none))
        .hasMessageContaining("secure OPC UA policy");
    assertThatThrownBy(
            () -> engine.enable(Caller.system(), w.enableRequest(UUID.randomUUID(), KeyMode.CSR)))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    assertThat(w.target.connects).isZero();
  }

  @Test
  void onlySecurityAdminsManagePush() {
    UUID app = w.enabled(engine);
    Caller ca =
        new Caller(
            "ca",
            EnumSet.of(Role.CERTIFICATE_AUTHORITY_ADMIN),
            null,
            null,
            ChannelSecurity.SIGN_AND_ENCRYPT);
    assertThatThrownBy(() -> engine.enable(ca, w.enableRequest(app, KeyMode.CSR)))
        .hasMessageContaining("SecurityAdmin");
    assertThatThrownBy(() -> engine.run(ca, app)).isInstanceOf(GdsException.class);
    assertThatThrownBy(() -> engine.disable(ca, app)).isInstanceOf(GdsException.class);
    assertThatThrownBy(() -> engine.status(ca, null)).isInstanceOf(GdsException.class);
  }

  @Test
  void runQueuesAFullPushAndUnknownTargetsAreNotFound() {
    UUID app = w.enabled(engine);
    w.runWhenDue(engine, app);
    engine.run(Caller.system(), app);
    PushTarget queued = w.job(app);
    assertThat(queued.state()).isEqualTo(PushState.PENDING);
    assertThat(queued.phase()).isEqualTo("queued: run by system");
    assertThat(w.audit).anySatisfy(a -> assertThat(a).isEqualTo("push.run ok scope=FULL"));
    assertThatThrownBy(() -> engine.run(Caller.system(), UUID.randomUUID()))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void statusListsEveryTargetOrOneAndDisableRemovesIt() {
    UUID a = w.enabled(engine);
    UUID b = w.enabled(engine);
    assertThat(engine.status(Caller.system(), null))
        .extracting(PushTarget::applicationId)
        .containsExactly(a, b);
    assertThat(engine.status(Caller.system(), b))
        .extracting(PushTarget::applicationId)
        .containsExactly(b);
    engine.disable(Caller.system(), a);
    assertThat(engine.target(a)).isEmpty();
    assertThatThrownBy(() -> engine.disable(Caller.system(), a))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    assertThatThrownBy(() -> engine.status(Caller.system(), a)).isInstanceOf(GdsException.class);
  }

  @Test
  void enablingAgainKeepsTheInstalledCertificateAndQueuesAFullPushWithTheNewPin() {
    UUID app = w.enabled(engine);
    PushTarget done = w.runWhenDue(engine, app);
    String pinned = engine.enable(Caller.system(), w.enableRequest(app, KeyMode.NEW_KEY_PAIR));
    PushTarget again = w.job(app);
    assertThat(pinned).isEqualTo(done.certificateThumbprint());
    assertThat(again.pinnedThumbprint()).isEqualTo(pinned);
    assertThat(again.keyMode()).isEqualTo(KeyMode.NEW_KEY_PAIR);
    assertThat(again.certificateThumbprint()).isEqualTo(done.certificateThumbprint());
    assertThat(again.createdAt()).isEqualTo(done.createdAt());
    assertThat(again.state()).isEqualTo(PushState.PENDING);
  }

  @Test
  void enableRefusesAnEndpointThatIsNotARegisteredDiscoveryUrlBeforeConnectingAnywhere() {
    // EnablePush must not let a SecurityAdmin make the GDS probe any host and port
    UUID app = w.register();
    for (String endpoint :
        new String[] {
          "opc.tcp://10.1.2.3:4840/ua", "opc.tcp://target.plant.example:4841/ua", "opc.tcp://x:22"
        }) {
      PushEngine.EnableRequest r =
          new PushEngine.EnableRequest(
              app, endpoint, null, FakeTarget.USER, FakeTarget.PASSWORD.toCharArray(), null, null);
      assertThatThrownBy(() -> engine.enable(Caller.system(), r))
          .isInstanceOfSatisfying(
              GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT))
          .hasMessageContaining("registered DiscoveryUrl")
          .hasMessageContaining("push.allowedEndpoints");
    }
    assertThat(w.target.connects).isZero();
    assertThat(w.repository.find(app)).isEmpty();
    // same host (any case) and port, another path: allowed
    PushEngine.EnableRequest other =
        new PushEngine.EnableRequest(
            app,
            "opc.tcp://TARGET.plant.example:4840/other",
            null,
            FakeTarget.USER,
            FakeTarget.PASSWORD.toCharArray(),
            null,
            null);
    assertThat(engine.enable(Caller.system(), other)).isEqualTo(Thumbprints.of(w.selfSigned));
  }

  @Test
  void theAllowListAdmitsEndpointsThatAreNotDiscoveryUrls() {
    w.settings =
        new PushSettings(
            2,
            3,
            java.time.Duration.ofSeconds(10),
            java.time.Duration.ofMinutes(1),
            java.time.Duration.ofMinutes(2),
            java.time.Duration.ofSeconds(2),
            0.5,
            java.time.Duration.ofMinutes(10),
            java.time.Duration.ofSeconds(30),
            java.util.List.of("10.1.2.3:4840", "opc.tcp://gateway.example:48010/x"));
    PushEngine allowing = w.engine();
    UUID app = w.register();
    for (String endpoint :
        new String[] {"opc.tcp://10.1.2.3:4840/ua", "opc.tcp://gateway.example:48010"}) {
      PushEngine.EnableRequest r =
          new PushEngine.EnableRequest(
              app, endpoint, null, FakeTarget.USER, FakeTarget.PASSWORD.toCharArray(), null, null);
      assertThat(allowing.enable(Caller.system(), r)).isNotBlank();
    }
    PushEngine.EnableRequest no =
        new PushEngine.EnableRequest(
            app,
            "opc.tcp://10.1.2.3:4841",
            null,
            FakeTarget.USER,
            FakeTarget.PASSWORD.toCharArray(),
            null,
            null);
    assertThatThrownBy(() -> allowing.enable(Caller.system(), no))
        .hasMessageContaining("10.1.2.3:4841");
  }

  @Test
  void aDiscoveryUrlWithoutPortMeansTheOpcUaDefaultPort() {
    assertThat(EndpointRule.hostPort("opc.tcp://Host.Example")).contains("host.example:4840");
    assertThat(EndpointRule.hostPort("opc.tcp://[::1]:4855/ua")).contains("[::1]:4855");
    assertThat(EndpointRule.hostPort("http://host:80")).isEmpty();
    assertThat(EndpointRule.hostPort("opc.tcp://bad host")).isEmpty();
  }
}
