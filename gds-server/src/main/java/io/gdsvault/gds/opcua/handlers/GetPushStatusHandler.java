package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.model.ua.ApplicationRecordMapper;
import io.gdsvault.gds.push.PushEngine;
import io.gdsvault.gds.push.PushTarget;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Vendor {@code Push.GetPushStatus(ApplicationId)} → aligned arrays, one entry per push target
 * (ApplicationId empty: all). Missing times are DateTime.MIN_VALUE. Certificates holds, per target,
 * one line per certificate type it lists ({@code type=installed|requested|skipped|none;key=value}).
 * SecurityAdmin.
 */
public final class GetPushStatusHandler extends GdsMethodHandler {

  private final PushEngine engine;

  public GetPushStatusHandler(HandlerContext c, UaMethodNode n, PushEngine engine) {
    super(c, n);
    this.engine = engine;
  }

  @Override
  public Argument[] inputArguments() {
    return new Argument[] {Arguments.scalar("ApplicationId", Arguments.STRING)};
  }

  @Override
  public Argument[] outputArguments() {
    return new Argument[] {
      Arguments.array("ApplicationIds", Arguments.STRING),
      Arguments.array("Endpoints", Arguments.STRING),
      Arguments.array("States", Arguments.STRING),
      Arguments.array("LastPush", NodeIds.UtcTime),
      Arguments.array("LastErrors", Arguments.STRING),
      Arguments.array("CertificateThumbprints", Arguments.STRING),
      Arguments.array("NotAfter", NodeIds.UtcTime),
      Arguments.array("Phases", Arguments.STRING),
      Arguments.array("Attempts", NodeIds.Int32),
      Arguments.array("PinnedThumbprints", Arguments.STRING),
      Arguments.array("Certificates", Arguments.STRING)
    };
  }

  @Override
  protected Variant[] call(Caller caller, Variant[] in) {
    String id = string(in[0]).trim();
    int ns = context.gdsNamespaceIndex();
    List<PushTarget> list = engine.status(caller, id.isEmpty() ? null : RequestIds.parse(id, ns));
    return new Variant[] {
      strings(
          list, t -> ApplicationRecordMapper.toNodeId(t.applicationId(), ns).toParseableString()),
      strings(list, PushTarget::endpointUrl),
      strings(list, t -> t.state().label()),
      times(list, PushTarget::lastPush),
      strings(list, PushTarget::lastError),
      strings(list, PushTarget::certificateThumbprint),
      times(list, PushTarget::notAfter),
      strings(list, PushTarget::phase),
      new Variant(list.stream().map(PushTarget::attempts).toArray(Integer[]::new)),
      strings(list, PushTarget::pinnedThumbprint),
      strings(list, PushTarget::certificateSummary)
    };
  }

  private static Variant strings(List<PushTarget> l, Function<PushTarget, String> f) {
    return new Variant(l.stream().map(f).map(s -> s == null ? "" : s).toArray(String[]::new));
  }

  private static Variant times(List<PushTarget> l, Function<PushTarget, Instant> f) {
    return new Variant(
        l.stream()
            .map(f)
            .map(i -> i == null ? DateTime.NULL_VALUE : new DateTime(i))
            .toArray(DateTime[]::new));
  }
}
