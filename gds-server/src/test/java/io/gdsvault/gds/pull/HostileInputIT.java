package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.backup.BackupArchive;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over the wire and into the backup reader (issue 7): mutated and random CSRs,
 * hostile query filters and request ids, damaged and path-escaping archives. Every case gets a
 * Bad_ status (never Good, never Bad_InternalError) or a refusal, and the server keeps serving.
 * Seeded, so a failure repeats; bounded in the number of cases, not in time.
 */
class HostileInputIT extends PullSupport {

  private static final long SEED = 0x6d5_7a0171L;

  @Test
  void mutatedTruncatedAndRandomCsrsAreRefusedAndTheServerKeepsServing() throws Exception {
    Device d = device("hostile-csr");
    OpcUaClient c = connect(d.identity(), REQUESTER);
    try {
      byte[] valid = csr(rsa(), d.uri());
      Random r = new Random(SEED);
      List<byte[]> cases = new ArrayList<>();
      cases.add(new byte[0]);
      cases.add(new byte[70 * 1024]);
      cases.add(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
      for (int i = 0; i < 40; i++) {
        cases.add(Arrays.copyOf(valid, r.nextInt(valid.length)));
      }
      for (int i = 0; i < 60; i++) {
        byte[] m = valid.clone();
        for (int k = 1 + r.nextInt(8); k > 0; k--) {
          m[r.nextInt(m.length)] ^= (byte) (1 + r.nextInt(255));
        }
        cases.add(m);
      }
      for (int i = 0; i < 40; i++) {
        byte[] g = new byte[r.nextInt(4096)];
        r.nextBytes(g);
        if (g.length > 0) {
          g[0] = 0x30;
        }
        cases.add(g);
      }
      for (byte[] bad : cases) {
        long s = status(startSigning(c, d.applicationId(), bad));
        assertThat(s).as("CSR of %d bytes", bad.length).isNotEqualTo(0L).isNotEqualTo(StatusCodes.Bad_InternalError);
      }
      // still serving, and nothing half-written: no request was filed
      assertThat(gds.app().certificates().service().openRequests())
          .noneMatch(x -> x.applicationUri().equals(d.uri()));
      requestId(startSigning(c, d.applicationId(), valid));
    } finally {
      TestClients.disconnect(c);
    }
  }

  @Test
  void hostileQueryFiltersAndRequestIdsGetAnAnswerNotAnInternalError() throws Exception {
    OpcUaClient c = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      Random r = new Random(SEED + 1);
      String alphabet = "%_!\\'\"*?[]^$.()|{}\u0000\u00e9\u4e2d\ud83d\ude00 -:;/=";
      for (int i = 0; i < 150; i++) {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(i % 10 == 0 ? 1000 : 40); k > 0; k--) {
          b.append(r.nextBoolean() ? alphabet.charAt(r.nextInt(alphabet.length())) : (char) (32 + r.nextInt(95)));
        }
        String s = b.toString();
        CallMethodResult q = callDirectory(c, GdsNodeIds.QueryApplications, new Variant(uint(r.nextInt(3))),
            new Variant(uint(r.nextInt(20))), new Variant(s), new Variant(s), new Variant(uint(r.nextInt(8))),
            new Variant(s), new Variant(new String[] {s}));
        assertThat(q.getStatusCode().getValue()).as("QueryApplications %s", s)
            .satisfiesAnyOf(v -> assertThat(v).isZero(), v -> assertThat(v).isEqualTo(StatusCodes.Bad_InvalidArgument));
        CallMethodResult g = callVendor(c, "GdsVault.CertificateRequests", "GdsVault.CertificateRequests.GetRequest",
            new Variant(s));
        assertThat(g.getStatusCode().getValue()).as("GetRequest %s", s)
            .isIn(StatusCodes.Bad_InvalidArgument, StatusCodes.Bad_NotFound);
      }
      assertThat(callDirectory(c, GdsNodeIds.FindApplications, new Variant("urn:none")).getStatusCode().isGood()).isTrue();
    } finally {
      TestClients.disconnect(c);
    }
  }

  @Test
  void damagedOrPathEscapingArchivesAreRefusedAndLeaveNoDataDirectory() throws Exception {
    Path dir = Files.createTempDirectory("gds-hostile-archive-");
    try {
      Random r = new Random(SEED + 2);
      List<byte[]> archives = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        byte[] g = new byte[r.nextInt(2048)];
        r.nextBytes(g);
        archives.add(g);
      }
      archives.add(zip("../escape.txt", "x"));
      archives.add(zip("/etc/passwd", "x"));
      archives.add(zip("db/gds.mv.db", "not in the manifest"));
      archives.add(zip("MANIFEST", "gds-vault-backup 1\n" + "0".repeat(64) + "  db/gds.mv.db\n"));
      archives.add(zip("notes/readme.txt", "unexpected"));
      int n = 0;
      for (byte[] a : archives) {
        Path f = dir.resolve("a" + n + ".zip");
        Files.write(f, a);
        Path target = dir.resolve("data" + n++);
        assertThatThrownBy(() -> BackupArchive.restore(f, target)).isInstanceOf(IOException.class);
        assertThat(target).doesNotExist();
      }
      try (var s = Files.list(dir)) {
        assertThat(s.map(p -> p.getFileName().toString())).noneMatch(x -> x.startsWith(".restore-"));
      }
    } finally {
      io.gdsvault.gds.testing.GdsTestServer.deleteTree(dir);
    }
  }

  private static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return out.toByteArray();
  }
}
