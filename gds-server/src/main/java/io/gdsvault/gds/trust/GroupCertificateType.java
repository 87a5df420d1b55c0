package io.gdsvault.gds.trust;

import io.gdsvault.ca.CertificateAuthority;

/**
 * One certificate type of a group and the CA line that issues it.
 *
 * @param name the OPC UA CertificateType BrowseName, e.g. {@code
 *     RsaSha256ApplicationCertificateType}
 */
public record GroupCertificateType(String name, CertificateAuthority ca) {}
