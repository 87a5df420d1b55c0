package io.gdsvault.ca;

import java.time.Instant;

/**
 * One issuer CA of a certificate group: its number within the group (1 = first, higher after each
 * rollover), its id (also the backend key alias), its key reference and its certificate.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; nothing compares two of them
public record CaGeneration(
    int generation, String caId, String keyAlias, byte[] certificateDer, Instant createdAt) {

  public CaGeneration {
    certificateDer = certificateDer.clone();
  }

  @Override
  public byte[] certificateDer() {
    return certificateDer.clone();
  }
}
