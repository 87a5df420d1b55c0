package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.opcua.handlers.DecideRequestHandler;
import io.gdsvault.gds.opcua.handlers.GetCertificateAuthorityHandler;
import io.gdsvault.gds.opcua.handlers.GetCertificateBundleHandler;
import io.gdsvault.gds.opcua.handlers.GetRequestHandler;
import io.gdsvault.gds.opcua.handlers.ListIssuedCertificatesHandler;
import io.gdsvault.gds.opcua.handlers.ListRequestsHandler;
import io.gdsvault.gds.opcua.handlers.RevokeCertificatesHandler;
import io.gdsvault.gds.trust.CertificateGroupService;
import java.util.List;

/** Vendor objects of the certificate feature: the approval queue, certificates and CAs. */
public final class CertificateVendorMethods {

  public static final String REQUESTS = "CertificateRequests";
  public static final String CERTIFICATES = "Certificates";
  public static final String AUTHORITIES = "CertificateAuthorities";

  private CertificateVendorMethods() {}

  public static List<MethodBinding> requests(CertificateRequestService s) {
    return List.of(
        VendorMethods.binding(
            REQUESTS,
            "ApproveRequest",
            true,
            false,
            (c, n) ->
                new DecideRequestHandler(c, n, s, null, DecideRequestHandler.Decision.APPROVE)),
        VendorMethods.binding(
            REQUESTS,
            "RejectRequest",
            true,
            false,
            (c, n) ->
                new DecideRequestHandler(c, n, s, null, DecideRequestHandler.Decision.REJECT)),
        VendorMethods.binding(
            REQUESTS, "ListRequests", true, true, (c, n) -> new ListRequestsHandler(c, n, s)),
        VendorMethods.binding(
            REQUESTS, "GetRequest", true, true, (c, n) -> new GetRequestHandler(c, n, s)));
  }

  public static List<MethodBinding> certificates(CertificateRequestService s) {
    return List.of(
        VendorMethods.binding(
            CERTIFICATES,
            "ListCertificates",
            true,
            true,
            (c, n) -> new ListIssuedCertificatesHandler(c, n, s)),
        VendorMethods.binding(
            CERTIFICATES,
            "RevokeCertificates",
            true,
            true,
            (c, n) -> new RevokeCertificatesHandler(c, n, s)),
        VendorMethods.binding(
            CERTIFICATES,
            "GetCertificateBundle",
            true,
            true,
            (c, n) -> new GetCertificateBundleHandler(c, n, s)));
  }

  public static List<MethodBinding> authorities(CertificateGroupService groups) {
    return List.of(
        VendorMethods.binding(
            AUTHORITIES,
            "GetCertificateAuthority",
            true,
            true,
            (c, n) -> new GetCertificateAuthorityHandler(c, n, groups)));
  }
}
