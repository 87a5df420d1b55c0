package io.gdsvault.gds.opcua.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.AddressSpace.CallContext;
import org.eclipse.milo.opcua.sdk.server.DiagnosticsContext;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.servicesets.AbstractServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.MethodServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultMethodServiceSet;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DiagnosticInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallResponse;
import org.eclipse.milo.opcua.stack.core.util.Lists;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * The Call service: calls on objects of the GDS and vendor namespaces go straight to their
 * handlers, which authorize every call (channel security, role, ApplicationSelfAdmin), audit it and
 * answer with the precise status (Bad_SecurityModeInsufficient before Bad_UserAccessDenied); Milo's
 * access controller, which would answer Bad_UserAccessDenied for both from AccessRestrictions and
 * UserExecutable alone, sees only the other calls. UserExecutable advertises the handlers' rule.
 */
final class GdsMethodServiceSet implements MethodServiceSet {

  private final OpcUaServer server;
  private final MethodServiceSet others;
  private final Set<Integer> ours;

  GdsMethodServiceSet(OpcUaServer server, Set<Integer> namespaceIndexes) {
    this.server = server;
    this.others = new DefaultMethodServiceSet(server);
    this.ours = Set.copyOf(namespaceIndexes);
  }

  @Override
  public CallResponse onCall(ServiceRequestContext context, CallRequest request)
      throws UaException {
    List<CallMethodRequest> calls = Lists.ofNullable(request.getMethodsToCall());
    if (calls.isEmpty() || calls.stream().noneMatch(this::isOurs)) {
      return others.onCall(context, request);
    }
    if (calls.size() > server.getConfig().getLimits().getMaxNodesPerMethodCall().longValue()) {
      throw new UaException(StatusCodes.Bad_TooManyOperations);
    }
    Session session = server.getSessionManager().getSession(context, request.getRequestHeader());
    List<CallMethodRequest> foreign = calls.stream().filter(c -> !isOurs(c)).toList();
    CallMethodResult[] foreignResults = new CallMethodResult[0];
    if (!foreign.isEmpty()) {
      foreignResults =
          others
              .onCall(
                  context,
                  new CallRequest(
                      request.getRequestHeader(), foreign.toArray(CallMethodRequest[]::new)))
              .getResults();
    }
    List<CallMethodRequest> mine = calls.stream().filter(this::isOurs).toList();
    List<CallMethodResult> mineResults;
    try {
      mineResults =
          server
              .getAddressSpaceManager()
              .call(
                  new CallContext(
                      server,
                      session,
                      new DiagnosticsContext<>(),
                      request.getRequestHeader().getAuditEntryId(),
                      request.getRequestHeader().getTimeoutHint(),
                      request.getRequestHeader().getAdditionalHeader()),
                  mine);
    } finally {
      session.getSessionDiagnostics().getCallCount().incrementTotalCount();
      session.getSessionDiagnostics().getTotalRequestCount().incrementTotalCount();
    }
    List<CallMethodResult> results = new ArrayList<>(calls.size());
    int f = 0;
    int m = 0;
    for (CallMethodRequest c : calls) {
      results.add(isOurs(c) ? mineResults.get(m++) : foreignResults[f++]);
    }
    return new CallResponse(
        AbstractServiceSet.createResponseHeader(request),
        results.toArray(CallMethodResult[]::new),
        new DiagnosticInfo[0]);
  }

  private boolean isOurs(CallMethodRequest c) {
    return c.getObjectId() != null && ours.contains(c.getObjectId().getNamespaceIndex().intValue());
  }
}
