package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.backup.BackupArchive;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Fuzz;
import io.gdsvault.testing.Mutations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over the wire and into the backup reader: mutated and random CSRs, hostile query
 * filters, request ids and key-pair passwords, damaged and path-escaping archives. Every case gets
 * a Bad_ status (never Bad_InternalError) or a refusal, and the server keeps serving another
 * client. The random cases are {@link Fuzz} properties: fixed seeds, bounded in tries and time,
 * seeds printed on failure; the named cases are examples.
 */
class HostileInputIT extends PullSupport {

  private static final String ALPHABET = "%_!\\'\"*?[]^$.()|{}\u0000\u00e9\u4e2d\ud83d\ude00 -:;/=";

  @Test
  void mutatedTruncatedAndRandomCsrsAreRefusedAndTheServerKeepsServing() throws Exception {
    Device d = device("hostile-csr");
    OpcUaClient c = connect(d.identity(), REQUESTER);
    try {
      byte[] valid = csr(rsa(), d.uri());
      // examples: empty, just over the 64 KiB cap, a SEQUENCE claiming 2 GB, deep nesting
      for (byte[] bad :
          List.of(
              new byte[0],
              new byte[70 * 1024],
              new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
              Mutations.deepDer(5000))) {
        assertRefused(c, d, bad);
      }
      Fuzz.forAll(
          "wire.csr",
          120,
          Duration.ofSeconds(25),
          r ->
              r.nextInt(6) == 0
                  ? Mutations.random(r, r.nextInt(4096), 0x30)
                  : Mutations.any(valid, r),
          bad -> assertRefused(c, d, bad));
      // nothing half-written: no request was filed; and the same session still files a valid one
      assertThat(gds.app().certificates().service().openRequests())
          .noneMatch(x -> x.applicationUri().equals(d.uri()));
      requestId(startSigning(c, d.applicationId(), valid));
    } finally {
      TestClients.disconnect(c);
    }
  }

  @Test
  void mutatedCertificatesForRevocationChecksAndRevokeGetAnAnswerNotAnInternalError()
      throws Exception {
    // CheckRevocationStatus and RevokeCertificate parse X.509 from the caller
    Device d = device("hostile-certificate");
    byte[] valid = d.identity().certificate().getEncoded();
    Fuzz.forAll(
        "wire.certificates",
        80,
        Duration.ofSeconds(20),
        r -> Mutations.any(valid, r),
        cert -> {
          CallMethodResult check =
              callDirectory(
                  admin, GdsNodeIds.CheckRevocationStatus, new Variant(ByteString.of(cert)));
          assertThat(check.getStatusCode().getValue())
              .as("CheckRevocationStatus")
              .satisfiesAnyOf(
                  v -> assertThat(v).isZero(),
                  v -> assertThat(v).isEqualTo(StatusCodes.Bad_InvalidArgument));
          assertThat(
                  status(
                      callDirectory(
                          admin,
                          GdsNodeIds.RevokeCertificate,
                          new Variant(d.applicationId()),
                          new Variant(ByteString.of(cert)))))
              .as("RevokeCertificate")
              .isEqualTo(StatusCodes.Bad_InvalidArgument);
        });
    assertStillServing();
  }

  @Test
  void wrongTypedMissingAndExtraArgumentsGetABadStatusNotAnInternalError() throws Exception {
    // every Directory method with random argument lists: wrong types, nulls, arrays for scalars,
    // ExtensionObjects of garbage, too few and too many arguments
    List<org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId> methods =
        List.of(
            GdsNodeIds.RegisterApplication,
            GdsNodeIds.UpdateApplication,
            GdsNodeIds.UnregisterApplication,
            GdsNodeIds.FindApplications,
            GdsNodeIds.GetApplication,
            GdsNodeIds.QueryApplications,
            GdsNodeIds.QueryServers,
            GdsNodeIds.StartSigningRequest,
            GdsNodeIds.StartNewKeyPairRequest,
            GdsNodeIds.FinishRequest,
            GdsNodeIds.GetCertificateGroups,
            GdsNodeIds.GetTrustList,
            GdsNodeIds.GetCertificateStatus,
            GdsNodeIds.RevokeCertificate,
            GdsNodeIds.CheckRevocationStatus,
            GdsNodeIds.GetCertificates);
    // their declared input counts: most tries get the right count, so the types and values are
    // reached
    int[] counts = {1, 1, 1, 1, 1, 7, 6, 4, 7, 2, 1, 2, 3, 2, 1, 2};
    NodeId recordEncoding =
        GdsNodeIds.resolve(
            GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary, admin.getNamespaceTable());
    Fuzz.forAll(
        "wire.argument-types",
        300,
        Duration.ofSeconds(25),
        r -> {
          int m = r.nextInt(methods.size());
          Variant[] in = new Variant[r.nextInt(5) == 0 ? r.nextInt(9) : counts[m]];
          for (int i = 0; i < in.length; i++) {
            in[i] =
                switch (r.nextInt(9)) {
                  case 0 -> Variant.NULL_VALUE;
                  case 1 -> new Variant(hostileText(r));
                  case 2 -> new Variant(uint(r.nextInt() & 0xFFFFFFFFL));
                  case 3 ->
                      new Variant(
                          new NodeId(r.nextInt(4), new java.util.UUID(r.nextLong(), r.nextLong())));
                  case 4 -> new Variant(ByteString.of(Mutations.random(r, r.nextInt(300), -1)));
                  case 5 ->
                      new Variant(
                          ExtensionObject.of(
                              ByteString.of(Mutations.random(r, r.nextInt(300), -1)),
                              recordEncoding));
                  case 6 -> new Variant(new String[] {hostileText(r), hostileText(r)});
                  case 7 -> new Variant(r.nextBoolean());
                  default -> new Variant(r.nextInt());
                };
          }
          return new Object[] {methods.get(m), in};
        },
        x -> {
          var method = (org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId) x[0];
          long s = status(callDirectory(admin, method, (Variant[]) x[1]));
          assertThat(s)
              .as("%s", method)
              .isNotEqualTo(StatusCodes.Bad_InternalError)
              .isNotEqualTo(StatusCodes.Bad_UnexpectedError);
        });
    assertStillServing();
  }

  @Test
  void hostileQueryFiltersAndRequestIdsGetAnAnswerNotAnInternalError() throws Exception {
    OpcUaClient c = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      Fuzz.forAll(
          "wire.query-filters",
          150,
          Duration.ofSeconds(25),
          HostileInputIT::hostileText,
          s -> {
            CallMethodResult q =
                callDirectory(
                    c,
                    GdsNodeIds.QueryApplications,
                    new Variant(uint(s.length() % 3)),
                    new Variant(uint(s.length() % 20)),
                    new Variant(s),
                    new Variant(s),
                    new Variant(uint(s.length() % 8)),
                    new Variant(s),
                    new Variant(new String[] {s}));
            assertThat(q.getStatusCode().getValue())
                .as("QueryApplications")
                .satisfiesAnyOf(
                    v -> assertThat(v).isZero(),
                    v ->
                        assertThat(v)
                            .isIn(
                                StatusCodes.Bad_InvalidArgument,
                                StatusCodes.Bad_EncodingLimitsExceeded));
            CallMethodResult qs =
                callDirectory(
                    c,
                    GdsNodeIds.QueryServers,
                    new Variant(uint(0)),
                    new Variant(uint(5)),
                    new Variant(s),
                    new Variant(s),
                    new Variant(s),
                    new Variant(new String[] {s, s}));
            assertThat(qs.getStatusCode().getValue())
                .as("QueryServers")
                .satisfiesAnyOf(
                    v -> assertThat(v).isZero(),
                    v ->
                        assertThat(v)
                            .isIn(
                                StatusCodes.Bad_InvalidArgument,
                                StatusCodes.Bad_EncodingLimitsExceeded));
            CallMethodResult f = callDirectory(c, GdsNodeIds.FindApplications, new Variant(s));
            assertThat(f.getStatusCode().getValue())
                .as("FindApplications")
                .satisfiesAnyOf(
                    v -> assertThat(v).isZero(),
                    v ->
                        assertThat(v)
                            .isIn(
                                StatusCodes.Bad_InvalidArgument,
                                StatusCodes.Bad_EncodingLimitsExceeded));
            CallMethodResult g =
                callVendor(
                    c,
                    "GdsVault.CertificateRequests",
                    "GdsVault.CertificateRequests.GetRequest",
                    new Variant(s));
            assertThat(g.getStatusCode().getValue())
                .as("GetRequest")
                .isIn(
                    StatusCodes.Bad_InvalidArgument,
                    StatusCodes.Bad_NotFound,
                    StatusCodes.Bad_EncodingLimitsExceeded);
          });
    } finally {
      TestClients.disconnect(c);
    }
    assertStillServing();
  }

  @Test
  void stringsAndArraysBeyondTheConfiguredLimitsAreBadEncodingLimitsExceeded() throws Exception {
    // limits.maxStringLength (UTF-8 bytes) and maxArrayLength, default 65535 each
    OpcUaClient c = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      String justFits = "a".repeat(65_535);
      String tooLong = "a".repeat(65_536);
      String tooLongInUtf8 = "\u00e9".repeat(40_000); // 40000 chars, 80000 bytes
      assertThat(status(callDirectory(c, GdsNodeIds.FindApplications, new Variant(justFits))))
          .isEqualTo(
              StatusCodes.Bad_InvalidArgument); // reaches the Directory, which caps a URI at 2048
      assertThat(status(callDirectory(c, GdsNodeIds.FindApplications, new Variant(tooLong))))
          .isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
      assertThat(status(callDirectory(c, GdsNodeIds.FindApplications, new Variant(tooLongInUtf8))))
          .isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
      CallMethodResult manyCaps =
          callDirectory(
              c,
              GdsNodeIds.QueryServers,
              new Variant(uint(0)),
              new Variant(uint(5)),
              new Variant(""),
              new Variant(""),
              new Variant(""),
              new Variant(new String[65_536]));
      assertThat(status(manyCaps)).isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
      assertThat(manyCaps.getInputArgumentResults()[5].getValue())
          .isEqualTo(StatusCodes.Bad_EncodingLimitsExceeded);
    } finally {
      TestClients.disconnect(c);
    }
    assertStillServing();
  }

  @Test
  void hostileKeyPairPasswordsAndFormatsGetAnAnswerNotAnInternalError() throws Exception {
    // StartNewKeyPairRequest: the PrivateKeyPassword protects the PFX/PEM the GDS makes
    Device d = device("hostile-password");
    OpcUaClient c = connect(d.identity(), REQUESTER);
    try {
      Fuzz.forAll(
          "wire.new-key-pair",
          24,
          Duration.ofSeconds(20),
          r ->
              new String[] {
                switch (r.nextInt(4)) {
                  case 0 -> "PFX";
                  case 1 -> "PEM";
                  case 2 -> "pfx";
                  default -> hostileText(r);
                },
                r.nextInt(8) == 0 ? "p".repeat(70_000) : hostileText(r)
              },
          x ->
              assertThat(status(startNewKeyPair(c, d.applicationId(), x[0], x[1])))
                  .as("format %s", Fuzz.describe(x[0]))
                  .satisfiesAnyOf(
                      v -> assertThat(v).isZero(),
                      v ->
                          assertThat(v)
                              .isIn(
                                  StatusCodes.Bad_InvalidArgument,
                                  StatusCodes.Bad_NotSupported,
                                  StatusCodes.Bad_TooManyOperations,
                                  StatusCodes.Bad_EncodingLimitsExceeded)));
    } finally {
      TestClients.disconnect(c);
    }
    assertStillServing();
  }

  @Test
  void damagedOrPathEscapingArchivesAreRefusedAndLeaveNoDataDirectory() throws Exception {
    Path dir = Files.createTempDirectory("gds-hostile-archive-");
    try {
      int[] n = {0};
      Fuzz.Check<byte[]> refused =
          a -> {
            Path f = dir.resolve("a" + n[0] + ".zip");
            Files.write(f, a);
            Path target = dir.resolve("data" + n[0]++);
            assertThatThrownBy(() -> BackupArchive.restore(f, target))
                .isInstanceOf(IOException.class);
            assertThat(target).doesNotExist();
          };
      // examples: path escapes, files outside the manifest, a manifest naming a missing file, and
      // the
      // input the backup-archive property found: an entry name that is not UTF-8
      // (".\xC6/escape.txt")
      // made restore throw IllegalArgumentException instead of refusing the archive
      byte[] notUtf8 = zip("../escape.txt", "x");
      notUtf8[31] = (byte) 0xC6;
      for (byte[] a :
          List.of(
              notUtf8,
              zip("../escape.txt", "x"),
              zip("/etc/passwd", "x"),
              zip("db/gds.mv.db", "not in the manifest"),
              zip("MANIFEST", "gds-vault-backup 1\n" + "0".repeat(64) + "  db/gds.mv.db\n"),
              zip("notes/readme.txt", "unexpected"))) {
        refused.check(a);
      }
      byte[] escape = zip("../escape.txt", "x");
      Fuzz.forAll(
          "backup-archive",
          60,
          Duration.ofSeconds(10),
          r ->
              r.nextBoolean()
                  ? Mutations.random(r, r.nextInt(2048), r.nextBoolean() ? 'P' : -1)
                  : Mutations.any(escape, r),
          refused);
      try (var s = Files.list(dir)) {
        assertThat(s.map(p -> p.getFileName().toString()))
            .noneMatch(x -> x.startsWith(".restore-"));
      }
    } finally {
      io.gdsvault.gds.testing.GdsTestServer.deleteTree(dir);
    }
  }

  private static void assertRefused(OpcUaClient c, Device d, byte[] bad) throws Exception {
    long s = status(startSigning(c, d.applicationId(), bad));
    assertThat(s)
        .as("CSR of %d bytes", bad.length)
        .isNotEqualTo(0L)
        .isNotEqualTo(StatusCodes.Bad_InternalError);
  }

  /** A new client still gets answers: the server survived what came before. */
  private static void assertStillServing() throws Exception {
    OpcUaClient other = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      assertThat(
              callDirectory(other, GdsNodeIds.FindApplications, new Variant("urn:none"))
                  .getStatusCode()
                  .isGood())
          .isTrue();
    } finally {
      TestClients.disconnect(other);
    }
  }

  /**
   * Wildcards, SQL and regex metacharacters, NUL, non-BMP characters; sometimes long, now and then
   * huge.
   */
  private static String hostileText(Random r) {
    int length =
        switch (r.nextInt(10)) {
          case 0 -> r.nextInt(3000);
          case 1 -> 65_000 + r.nextInt(2000);
          default -> r.nextInt(40);
        };
    StringBuilder b = new StringBuilder();
    for (int k = length; k > 0; k--) {
      b.append(
          r.nextBoolean()
              ? ALPHABET.charAt(r.nextInt(ALPHABET.length()))
              : (char) (32 + r.nextInt(95)));
    }
    if (r.nextInt(8) == 0) {
      b.append("' OR '1'='1'; DROP TABLE applications; --");
    }
    return b.toString();
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
