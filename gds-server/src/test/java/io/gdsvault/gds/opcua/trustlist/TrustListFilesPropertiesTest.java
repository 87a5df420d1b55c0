package io.gdsvault.gds.opcua.trustlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.ChannelSecurity;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.trust.TrustListLimit;
import io.gdsvault.testing.Fuzz;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The GDS's TrustList file handles stay bounded: 16 per caller, dropped after ten idle minutes, and
 * all snapshots together at most 16 times limits.maxTrustListBytes; and reading in any chunk sizes
 * gives back exactly the encoded list. Runs on the real GDS's groups with a fake clock.
 */
class TrustListFilesPropertiesTest extends GdsIntegrationTest {

  private static final String GROUP = "DefaultApplicationGroup";

  @Test
  void readingInRandomChunksReassemblesTheFile() {
    TrustListFiles files = files(Long.MAX_VALUE / 32, new AtomicLong());
    byte[] whole = files.encode(GROUP, TrustListFiles.ALL);
    Caller a = caller("a");
    Fuzz.forAll(
        "trust-list.chunks",
        60,
        Duration.ofSeconds(5),
        r -> r.nextLong(),
        seed -> {
          java.util.Random r = new java.util.Random(seed);
          long h = files.open(a, GROUP, TrustListFiles.ALL);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          for (byte[] chunk = files.read(a, GROUP, h, 1 + r.nextInt(700));
              chunk.length > 0;
              chunk = files.read(a, GROUP, h, 1 + r.nextInt(700))) {
            out.writeBytes(chunk);
          }
          files.close(a, GROUP, h);
          assertThat(out.toByteArray()).isEqualTo(whole);
        });
  }

  @Test
  void aCallerHoldsAtMostSixteenHandlesAndIdleOnesAreDroppedAfterTenMinutes() {
    AtomicLong now = new AtomicLong();
    TrustListFiles files = files(Long.MAX_VALUE / 32, now);
    Caller a = caller("a");
    List<Long> handles = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      handles.add(files.open(a, GROUP, TrustListFiles.ALL));
    }
    assertThatThrownBy(() -> files.open(a, GROUP, TrustListFiles.ALL))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_STATE));
    // another caller is not affected
    files.close(caller("b"), GROUP, files.open(caller("b"), GROUP, TrustListFiles.ALL));
    // one handle in use stays; the fifteen others are dropped once ten minutes pass
    now.addAndGet(TimeUnit.MINUTES.toNanos(6));
    files.position(a, GROUP, handles.get(0));
    now.addAndGet(TimeUnit.MINUTES.toNanos(5));
    long fresh = files.open(a, GROUP, TrustListFiles.ALL);
    assertThat(files.position(a, GROUP, handles.get(0))).isZero();
    assertThatThrownBy(() -> files.position(a, GROUP, handles.get(1)))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT));
    assertThat(files.openCount(GROUP)).isEqualTo(2);
    files.close(a, GROUP, fresh);
  }

  @Test
  void allOpenSnapshotsTogetherStayWithinSixteenTimesTheLimit() {
    AtomicLong now = new AtomicLong();
    long size = files(Long.MAX_VALUE / 32, now).encode(GROUP, TrustListFiles.ALL).length;
    TrustListFiles files = files(size, now);
    // sixteen full snapshots fill the budget exactly, from two callers
    List<Long> held = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Caller c = caller(i % 2 == 0 ? "a" : "b");
      held.add(files.open(c, GROUP, TrustListFiles.ALL));
    }
    Caller third = caller("c");
    assertThatThrownBy(() -> files.open(third, GROUP, TrustListFiles.ALL))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RESOURCE_UNAVAILABLE));
    files.close(caller("a"), GROUP, held.get(0));
    files.close(third, GROUP, files.open(third, GROUP, TrustListFiles.ALL));
  }

  @Test
  void handlesBelongToTheirSessionAndEndWithIt() {
    Set<String> privileged = Set.of("device-session");
    TrustListFiles files =
        new TrustListFiles(
            gds.app().server().server(),
            gds.app().certificates().groups(),
            new TrustListLimit(Long.MAX_VALUE / 32),
            new AtomicLong()::get,
            new TrustListFiles.Caps(12, 4, 0.5),
            privileged::contains);
    Caller s1 = anonymous("attacker", "s1");
    Caller s2 = anonymous("attacker", "s2");
    List<Long> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(files.open(s1, GROUP, TrustListFiles.ALL));
    }
    // four per session
    assertThatThrownBy(() -> files.open(s1, GROUP, TrustListFiles.ALL))
        .isInstanceOf(GdsException.class);
    // the same client in another session cannot use the first session's handle
    assertThatThrownBy(() -> files.read(s2, GROUP, held.get(0), 10))
        .isInstanceOfSatisfying(
            GdsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ARGUMENT));
    for (int i = 0; i < 2; i++) {
      files.open(s2, GROUP, TrustListFiles.ALL);
    }
    // unprivileged sessions together: half of twelve
    Caller s3 = anonymous("other", "s3");
    assertThatThrownBy(() -> files.open(s3, GROUP, TrustListFiles.ALL))
        .isInstanceOf(GdsException.class);
    // a privileged session still opens
    Caller device = anonymous("device", "device-session");
    files.close(device, GROUP, files.open(device, GROUP, TrustListFiles.ALL));
    // the first session ends: its handles are gone and others may open again
    files.sessionClosed("s1");
    assertThat(files.openCount(GROUP)).isEqualTo(2);
    assertThatThrownBy(() -> files.read(s1, GROUP, held.get(0), 10))
        .isInstanceOf(GdsException.class);
    files.close(s3, GROUP, files.open(s3, GROUP, TrustListFiles.ALL));
  }

  private static Caller anonymous(String thumbprint, String session) {
    return new Caller(
        null, Set.of(), thumbprint, "urn:" + thumbprint, ChannelSecurity.SIGN_AND_ENCRYPT, session);
  }

  private static TrustListFiles files(long maxBytes, AtomicLong now) {
    return new TrustListFiles(
        gds.app().server().server(),
        gds.app().certificates().groups(),
        new TrustListLimit(maxBytes),
        now::get);
  }

  private static Caller caller(String user) {
    return new Caller(
        user,
        Set.of(Role.DISCOVERY_ADMIN),
        "thumb-" + user,
        "urn:" + user,
        ChannelSecurity.SIGN_AND_ENCRYPT);
  }
}
