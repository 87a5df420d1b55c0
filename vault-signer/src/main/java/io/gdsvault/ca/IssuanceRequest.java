package io.gdsvault.ca;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the server asks the CA to certify, from its registered application record.
 *
 * @param applicationUri the registered ApplicationUri, written as the SAN URI
 * @param subject X.500 subject, e.g. {@code CN=Pump 7, O=Acme, DC=host1}; null to take the CSR's
 * @param dnsNames DNS names for the SAN; empty to take the CSR's
 * @param ipAddresses IP address literals for the SAN; empty to take the CSR's
 * @param applicationType decides the extended key usages
 */
public record IssuanceRequest(
    String applicationUri,
    @Nullable String subject,
    List<String> dnsNames,
    List<String> ipAddresses,
    ApplicationType applicationType) {

  public IssuanceRequest {
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    if (applicationType == null) {
      applicationType = ApplicationType.CLIENT_AND_SERVER;
    }
  }
}
