package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import io.gdsvault.testing.Fuzz;
import io.gdsvault.testing.Mutations;
import java.time.Duration;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;

/**
 * The GDS's TrustList file objects under hostile callers. A GDS group's trust list is its CAs and
 * CRLs, so every write path (Open for writing, Write, CloseAndUpdate, AddCertificate,
 * RemoveCertificate) answers Bad_NotWritable whatever the arguments; reads with foreign or made-up
 * handles and negative lengths are Bad_InvalidArgument; a trust list above limits.maxTrustListBytes
 * is not opened (Bad_ResourceUnavailable). The server keeps serving.
 */
class GdsTrustListFuzzIT extends PullSupport {

  private static final int TRUST_LIST = 616;
  private static final int OPEN = 622;
  private static final int CLOSE = 625;
  private static final int READ = 627;
  private static final int WRITE = 630;
  private static final int OPEN_WITH_MASKS = 638;
  private static final int CLOSE_AND_UPDATE = 641;
  private static final int ADD_CERTIFICATE = 644;
  private static final int REMOVE_CERTIFICATE = 646;

  @Test
  void everyWritePathIsRefusedWithBadNotWritable() throws Exception {
    Fuzz.forAll(
        "wire.gds-trust-list.writes",
        60,
        Duration.ofSeconds(20),
        r -> r.nextLong(),
        x -> {
          java.util.Random r = new java.util.Random(x);
          int mode = r.nextInt(256);
          CallMethodResult open = call(admin, OPEN, new Variant(ubyte(mode)));
          if (mode == 1) {
            assertThat(open.getStatusCode().isGood()).isTrue();
            assertThat(call(admin, CLOSE, open.getOutputArguments()[0]).getStatusCode().isGood())
                .isTrue();
          } else {
            assertThat(open.getStatusCode().getValue())
                .as("Open mode %d", mode)
                .isEqualTo(StatusCodes.Bad_NotWritable);
          }
          byte[] data = Mutations.random(r, r.nextInt(2048), -1);
          Variant handle = new Variant(uint(r.nextInt() & 0xFFFFFFFFL));
          assertThat(status(call(admin, WRITE, handle, new Variant(ByteString.of(data)))))
              .isEqualTo(StatusCodes.Bad_NotWritable);
          assertThat(status(call(admin, CLOSE_AND_UPDATE, handle)))
              .isEqualTo(StatusCodes.Bad_NotWritable);
          assertThat(
                  status(
                      call(
                          admin,
                          ADD_CERTIFICATE,
                          new Variant(ByteString.of(data)),
                          new Variant(r.nextBoolean()))))
              .isEqualTo(StatusCodes.Bad_NotWritable);
          assertThat(
                  status(
                      call(
                          admin,
                          REMOVE_CERTIFICATE,
                          new Variant(Long.toHexString(r.nextLong())),
                          new Variant(true))))
              .isEqualTo(StatusCodes.Bad_NotWritable);
        });
    // the list is unchanged and still readable by a new client
    OpcUaClient other = TestClients.secure(gds, APPROVER, PASSWORD);
    try {
      assertThat(readTrustListNode(other, TRUST_LIST, 15).getTrustedCertificates()).isNotEmpty();
    } finally {
      TestClients.disconnect(other);
    }
  }

  @Test
  void readsWithMadeUpHandlesOrNegativeLengthsAreInvalidArguments() throws Exception {
    CallMethodResult open = call(admin, OPEN_WITH_MASKS, new Variant(uint(15)));
    assertThat(open.getStatusCode().isGood()).isTrue();
    long mine =
        ((org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger)
                open.getOutputArguments()[0].value())
            .longValue();
    try {
      Fuzz.forAll(
          "wire.gds-trust-list.reads",
          60,
          Duration.ofSeconds(15),
          r ->
              new long[] {
                r.nextInt() & 0xFFFFFFFFL,
                r.nextInt(3) == 0 ? -1 - r.nextInt(1 << 20) : r.nextInt(1 << 20)
              },
          x -> {
            long handle = x[0] == mine ? mine + 1 : x[0];
            assertThat(
                    status(call(admin, READ, new Variant(uint(handle)), new Variant((int) x[1]))))
                .isEqualTo(StatusCodes.Bad_InvalidArgument);
            CallMethodResult own =
                call(admin, READ, new Variant(uint(mine)), new Variant((int) x[1]));
            if (x[1] < 0) {
              assertThat(status(own)).isEqualTo(StatusCodes.Bad_InvalidArgument);
            } else {
              assertThat(own.getStatusCode().isGood()).isTrue();
            }
          });
    } finally {
      call(admin, CLOSE, new Variant(uint(mine)));
    }
  }

  @Test
  void aTrustListAboveTheConfiguredLimitIsNotOpened() throws Exception {
    // limits.maxTrustListBytes: the CA certificate alone is larger than 1024 bytes
    try (GdsTestServer small =
        GdsTestServer.start(
            t ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("limits"))
                    .put("maxTrustListBytes", 1024))) {
      OpcUaClient c = TestClients.admin(small);
      try {
        NodeId tl = GdsNodeIds.resolve(GdsNodeIds.gds(TRUST_LIST), c.getNamespaceTable());
        NodeId open = GdsNodeIds.resolve(GdsNodeIds.gds(OPEN), c.getNamespaceTable());
        NodeId masks = GdsNodeIds.resolve(GdsNodeIds.gds(OPEN_WITH_MASKS), c.getNamespaceTable());
        CallMethodResult full =
            c.call(List.of(new CallMethodRequest(tl, open, new Variant[] {new Variant(ubyte(1))})))
                .getResults()[0];
        assertThat(full.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_ResourceUnavailable);
        // a selection under the limit (here: none of the four lists) is still served
        CallMethodResult none =
            c.call(List.of(new CallMethodRequest(tl, masks, new Variant[] {new Variant(uint(0))})))
                .getResults()[0];
        assertThat(none.getStatusCode().isGood())
            .as("OpenWithMasks(0): %s", none.getStatusCode())
            .isTrue();
      } finally {
        TestClients.disconnect(c);
      }
    }
    // this class's server, with the default limit, is unaffected
    assertThat(readTrustListNode(admin, TRUST_LIST, 15).getTrustedCertificates()).isNotEmpty();
  }

  private static CallMethodResult call(OpcUaClient c, int method, Variant... in) throws Exception {
    NodeId tl = GdsNodeIds.resolve(GdsNodeIds.gds(TRUST_LIST), c.getNamespaceTable());
    NodeId m = GdsNodeIds.resolve(GdsNodeIds.gds(method), c.getNamespaceTable());
    return c.call(List.of(new CallMethodRequest(tl, m, in))).getResults()[0];
  }
}
