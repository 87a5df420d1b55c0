package io.gdsvault.gds.directory;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.LocalizedName;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Set;

/**
 * Part 12 rules for an application record (§6.6.5 and the reference GDS's validation): absolute
 * ApplicationUri, at least one name, servers with at least one DiscoveryUrl, clients without, a
 * valid ProductUri; plus size limits that keep one record small.
 */
public final class ApplicationValidator {

  public static final int MAX_URI_LENGTH = 2048;
  public static final int MAX_NAME_LENGTH = 512;
  public static final int MAX_NAMES = 16;
  public static final int MAX_DISCOVERY_URLS = 32;
  public static final int MAX_CAPABILITIES = 32;
  public static final int MAX_CAPABILITY_LENGTH = 64;

  private ApplicationValidator() {}

  public static void validate(ApplicationRecord r) {
    requireAbsoluteUri(r.applicationUri(), "ApplicationUri");
    if (r.applicationNames().isEmpty()) {
      throw GdsException.invalid("at least one ApplicationName is required");
    }
    if (r.applicationNames().size() > MAX_NAMES) {
      throw GdsException.invalid("too many ApplicationNames (max " + MAX_NAMES + ")");
    }
    for (LocalizedName n : r.applicationNames()) {
      if (n.text().isBlank()) {
        throw GdsException.invalid("ApplicationNames must not be empty");
      }
      if (n.text().length() > MAX_NAME_LENGTH || n.locale().length() > 64) {
        throw GdsException.invalid("an ApplicationName is too long (max " + MAX_NAME_LENGTH + ")");
      }
    }
    if (!r.productUri().isEmpty()) {
      requireAbsoluteUri(r.productUri(), "ProductUri");
    }
    if (r.applicationType() == ApplicationType.CLIENT) {
      if (!r.discoveryUrls().isEmpty()) {
        throw GdsException.invalid("a Client must not have DiscoveryUrls");
      }
    } else if (r.discoveryUrls().isEmpty()) {
      throw GdsException.invalid("a Server needs at least one DiscoveryUrl");
    }
    if (r.discoveryUrls().size() > MAX_DISCOVERY_URLS) {
      throw GdsException.invalid("too many DiscoveryUrls (max " + MAX_DISCOVERY_URLS + ")");
    }
    for (String url : r.discoveryUrls()) {
      requireAbsoluteUri(url, "DiscoveryUrl");
    }
    if (r.serverCapabilities().size() > MAX_CAPABILITIES) {
      throw GdsException.invalid("too many ServerCapabilities (max " + MAX_CAPABILITIES + ")");
    }
    Set<String> seen = new HashSet<>();
    for (String c : r.serverCapabilities()) {
      if (c.isBlank() || c.length() > MAX_CAPABILITY_LENGTH) {
        throw GdsException.invalid("a ServerCapability is empty or too long");
      }
      if (!seen.add(c)) {
        throw GdsException.invalid("ServerCapabilities contains a duplicate");
      }
    }
  }

  /** A syntactically valid absolute URI of bounded length. */
  public static void requireAbsoluteUri(String value, String field) {
    if (value == null || value.isBlank()) {
      throw GdsException.invalid(field + " is required");
    }
    if (value.length() > MAX_URI_LENGTH) {
      throw GdsException.invalid(field + " is too long (max " + MAX_URI_LENGTH + ")");
    }
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute()) {
        throw GdsException.invalid(field + " must be an absolute URI");
      }
    } catch (URISyntaxException e) {
      throw GdsException.invalid(field + " is not a valid URI");
    }
  }
}
