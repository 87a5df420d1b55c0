package io.gdsvault.gds.certificates;

import java.util.List;

/**
 * A certificate with what a device needs to trust its peers: the issuer chain and the CRLs of the
 * certificate group (all DER), for downloads to devices without Part 12.
 */
public record CertificateBundle(
    IssuedCertificateRecord certificate, List<byte[]> issuerCertificates, List<byte[]> crls) {}
