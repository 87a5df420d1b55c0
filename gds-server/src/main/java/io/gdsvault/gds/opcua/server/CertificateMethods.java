package io.gdsvault.gds.opcua.server;

import io.gdsvault.gds.certificates.CertificateRequestService;
import io.gdsvault.gds.directory.DirectoryService;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.opcua.handlers.CheckRevocationStatusHandler;
import io.gdsvault.gds.opcua.handlers.FinishRequestHandler;
import io.gdsvault.gds.opcua.handlers.GetCertificateGroupsHandler;
import io.gdsvault.gds.opcua.handlers.GetCertificateStatusHandler;
import io.gdsvault.gds.opcua.handlers.GetCertificatesHandler;
import io.gdsvault.gds.opcua.handlers.GetTrustListHandler;
import io.gdsvault.gds.opcua.handlers.RevokeCertificateHandler;
import io.gdsvault.gds.opcua.handlers.StartNewKeyPairRequestHandler;
import io.gdsvault.gds.opcua.handlers.StartSigningRequestHandler;
import io.gdsvault.gds.opcua.handlers.UnregisterAndRevokeHandler;
import java.util.ArrayList;
import java.util.List;

/** The Directory's Part 12 certificate manager methods. */
public final class CertificateMethods {

  private CertificateMethods() {}

  /**
   * Bindings for the certificate methods, and {@code directory}'s bindings with
   * UnregisterApplication replaced by the variant that also revokes the application's certificates.
   */
  public static List<MethodBinding> withDirectory(
      List<MethodBinding> directoryBindings,
      DirectoryService directory,
      CertificateRequestService s) {
    List<MethodBinding> out = new ArrayList<>();
    for (MethodBinding b : directoryBindings) {
      if (b.methodId().equals(GdsNodeIds.UnregisterApplication)) {
        out.add(
            new MethodBinding(
                b.methodId(),
                b.browseName(),
                b.inputArgumentsId(),
                b.outputArgumentsId(),
                (c, n) -> new UnregisterAndRevokeHandler(c, n, directory, s)));
      } else {
        out.add(b);
      }
    }
    out.addAll(bindings(s));
    return out;
  }

  public static List<MethodBinding> bindings(CertificateRequestService s) {
    return List.of(
        new MethodBinding(
            GdsNodeIds.StartSigningRequest,
            "StartSigningRequest",
            GdsNodeIds.StartSigningRequest_InputArguments,
            GdsNodeIds.StartSigningRequest_OutputArguments,
            (c, n) -> new StartSigningRequestHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.StartNewKeyPairRequest,
            "StartNewKeyPairRequest",
            GdsNodeIds.StartNewKeyPairRequest_InputArguments,
            GdsNodeIds.StartNewKeyPairRequest_OutputArguments,
            (c, n) -> new StartNewKeyPairRequestHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.FinishRequest,
            "FinishRequest",
            GdsNodeIds.FinishRequest_InputArguments,
            GdsNodeIds.FinishRequest_OutputArguments,
            (c, n) -> new FinishRequestHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.GetCertificateGroups,
            "GetCertificateGroups",
            GdsNodeIds.GetCertificateGroups_InputArguments,
            GdsNodeIds.GetCertificateGroups_OutputArguments,
            (c, n) -> new GetCertificateGroupsHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.GetTrustList,
            "GetTrustList",
            GdsNodeIds.GetTrustList_InputArguments,
            GdsNodeIds.GetTrustList_OutputArguments,
            (c, n) -> new GetTrustListHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.GetCertificateStatus,
            "GetCertificateStatus",
            GdsNodeIds.GetCertificateStatus_InputArguments,
            GdsNodeIds.GetCertificateStatus_OutputArguments,
            (c, n) -> new GetCertificateStatusHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.RevokeCertificate,
            "RevokeCertificate",
            GdsNodeIds.RevokeCertificate_InputArguments,
            null,
            (c, n) -> new RevokeCertificateHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.GetCertificates,
            "GetCertificates",
            GdsNodeIds.GetCertificates_InputArguments,
            GdsNodeIds.GetCertificates_OutputArguments,
            (c, n) -> new GetCertificatesHandler(c, n, s)),
        new MethodBinding(
            GdsNodeIds.CheckRevocationStatus,
            "CheckRevocationStatus",
            GdsNodeIds.CheckRevocationStatus_InputArguments,
            GdsNodeIds.CheckRevocationStatus_OutputArguments,
            (c, n) -> new CheckRevocationStatusHandler(c, n, s)));
  }
}
