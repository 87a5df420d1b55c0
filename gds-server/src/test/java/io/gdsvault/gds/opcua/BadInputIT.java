package io.gdsvault.gds.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsIntegrationTest;
import io.gdsvault.gds.testing.TestClients;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input gets a Bad_ status, never a crash or hang, and the server keeps serving: after
 * every bad call a good one succeeds.
 */
class BadInputIT extends GdsIntegrationTest {

  private OpcUaClient extra;

  @AfterEach
  void closeExtra() {
    TestClients.disconnect(extra);
  }

  @Test
  void aMalformedExtensionObjectIsADecodingError() throws Exception {
    NodeId encoding =
        GdsNodeIds.resolve(
            GdsNodeIds.ApplicationRecordDataType_Encoding_DefaultBinary, admin.getNamespaceTable());
    Random random = new Random(7);
    for (int len : new int[] {0, 1, 5, 40, 400}) {
      byte[] junk = new byte[len];
      random.nextBytes(junk);
      long status =
          statusOf(
              admin,
              GdsNodeIds.RegisterApplication,
              new Variant(ExtensionObject.of(ByteString.of(junk), encoding)));
      assertThat(StatusCode.of(status).isBad()).isTrue();
      assertThat(status).isIn(StatusCodes.Bad_DecodingError, StatusCodes.Bad_InvalidArgument);
      assertStillServing();
    }
  }

  @Test
  void anExtensionObjectOfAnotherTypeIsRefused() throws Exception {
    ExtensionObject other =
        ExtensionObject.of(ByteString.of(new byte[] {1, 2, 3}), new NodeId(0, 999_999));
    long status = statusOf(admin, GdsNodeIds.RegisterApplication, new Variant(other));
    assertThat(StatusCode.of(status).isBad()).isTrue();
    assertStillServing();
  }

  @Test
  void wrongArgumentTypesAndCountsAreRefused() throws Exception {
    // a String where the record belongs
    assertThat(statusOf(admin, GdsNodeIds.RegisterApplication, new Variant("not a record")))
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    // an Int32 where a UInt32 belongs, and a scalar where an array belongs
    assertThat(
            statusOf(
                admin,
                GdsNodeIds.QueryApplications,
                new Variant(5),
                u32(0),
                new Variant(""),
                new Variant(""),
                u32(0),
                new Variant(""),
                new Variant(new String[0])))
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(
            statusOf(
                admin,
                GdsNodeIds.QueryApplications,
                u32(0),
                u32(0),
                new Variant(""),
                new Variant(""),
                u32(0),
                new Variant(""),
                new Variant("DA")))
        .isEqualTo(StatusCodes.Bad_InvalidArgument);
    assertThat(statusOf(admin, GdsNodeIds.GetApplication))
        .isEqualTo(StatusCodes.Bad_ArgumentsMissing);
    assertThat(
            statusOf(
                admin, GdsNodeIds.GetApplication, new Variant(NodeId.NULL_VALUE), new Variant(1)))
        .isEqualTo(StatusCodes.Bad_TooManyArguments);
    assertStillServing();
  }

  @Test
  void aOneMegabyteStringIsRefused() throws Exception {
    char[] big = new char[1024 * 1024];
    Arrays.fill(big, 'a');
    String huge = "urn:" + new String(big);
    long status = statusOrServiceFault(GdsNodeIds.FindApplications, new Variant(huge));
    assertThat(StatusCode.of(status).isBad()).isTrue();
    assertStillServing();
  }

  @Test
  void hugeArraysAreRefused() throws Exception {
    // within the transport limit: refused by validation
    String[] many = new String[10_000];
    Arrays.fill(many, "DA");
    long status =
        statusOrServiceFault(
            GdsNodeIds.QueryApplications,
            u32(0),
            u32(0),
            new Variant(""),
            new Variant(""),
            u32(0),
            new Variant(""),
            new Variant(many));
    assertThat(status).isEqualTo(StatusCodes.Bad_InvalidArgument);
    // beyond the transport limit (65535 elements): refused before it reaches a handler
    String[] tooMany = new String[200_000];
    Arrays.fill(tooMany, "x");
    status =
        statusOrServiceFault(
            GdsNodeIds.QueryApplications,
            u32(0),
            u32(0),
            new Variant(""),
            new Variant(""),
            u32(0),
            new Variant(""),
            new Variant(tooMany));
    assertThat(StatusCode.of(status).isBad()).isTrue();
    assertStillServing();
  }

  // ---- helpers

  private static long statusOf(
      OpcUaClient c,
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId method,
      Variant... in)
      throws Exception {
    return callDirectory(c, method, in).getStatusCode().value();
  }

  /** The method status, or the service fault status when the whole request is refused. */
  private long statusOrServiceFault(
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId method, Variant... in)
      throws Exception {
    extra = TestClients.admin(gds);
    try {
      return callDirectory(extra, method, in).getStatusCode().value();
    } catch (UaException e) {
      return e.getStatusCode().value();
    }
  }

  /** A fresh client completes a good call: the server is still serving. */
  private static void assertStillServing() throws Exception {
    OpcUaClient c = TestClients.admin(gds);
    try {
      String uri = "urn:it:alive:" + UUID.randomUUID();
      CallMethodResult res = callDirectory(c, GdsNodeIds.FindApplications, new Variant(uri));
      assertThat(res.getStatusCode().isGood()).isTrue();
      assertThat(
              callDirectory(admin, GdsNodeIds.FindApplications, new Variant(uri))
                  .getStatusCode()
                  .isGood())
          .isTrue();
    } finally {
      TestClients.disconnect(c);
    }
  }
}
