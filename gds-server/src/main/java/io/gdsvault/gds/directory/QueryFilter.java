package io.gdsvault.gds.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The filter that QueryApplications and QueryServers share (OPC 10000-12 §6.5.10, §6.5.11).
 *
 * @param startingRecordId only records with a greater record id; 0 starts with the first
 * @param maxRecordsToReturn at most this many (0: the server's maximum)
 * @param namePattern ApplicationName pattern; empty matches every name
 * @param uriPattern ApplicationUri pattern; empty matches every URI
 * @param productUriPattern ProductUri pattern; empty matches every product
 * @param capabilities every one of them must be among the record's capabilities
 */
public record QueryFilter(
    long startingRecordId,
    long maxRecordsToReturn,
    String namePattern,
    String uriPattern,
    String productUriPattern,
    List<String> capabilities) {

  public QueryFilter {
    // copied, so the service checks what it queries with; a null element is refused there
    capabilities = Collections.unmodifiableList(new ArrayList<>(capabilities));
  }
}
