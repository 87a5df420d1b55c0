package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.audit.AuditRecord;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.persistence.DiskSpaceGuard;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Storage stays bounded under abuse: refused anonymous calls are summarised in the audit trail
 * instead of one chained row each, the data directory is private, and a disk-space watermark
 * refuses changes (reads go on) before the disk is full.
 */
class BoundedStorageIT extends GdsIntegrationTest {

  private static final int REFUSED_CALLS = 10_000;
  private static final int BATCH = 100;
  private static final Pattern COUNT = Pattern.compile("refused (\\d+) calls?");

  private static long h2FileSize() throws Exception {
    return Files.size(gds.dataDir().resolve("db").resolve("gds.mv.db"));
  }

  private static List<AuditRecord> refusalRows() {
    return gds.app().auditTrail().list(Caller.system(), null, 10_000).stream()
        .filter(a -> a.action().equals("method.FindApplications"))
        .filter(a -> a.outcome().equals("Bad_SecurityModeInsufficient"))
        .toList();
  }

  @Test
  void tenThousandRefusedAnonymousCallsGrowTheDatabaseByLessThanOneMebibyte() throws Exception {
    OpcUaClient none = TestClients.insecure(gds);
    try {
      NodeId directory = GdsNodeIds.resolve(GdsNodeIds.Directory, none.getNamespaceTable());
      NodeId find = GdsNodeIds.resolve(GdsNodeIds.FindApplications, none.getNamespaceTable());
      gds.app().refusals().flush();
      int rowsBefore = refusalRows().size();
      long before = h2FileSize();
      int refused = 0;
      for (int i = 0; i < REFUSED_CALLS / BATCH; i++) {
        List<CallMethodRequest> batch = new ArrayList<>();
        for (int j = 0; j < BATCH; j++) {
          batch.add(new CallMethodRequest(directory, find, new Variant[] {new Variant("urn:x")}));
        }
        for (CallMethodResult r : none.call(batch).getResults()) {
          assertThat(r.getStatusCode().getValue())
              .isEqualTo(StatusCodes.Bad_SecurityModeInsufficient);
          refused++;
        }
      }
      assertThat(refused).isEqualTo(REFUSED_CALLS);
      gds.app().refusals().flush();
      long growth = h2FileSize() - before;
      assertThat(growth).as("H2 file growth in bytes").isLessThan(1024 * 1024);

      // every refusal is accounted for, in a handful of rows, and the chain is intact
      List<AuditRecord> rows = refusalRows().subList(rowsBefore, refusalRows().size());
      assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(5);
      long counted = 0;
      for (AuditRecord r : rows) {
        Matcher m = COUNT.matcher(r.detail());
        assertThat(m.find()).as(r.detail()).isTrue();
        counted += Long.parseLong(m.group(1));
      }
      assertThat(counted).isEqualTo(REFUSED_CALLS);
      assertThat(gds.app().auditTrail().verify().intact()).isTrue();
    } finally {
      TestClients.disconnect(none);
    }
  }

  @Test
  void theDataDirectoryIsPrivate() throws Exception {
    Path root = gds.dataDir();
    assertThat(Files.exists(root.resolve("db").resolve("gds.mv.db"))).isTrue();
    List<String> wrong = new ArrayList<>();
    try (var paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
        if (!mode.equals(expected)) {
          wrong.add(root.relativize(p) + " " + mode);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void belowTheDiskWatermarkChangesAreRefusedAndReadsGoOn() throws Exception {
    var tx = gds.app().database().transactions();
    long free = Files.getFileStore(gds.dataDir()).getUsableSpace();
    try {
      // a watermark above the free space: the disk counts as nearly full
      tx.setWriteGuard(DiskSpaceGuard.of(gds.dataDir(), free + 1024L * 1024 * 1024));
      CallMethodResult register =
          callDirectory(
              admin,
              GdsNodeIds.RegisterApplication,
              new Variant(encode(admin, server("watermark"))));
      assertThat(register.getStatusCode().getValue())
          .isEqualTo(StatusCodes.Bad_ResourceUnavailable);
      CallMethodResult find =
          callDirectory(admin, GdsNodeIds.FindApplications, new Variant("urn:nothing:here"));
      assertThat(find.getStatusCode().isGood()).as("%s", find.getStatusCode()).isTrue();

      // a tiny watermark: writes go through again
      tx.setWriteGuard(DiskSpaceGuard.of(gds.dataDir(), 1024L * 1024));
      CallMethodResult again =
          callDirectory(
              admin,
              GdsNodeIds.RegisterApplication,
              new Variant(encode(admin, server("watermark"))));
      assertThat(again.getStatusCode().isGood()).as("%s", again.getStatusCode()).isTrue();
    } finally {
      tx.setWriteGuard(() -> {});
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(
      value = 60,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aBacktrackingQueryOverALongUriAnswersAtOnce() throws Exception {
    // one record with a 2,000-character URI (within the documented limits), registered by admin
    String prefix = "urn:bt:" + java.util.UUID.randomUUID() + ":";
    var record = server("backtrack");
    String longUri = prefix + "a".repeat(2000 - prefix.length());
    register(
        new io.gdsvault.gds.model.ApplicationRecord(
            null,
            longUri,
            record.applicationType(),
            record.applicationNames(),
            record.productUri(),
            record.discoveryUrls(),
            record.serverCapabilities()));
    OpcUaClient anonymous = TestClients.secure(gds, null, null);
    try {
      for (String pattern :
          List.of(prefix + "%a%a%b", prefix + "%a%a%a%a%a%a%b", prefix + "%a%a%a%a%a%a%")) {
        CallMethodResult r =
            callDirectory(
                anonymous,
                GdsNodeIds.QueryApplications,
                u32(0),
                u32(10),
                new Variant(""),
                new Variant(pattern),
                u32(0),
                new Variant(""),
                new Variant(new String[0]));
        assertThat(r.getStatusCode().isGood()).as("%s: %s", pattern, r.getStatusCode()).isTrue();
        Object apps = r.getOutputArguments()[2].value();
        int found = apps == null ? 0 : ((Object[]) apps).length;
        assertThat(found).as(pattern).isEqualTo(pattern.endsWith("%") ? 1 : 0);
      }
    } finally {
      TestClients.disconnect(anonymous);
    }
  }
}
