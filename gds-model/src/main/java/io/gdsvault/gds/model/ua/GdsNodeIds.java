package io.gdsvault.gds.model.ua;

import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Standard NodeIds of the GDS information model (OPC UA GDS NodeSet 1.05.07), expressed with the
 * GDS namespace URI so they hold whatever index a server gives the namespace. Resolve them with
 * {@link #resolve(ExpandedNodeId, NamespaceTable)}.
 */
public final class GdsNodeIds {

  /** The GDS namespace URI. */
  public static final String NAMESPACE_URI = "http://opcfoundation.org/UA/GDS/";

  private GdsNodeIds() {}

  /** An id in the GDS namespace with a numeric identifier. */
  public static ExpandedNodeId gds(int id) {
    return ExpandedNodeId.parse("nsu=" + NAMESPACE_URI + ";i=" + id);
  }

  /** The local NodeId of {@code id}; fails when the namespace is not in the table. */
  public static NodeId resolve(ExpandedNodeId id, NamespaceTable namespaceTable) {
    return id.toNodeId(namespaceTable)
        .orElseThrow(() -> new IllegalStateException("namespace not registered: " + id));
  }

  // ---- Objects
  public static final ExpandedNodeId Directory = gds(141);
  public static final ExpandedNodeId Directory_Applications = gds(142);
  public static final ExpandedNodeId Directory_CertificateGroups = gds(614);
  public static final ExpandedNodeId DefaultApplicationGroup = gds(615);
  public static final ExpandedNodeId DefaultApplicationGroup_TrustList = gds(616);
  public static final ExpandedNodeId DefaultApplicationGroup_CertificateTypes = gds(648);
  public static final ExpandedNodeId DefaultHttpsGroup = gds(649);
  public static final ExpandedNodeId DefaultHttpsGroup_TrustList = gds(650);
  public static final ExpandedNodeId DefaultHttpsGroup_CertificateTypes = gds(682);
  public static final ExpandedNodeId DefaultUserTokenGroup = gds(683);
  public static final ExpandedNodeId DefaultUserTokenGroup_TrustList = gds(684);
  public static final ExpandedNodeId DefaultUserTokenGroup_CertificateTypes = gds(716);

  // ---- Types
  public static final ExpandedNodeId DirectoryType = gds(13);
  public static final ExpandedNodeId CertificateDirectoryType = gds(63);
  public static final ExpandedNodeId ApplicationRecordDataType = gds(1);
  public static final ExpandedNodeId ApplicationRecordDataType_Encoding_DefaultBinary = gds(134);
  public static final ExpandedNodeId ApplicationRecordDataType_Encoding_DefaultXml = gds(127);

  // ---- Directory methods (instance | InputArguments | OutputArguments)
  public static final ExpandedNodeId FindApplications = gds(143);
  public static final ExpandedNodeId FindApplications_InputArguments = gds(144);
  public static final ExpandedNodeId FindApplications_OutputArguments = gds(145);
  public static final ExpandedNodeId RegisterApplication = gds(146);
  public static final ExpandedNodeId RegisterApplication_InputArguments = gds(147);
  public static final ExpandedNodeId RegisterApplication_OutputArguments = gds(148);
  public static final ExpandedNodeId UpdateApplication = gds(200);
  public static final ExpandedNodeId UpdateApplication_InputArguments = gds(201);
  public static final ExpandedNodeId UnregisterApplication = gds(149);
  public static final ExpandedNodeId UnregisterApplication_InputArguments = gds(150);
  public static final ExpandedNodeId GetApplication = gds(216);
  public static final ExpandedNodeId GetApplication_InputArguments = gds(217);
  public static final ExpandedNodeId GetApplication_OutputArguments = gds(218);
  public static final ExpandedNodeId QueryApplications = gds(992);
  public static final ExpandedNodeId QueryApplications_InputArguments = gds(993);
  public static final ExpandedNodeId QueryApplications_OutputArguments = gds(994);
  public static final ExpandedNodeId QueryServers = gds(151);
  public static final ExpandedNodeId QueryServers_InputArguments = gds(152);
  public static final ExpandedNodeId QueryServers_OutputArguments = gds(153);

  // ---- Certificate manager methods on Directory (pull flow)
  public static final ExpandedNodeId StartSigningRequest = gds(157);
  public static final ExpandedNodeId StartSigningRequest_InputArguments = gds(158);
  public static final ExpandedNodeId StartSigningRequest_OutputArguments = gds(159);
  public static final ExpandedNodeId StartNewKeyPairRequest = gds(154);
  public static final ExpandedNodeId StartNewKeyPairRequest_InputArguments = gds(155);
  public static final ExpandedNodeId StartNewKeyPairRequest_OutputArguments = gds(156);
  public static final ExpandedNodeId FinishRequest = gds(163);
  public static final ExpandedNodeId FinishRequest_InputArguments = gds(164);
  public static final ExpandedNodeId FinishRequest_OutputArguments = gds(165);
  public static final ExpandedNodeId RevokeCertificate = gds(15005);
  public static final ExpandedNodeId RevokeCertificate_InputArguments = gds(15006);
  public static final ExpandedNodeId GetCertificateGroups = gds(508);
  public static final ExpandedNodeId GetCertificateGroups_InputArguments = gds(509);
  public static final ExpandedNodeId GetCertificateGroups_OutputArguments = gds(510);
  public static final ExpandedNodeId GetCertificates = gds(174);
  public static final ExpandedNodeId GetCertificates_InputArguments = gds(175);
  public static final ExpandedNodeId GetCertificates_OutputArguments = gds(176);
  public static final ExpandedNodeId GetTrustList = gds(204);
  public static final ExpandedNodeId GetTrustList_InputArguments = gds(205);
  public static final ExpandedNodeId GetTrustList_OutputArguments = gds(206);
  public static final ExpandedNodeId GetCertificateStatus = gds(225);
  public static final ExpandedNodeId GetCertificateStatus_InputArguments = gds(226);
  public static final ExpandedNodeId GetCertificateStatus_OutputArguments = gds(227);
  public static final ExpandedNodeId CheckRevocationStatus = gds(177);
  public static final ExpandedNodeId CheckRevocationStatus_InputArguments = gds(178);
  public static final ExpandedNodeId CheckRevocationStatus_OutputArguments = gds(179);

  // ---- Roles (ns=0 SecurityAdmin is i=15704)
  public static final ExpandedNodeId Role_DiscoveryAdmin = gds(1661);
  public static final ExpandedNodeId Role_CertificateAuthorityAdmin = gds(1680);
  public static final ExpandedNodeId Role_RegistrationAuthorityAdmin = gds(1699);
  public static final ExpandedNodeId Role_KeyCredentialAdmin = gds(1718);
  public static final ExpandedNodeId Role_AuthorizationServiceAdmin = gds(1737);

  // ---- Audit event types (subtypes of AuditUpdateMethodEventType i=2127)
  public static final ExpandedNodeId ApplicationRegistrationChangedAuditEventType = gds(26);
  public static final ExpandedNodeId CertificateRequestedAuditEventType = gds(91);
  public static final ExpandedNodeId CertificateRequestedAuditEventType_CertificateGroup = gds(717);
  public static final ExpandedNodeId CertificateRequestedAuditEventType_CertificateType = gds(718);
  public static final ExpandedNodeId CertificateDeliveredAuditEventType = gds(109);
  public static final ExpandedNodeId CertificateDeliveredAuditEventType_CertificateGroup = gds(719);
  public static final ExpandedNodeId CertificateDeliveredAuditEventType_CertificateType = gds(720);
  public static final ExpandedNodeId CertificateRevokedAuditEventType = gds(27);
}
