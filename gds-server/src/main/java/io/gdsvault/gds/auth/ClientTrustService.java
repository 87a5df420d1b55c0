package io.gdsvault.gds.auth;

import io.gdsvault.gds.model.GdsException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SecurityAdmin management of client certificates refused in strict mode. */
public final class ClientTrustService {

  private static final Pattern THUMBPRINT = Pattern.compile("[0-9a-f]{40}");
  private static final Logger log = LoggerFactory.getLogger(ClientTrustService.class);

  private final ClientCertificateStore store;

  public ClientTrustService(ClientCertificateStore store) {
    this.store = store;
  }

  public List<ClientCertificate> list(Caller caller) {
    caller.requireRole(Role.SECURITY_ADMIN);
    return store.list();
  }

  public void accept(Caller caller, String thumbprint) {
    caller.requireRole(Role.SECURITY_ADMIN);
    String t = thumbprint == null ? "" : thumbprint.toLowerCase(Locale.ROOT).replace(":", "");
    if (!THUMBPRINT.matcher(t).matches()) {
      throw GdsException.invalid("a thumbprint is 40 hexadecimal characters");
    }
    if (!store.accept(t)) {
      throw GdsException.notFound("rejected certificate");
    }
    log.info("client certificate trusted thumbprint={} by={}", t, caller.describe());
  }
}
