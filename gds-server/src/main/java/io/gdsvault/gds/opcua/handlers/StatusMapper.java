package io.gdsvault.gds.opcua.handlers;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/** The one place where domain {@link Reason}s become OPC UA StatusCodes. */
public final class StatusMapper {

  private StatusMapper() {}

  /** The StatusCode of a reason (checked against Part 12 and the reference GDS). */
  public static long statusCode(Reason reason) {
    return switch (reason) {
      case NOT_FOUND -> StatusCodes.Bad_NotFound;
      case INVALID_ARGUMENT -> StatusCodes.Bad_InvalidArgument;
      case ENTRY_EXISTS -> StatusCodes.Bad_EntryExists;
      case ACCESS_DENIED -> StatusCodes.Bad_UserAccessDenied;
      case SECURITY_MODE_INSUFFICIENT -> StatusCodes.Bad_SecurityModeInsufficient;
      case NOTHING_TO_DO -> StatusCodes.Bad_NothingToDo;
      case REQUEST_NOT_ALLOWED -> StatusCodes.Bad_RequestNotAllowed;
      case CERTIFICATE_URI_INVALID -> StatusCodes.Bad_CertificateUriInvalid;
      case INVALID_STATE -> StatusCodes.Bad_InvalidState;
      case NOT_SUPPORTED -> StatusCodes.Bad_NotSupported;
      case TOO_MANY_OPERATIONS -> StatusCodes.Bad_TooManyOperations;
      case RESOURCE_UNAVAILABLE -> StatusCodes.Bad_ResourceUnavailable;
      case TIMEOUT -> StatusCodes.Bad_Timeout;
    };
  }

  /** A UaException carrying only the short, safe message of the domain exception. */
  public static UaException toUaException(GdsException e) {
    return new UaException(statusCode(e.reason()), e.getMessage());
  }
}
