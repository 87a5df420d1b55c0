package io.gdsvault.bench.client;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.LocalizedName;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.model.ua.GdsDataTypes;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.model.x509.Certificates;
import io.gdsvault.gds.model.x509.InvalidCertificateException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.jspecify.annotations.Nullable;

/** The GDS Directory calls the flows are made of, each checked. */
public final class GdsCalls {

  private static final long POLL_MILLIS = 10;
  private static final long POLL_LIMIT_MILLIS = 120_000;

  private GdsCalls() {}

  /** StartSigningRequest with the device's CSR for the default group and type. */
  public static NodeId startSigningRequest(OpcUaClient c, NodeId app, Device d) throws Exception {
    return output(
        call(
            c,
            GdsNodeIds.StartSigningRequest,
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE),
            new Variant(ByteString.of(d.csr()))),
        "StartSigningRequest",
        NodeId.class);
  }

  /** StartNewKeyPairRequest, default group and type, default subject, no domain names. */
  public static NodeId startNewKeyPairRequest(
      OpcUaClient c, NodeId app, String format, String keyPassword) throws Exception {
    return output(
        call(
            c,
            GdsNodeIds.StartNewKeyPairRequest,
            new Variant(app),
            new Variant(NodeId.NULL_VALUE),
            new Variant(NodeId.NULL_VALUE),
            new Variant(""),
            new Variant(new String[0]),
            new Variant(format),
            new Variant(keyPassword)),
        "StartNewKeyPairRequest",
        NodeId.class);
  }

  /** FinishRequest of a new-key-pair request, checking that a private key came with it. */
  public static void finishNewKeyPair(OpcUaClient c, NodeId app, NodeId request) throws Exception {
    CallMethodResult done = finish(c, app, request);
    Object key = done.getOutputArguments()[1].value();
    if (!(key instanceof ByteString b) || b.length() < 100) {
      throw new FlowException("FinishRequest delivered no private key");
    }
    chain(done);
  }

  /** FinishRequest of a signing request; the device keeps the issued chain. */
  public static void finishSigning(OpcUaClient c, NodeId app, NodeId request, Device d)
      throws Exception {
    d.issued(chain(finish(c, app, request)));
  }

  public static NodeId register(OpcUaClient c, Device d) throws Exception {
    GdsDataTypes.register(c.getStaticDataTypeManager(), c.getNamespaceTable());
    int ns = c.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue();
    ApplicationRecord record =
        new ApplicationRecord(
            null,
            d.applicationUri(),
            ApplicationType.CLIENT,
            List.of(new LocalizedName("en", "bench device")),
            "urn:gdsvault:bench",
            List.of(),
            List.of());
    NodeId app =
        output(
            call(
                c,
                GdsNodeIds.RegisterApplication,
                new Variant(
                    ExtensionObject.encode(
                        c.getStaticEncodingContext(), ApplicationRecordMapper.toUa(record, ns)))),
            "RegisterApplication",
            NodeId.class);
    d.registered(app);
    return app;
  }

  /** FinishRequest until delivered: Bad_NothingToDo means not ready yet. */
  public static CallMethodResult finish(OpcUaClient c, NodeId app, NodeId request)
      throws Exception {
    long deadline = System.nanoTime() + POLL_LIMIT_MILLIS * 1_000_000;
    while (true) {
      CallMethodResult r =
          call(c, GdsNodeIds.FinishRequest, new Variant(app), new Variant(request));
      if (r.getStatusCode().isGood()) {
        return r;
      }
      if (r.getStatusCode().getValue() != StatusCodes.Bad_NothingToDo
          || System.nanoTime() > deadline) {
        throw new FlowException("FinishRequest: " + r.getStatusCode());
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  public static X509Certificate[] chain(CallMethodResult finished)
      throws FlowException, CertificateException {
    Variant[] out = finished.getOutputArguments();
    if (out == null || out.length < 3 || !(out[0].value() instanceof ByteString cert)) {
      throw new FlowException("FinishRequest returned no certificate");
    }
    List<X509Certificate> chain = new ArrayList<>();
    try {
      chain.add(Certificates.parse(cert.bytesOrEmpty()));
      if (out[2].value() instanceof ByteString[] issuers) {
        for (ByteString i : issuers) {
          chain.add(Certificates.parse(i.bytesOrEmpty()));
        }
      }
    } catch (InvalidCertificateException e) {
      throw new CertificateException("FinishRequest returned a certificate that does not parse", e);
    }
    return chain.toArray(X509Certificate[]::new);
  }

  public static CallMethodResult call(OpcUaClient c, ExpandedNodeId method, Variant... in)
      throws UaException {
    NodeId directory = GdsNodeIds.resolve(GdsNodeIds.Directory, c.getNamespaceTable());
    return c.call(
            List.of(
                new CallMethodRequest(
                    directory, GdsNodeIds.resolve(method, c.getNamespaceTable()), in)))
        .getResults()[0];
  }

  public static <T> T output(CallMethodResult r, String what, Class<T> type) throws FlowException {
    if (!r.getStatusCode().isGood()) {
      throw new FlowException(what + ": " + r.getStatusCode());
    }
    Variant[] out = r.getOutputArguments();
    @Nullable Object v = out == null || out.length == 0 ? null : out[0].value();
    if (!type.isInstance(v)) {
      throw new FlowException(what + " returned no " + type.getSimpleName());
    }
    return type.cast(v);
  }
}
