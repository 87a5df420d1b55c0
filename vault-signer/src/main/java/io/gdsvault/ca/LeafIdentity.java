package io.gdsvault.ca;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What one application certificate certifies, once the CSR or generated key and the server's
 * request are merged: the subject key, the subject name, the names for the subjectAltName and the
 * application type.
 */
record LeafIdentity(
    SubjectPublicKeyInfo publicKeyInfo,
    X500Name subject,
    String applicationUri,
    List<String> dnsNames,
    List<String> ipAddresses,
    ApplicationType applicationType) {}
