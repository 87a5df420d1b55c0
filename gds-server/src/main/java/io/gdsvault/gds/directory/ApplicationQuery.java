package io.gdsvault.gds.directory;

import io.gdsvault.gds.model.ApplicationType;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of QueryApplications/QueryServers, already validated. Patterns use the Part 4 LIKE syntax
 * ({@code %} any run, {@code _} one character, {@code \} escapes); null means no filter. {@code
 * namePattern} is matched against the default (first) ApplicationName only (Part 12 §6.5.10).
 *
 * @param afterRecordId only records with a greater record id are returned (Part 12
 *     StartingRecordId; 0 returns from the first record)
 * @param limit the most records to return
 * @param types the application types to include
 * @param capabilities every one of these must be present
 * @param excludeCapability records carrying this capability are left out (Part 12: "NA"), or null
 */
public record ApplicationQuery(
    long afterRecordId,
    int limit,
    @Nullable String namePattern,
    @Nullable String uriPattern,
    @Nullable String productUriPattern,
    Set<ApplicationType> types,
    List<String> capabilities,
    @Nullable String excludeCapability) {

  public ApplicationQuery {
    types = Set.copyOf(types);
    capabilities = List.copyOf(capabilities);
  }
}
