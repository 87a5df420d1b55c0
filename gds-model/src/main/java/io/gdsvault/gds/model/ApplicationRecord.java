package io.gdsvault.gds.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application as the GDS Directory knows it (Part 12 ApplicationRecordDataType).
 *
 * @param applicationId the id the GDS assigned; null before registration
 * @param applicationUri the ApplicationUri (unique per directory)
 * @param applicationType the type
 * @param applicationNames one or more names, the first is the default
 * @param productUri the vendor's product URI, may be empty
 * @param discoveryUrls discovery URLs (servers need at least one, clients none)
 * @param serverCapabilities capability identifiers (Part 12 Annex A), e.g. "LDS", "DA"
 */
public record ApplicationRecord(
    @Nullable UUID applicationId,
    String applicationUri,
    ApplicationType applicationType,
    List<LocalizedName> applicationNames,
    String productUri,
    List<String> discoveryUrls,
    List<String> serverCapabilities) {

  public ApplicationRecord {
    applicationUri = applicationUri == null ? "" : applicationUri;
    Objects.requireNonNull(applicationType, "applicationType");
    applicationNames = applicationNames == null ? List.of() : List.copyOf(applicationNames);
    productUri = productUri == null ? "" : productUri;
    discoveryUrls = discoveryUrls == null ? List.of() : List.copyOf(discoveryUrls);
    serverCapabilities = serverCapabilities == null ? List.of() : List.copyOf(serverCapabilities);
  }

  /** The id of a registered record; a record read from the directory always has one. */
  public UUID id() {
    return Objects.requireNonNull(applicationId, "the application record is not registered");
  }

  /** The same record with the given id. */
  public ApplicationRecord withApplicationId(UUID id) {
    return new ApplicationRecord(
        id,
        applicationUri,
        applicationType,
        applicationNames,
        productUri,
        discoveryUrls,
        serverCapabilities);
  }

  /** The default (first) name, or an empty string. */
  public String defaultName() {
    return applicationNames.isEmpty() ? "" : applicationNames.get(0).text();
  }
}
