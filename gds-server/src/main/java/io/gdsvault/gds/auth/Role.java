package io.gdsvault.gds.auth;

import java.util.Optional;

/** The Part 12 well-known roles a GDS user can hold. */
public enum Role {
  /** Registers, updates and unregisters any application. */
  DISCOVERY_ADMIN("DiscoveryAdmin"),
  /** Requests or revokes any certificate, manages trust lists and certificate groups. */
  CERTIFICATE_AUTHORITY_ADMIN("CertificateAuthorityAdmin"),
  /** Approves or rejects certificate requests. */
  REGISTRATION_AUTHORITY_ADMIN("RegistrationAuthorityAdmin"),
  /** Manages users, client certificate trust, push and configuration. */
  SECURITY_ADMIN("SecurityAdmin");

  private final String partName;

  Role(String partName) {
    this.partName = partName;
  }

  /** The Part 12 name, e.g. "DiscoveryAdmin"; this is the name used on the wire and in the CLI. */
  public String partName() {
    return partName;
  }

  /** Parses a Part 12 name (case-insensitive). */
  public static Optional<Role> fromName(String name) {
    for (Role r : values()) {
      if (r.partName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
