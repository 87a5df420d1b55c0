package io.gdsvault.gds.opcua.security;

import io.gdsvault.gds.auth.SessionAdmission;
import java.net.InetAddress;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.servicesets.SessionServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultSessionServiceSet;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CancelRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CancelResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionResponse;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Milo's Session services with admission control at CreateSession (see {@link SessionAdmission}): a
 * session on SecurityPolicy None within the None caps, a secure one into the pending pool (the
 * oldest pending session is closed when it is full). Refusals are Bad_TooManySessions.
 */
public final class AdmissionSessionServiceSet implements SessionServiceSet {

  private static final Logger log = LoggerFactory.getLogger(AdmissionSessionServiceSet.class);

  private final OpcUaServer server;
  private final SessionServiceSet delegate;
  private final SessionAdmission admission;

  public AdmissionSessionServiceSet(OpcUaServer server, SessionAdmission admission) {
    this.server = server;
    this.delegate = new DefaultSessionServiceSet(server);
    this.admission = admission;
  }

  @Override
  public CreateSessionResponse onCreateSession(
      ServiceRequestContext context, CreateSessionRequest request) throws UaException {
    boolean none = context.getSecureChannel().getSecurityPolicy() == SecurityPolicy.None;
    String address = address(context);
    SessionAdmission.Admitted admitted;
    try {
      admitted = admission.admit(none, address);
    } catch (SessionAdmission.Refused e) {
      server.getDiagnosticsSummary().getRejectedSessionCount().increment();
      log.debug("CreateSession refused from {}: {}", address, e.getMessage());
      throw new UaException(StatusCodes.Bad_TooManySessions, e.getMessage());
    }
    String evict = admitted.evict();
    if (evict != null) {
      MiloSessions.close(server, evict);
    }
    try {
      CreateSessionResponse response = delegate.onCreateSession(context, request);
      admission.bind(admitted.ticket(), response.getSessionId().toParseableString());
      return response;
    } catch (UaException | RuntimeException e) {
      admission.release(admitted.ticket());
      throw e;
    }
  }

  @Override
  public ActivateSessionResponse onActivateSession(
      ServiceRequestContext context, ActivateSessionRequest request) throws UaException {
    return delegate.onActivateSession(context, request);
  }

  @Override
  public CloseSessionResponse onCloseSession(
      ServiceRequestContext context, CloseSessionRequest request) throws UaException {
    return delegate.onCloseSession(context, request);
  }

  @Override
  public CancelResponse onCancel(ServiceRequestContext context, CancelRequest request)
      throws UaException {
    return delegate.onCancel(context, request);
  }

  static String address(ServiceRequestContext context) {
    try {
      InetAddress a = context.clientAddress();
      return a == null ? "" : a.getHostAddress();
    } catch (RuntimeException e) {
      return "";
    }
  }
}
