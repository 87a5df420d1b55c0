package io.gdsvault.gds.opcua.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.junit.jupiter.api.Test;

class StatusMapperTest {

  @Test
  void everyReasonMapsToItsPart12StatusCode() {
    // STYLE.md / Part 12: the one mapping from domain reasons to StatusCodes
    Map<Reason, Long> expected = new EnumMap<>(Reason.class);
    expected.put(Reason.NOT_FOUND, StatusCodes.Bad_NotFound);
    expected.put(Reason.INVALID_ARGUMENT, StatusCodes.Bad_InvalidArgument);
    expected.put(Reason.ENTRY_EXISTS, StatusCodes.Bad_EntryExists);
    expected.put(Reason.ACCESS_DENIED, StatusCodes.Bad_UserAccessDenied);
    expected.put(Reason.SECURITY_MODE_INSUFFICIENT, StatusCodes.Bad_SecurityModeInsufficient);
    expected.put(Reason.NOTHING_TO_DO, StatusCodes.Bad_NothingToDo);
    expected.put(Reason.REQUEST_NOT_ALLOWED, StatusCodes.Bad_RequestNotAllowed);
    expected.put(Reason.CERTIFICATE_URI_INVALID, StatusCodes.Bad_CertificateUriInvalid);
    expected.put(Reason.INVALID_STATE, StatusCodes.Bad_InvalidState);
    expected.put(Reason.NOT_SUPPORTED, StatusCodes.Bad_NotSupported);
    expected.put(Reason.TOO_MANY_OPERATIONS, StatusCodes.Bad_TooManyOperations);
    expected.put(Reason.RESOURCE_UNAVAILABLE, StatusCodes.Bad_ResourceUnavailable);
    expected.put(Reason.TIMEOUT, StatusCodes.Bad_Timeout);
    assertThat(expected).hasSize(Reason.values().length);
    expected.forEach(
        (reason, code) ->
            assertThat(StatusMapper.statusCode(reason)).as("%s", reason).isEqualTo(code));
  }

  @Test
  void theUaExceptionCarriesOnlyTheSafeMessage() {
    var e =
        StatusMapper.toUaException(new GdsException(Reason.NOT_FOUND, "ApplicationId not found"));
    assertThat(e.getStatusCode().value()).isEqualTo(StatusCodes.Bad_NotFound);
    assertThat(e.getMessage()).contains("ApplicationId not found");
    assertThat(e.getCause()).isNull();
  }
}
