package io.gdsvault.gds.opcua.server;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;

/**
 * The nodes of the OPC UA GDS NodeSet 1.05.07 (2026-05-01) that the GDS serves, as written by
 * {@code gds-server/src/main/scripts/generate_gds_nodeset.py}: generated, do not edit. Not served:
 * KeyCredentialManagement ({@code i=1008}) and AuthorizationServices ({@code i=959}).
 */
final class GdsNodeSetNodes {

  /** The NodeSet's model version. */
  static final String VERSION = "1.05.07";

  /** The NodeSet's publication date. */
  static final String PUBLICATION_DATE = "2026-05-01T00:00:00Z";

  private GdsNodeSetNodes() {}

  static List<NodeSpec> nodes() {
    List<NodeSpec> out = new ArrayList<>();
    part0(out);
    part1(out);
    part2(out);
    part3(out);
    part4(out);
    part5(out);
    part6(out);
    part7(out);
    part8(out);
    part9(out);
    part10(out);
    return out;
  }

  private static void part0(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:721",
            "1:http://opcfoundation.org/UA/GDS/",
            "http://opcfoundation.org/UA/GDS/",
            null,
            "46>1:722 46>1:723 46>1:724 46>1:725 46>1:726 46>1:727 46>1:728 46>1:862 46>1:863"
                + " 46>1:864 46>1:1756 !47>0:11715 40>0:11616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:722",
            "0:NamespaceUri",
            "NamespaceUri",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            "http://opcfoundation.org/UA/GDS/"));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:723",
            "0:NamespaceVersion",
            "NamespaceVersion",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            "1.05.07"));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:724",
            "0:NamespacePublicationDate",
            "NamespacePublicationDate",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:13",
            -1,
            "",
            1,
            -1,
            "",
            true,
            java.time.Instant.parse("2026-05-01T00:00:00Z")));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:725",
            "0:IsNamespaceSubset",
            "IsNamespaceSubset",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            false));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:726",
            "0:StaticNodeIdTypes",
            "StaticNodeIdTypes",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:256",
            1,
            "0",
            1,
            -1,
            "",
            true,
            new Integer[] {0}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:727",
            "0:StaticNumericNodeIdRange",
            "StaticNumericNodeIdRange",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:291",
            1,
            "0",
            1,
            -1,
            "",
            true,
            new String[] {"1:2147483647"}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:728",
            "0:StaticStringNodeIdPattern",
            "StaticStringNodeIdPattern",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            ""));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:862",
            "0:DefaultRolePermissions",
            "DefaultRolePermissions",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:96",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:863",
            "0:DefaultUserRolePermissions",
            "DefaultUserRolePermissions",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:96",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:864",
            "0:DefaultAccessRestrictions",
            "DefaultAccessRestrictions",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:95",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1756",
            "0:ModelVersion",
            "ModelVersion",
            null,
            "40>0:68 !46>1:721",
            false,
            "0:24263",
            -1,
            "",
            1,
            -1,
            "",
            true,
            "1.5.7"));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:1661",
            "1:DiscoveryAdmin",
            "DiscoveryAdmin",
            "This Role grants rights to register, update and unregister any OPC UA Application.",
            "46>1:1662 46>1:1663 46>1:1664 46>1:1665 46>1:1666 47>1:1668 47>1:1670 47>1:1672"
                + " 47>1:1674 47>1:1676 47>1:1678 !47>0:15606 40>0:15620",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1662",
            "0:Identities",
            "Identities",
            null,
            "40>0:68 !46>1:1661",
            false,
            "0:15634",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1663",
            "0:ApplicationsExclude",
            "ApplicationsExclude",
            null,
            "40>0:68 !46>1:1661",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1664",
            "0:Applications",
            "Applications",
            null,
            "40>0:68 !46>1:1661",
            false,
            "0:12",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1665",
            "0:EndpointsExclude",
            "EndpointsExclude",
            null,
            "40>0:68 !46>1:1661",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1666",
            "0:Endpoints",
            "Endpoints",
            null,
            "40>0:68 !46>1:1661",
            false,
            "0:15528",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1668",
            "0:AddIdentity",
            "AddIdentity",
            null,
            "46>1:1669 !47>1:1661",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1669",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1668",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1670",
            "0:RemoveIdentity",
            "RemoveIdentity",
            null,
            "46>1:1671 !47>1:1661",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1671",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1670",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1672",
            "0:AddApplication",
            "AddApplication",
            null,
            "46>1:1673 !47>1:1661",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1673",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1672",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1674",
            "0:RemoveApplication",
            "RemoveApplication",
            null,
            "46>1:1675 !47>1:1661",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1675",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1674",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1676",
            "0:AddEndpoint",
            "AddEndpoint",
            null,
            "46>1:1677 !47>1:1661",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1677",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1676",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1678",
            "0:RemoveEndpoint",
            "RemoveEndpoint",
            null,
            "46>1:1679 !47>1:1661",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1679",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1678",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:1680",
            "1:CertificateAuthorityAdmin",
            "CertificateAuthorityAdmin",
            "This Role grants rights to request or revoke any Certificate, update any TrustList or"
                + " assign CertificateGroups to OPC UA Applications.",
            "46>1:1681 46>1:1682 46>1:1683 46>1:1684 46>1:1685 47>1:1687 47>1:1689 47>1:1691"
                + " 47>1:1693 47>1:1695 47>1:1697 !47>0:15606 40>0:15620",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1681",
            "0:Identities",
            "Identities",
            null,
            "40>0:68 !46>1:1680",
            false,
            "0:15634",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1682",
            "0:ApplicationsExclude",
            "ApplicationsExclude",
            null,
            "40>0:68 !46>1:1680",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1683",
            "0:Applications",
            "Applications",
            null,
            "40>0:68 !46>1:1680",
            false,
            "0:12",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1684",
            "0:EndpointsExclude",
            "EndpointsExclude",
            null,
            "40>0:68 !46>1:1680",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1685",
            "0:Endpoints",
            "Endpoints",
            null,
            "40>0:68 !46>1:1680",
            false,
            "0:15528",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1687",
            "0:AddIdentity",
            "AddIdentity",
            null,
            "46>1:1688 !47>1:1680",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1688",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1687",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1689",
            "0:RemoveIdentity",
            "RemoveIdentity",
            null,
            "46>1:1690 !47>1:1680",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1690",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1689",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
  }

  private static void part1(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1691",
            "0:AddApplication",
            "AddApplication",
            null,
            "46>1:1692 !47>1:1680",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1692",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1691",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1693",
            "0:RemoveApplication",
            "RemoveApplication",
            null,
            "46>1:1694 !47>1:1680",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1694",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1693",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1695",
            "0:AddEndpoint",
            "AddEndpoint",
            null,
            "46>1:1696 !47>1:1680",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1696",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1695",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1697",
            "0:RemoveEndpoint",
            "RemoveEndpoint",
            null,
            "46>1:1698 !47>1:1680",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1698",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1697",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:1699",
            "1:RegistrationAuthorityAdmin",
            "RegistrationAuthorityAdmin",
            "This Role grants rights to approve Certificate Signing requests or NewKeyPair"
                + " requests.",
            "46>1:1700 46>1:1701 46>1:1702 46>1:1703 46>1:1704 47>1:1706 47>1:1708 47>1:1710"
                + " 47>1:1712 47>1:1714 47>1:1716 !47>0:15606 40>0:15620",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1700",
            "0:Identities",
            "Identities",
            null,
            "40>0:68 !46>1:1699",
            false,
            "0:15634",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1701",
            "0:ApplicationsExclude",
            "ApplicationsExclude",
            null,
            "40>0:68 !46>1:1699",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1702",
            "0:Applications",
            "Applications",
            null,
            "40>0:68 !46>1:1699",
            false,
            "0:12",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1703",
            "0:EndpointsExclude",
            "EndpointsExclude",
            null,
            "40>0:68 !46>1:1699",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1704",
            "0:Endpoints",
            "Endpoints",
            null,
            "40>0:68 !46>1:1699",
            false,
            "0:15528",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1706",
            "0:AddIdentity",
            "AddIdentity",
            null,
            "46>1:1707 !47>1:1699",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1707",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1706",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1708",
            "0:RemoveIdentity",
            "RemoveIdentity",
            null,
            "46>1:1709 !47>1:1699",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1709",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1708",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1710",
            "0:AddApplication",
            "AddApplication",
            null,
            "46>1:1711 !47>1:1699",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1711",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1710",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1712",
            "0:RemoveApplication",
            "RemoveApplication",
            null,
            "46>1:1713 !47>1:1699",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1713",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1712",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1714",
            "0:AddEndpoint",
            "AddEndpoint",
            null,
            "46>1:1715 !47>1:1699",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1715",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1714",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1716",
            "0:RemoveEndpoint",
            "RemoveEndpoint",
            null,
            "46>1:1717 !47>1:1699",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1717",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1716",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:1718",
            "1:KeyCredentialAdmin",
            "KeyCredentialAdmin",
            "This Role grants rights to request or revoke any KeyCredential.",
            "46>1:1719 46>1:1720 46>1:1721 46>1:1722 46>1:1723 47>1:1725 47>1:1727 47>1:1729"
                + " 47>1:1731 47>1:1733 47>1:1735 !47>0:15606 40>0:15620",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1719",
            "0:Identities",
            "Identities",
            null,
            "40>0:68 !46>1:1718",
            false,
            "0:15634",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1720",
            "0:ApplicationsExclude",
            "ApplicationsExclude",
            null,
            "40>0:68 !46>1:1718",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1721",
            "0:Applications",
            "Applications",
            null,
            "40>0:68 !46>1:1718",
            false,
            "0:12",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1722",
            "0:EndpointsExclude",
            "EndpointsExclude",
            null,
            "40>0:68 !46>1:1718",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1723",
            "0:Endpoints",
            "Endpoints",
            null,
            "40>0:68 !46>1:1718",
            false,
            "0:15528",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1725",
            "0:AddIdentity",
            "AddIdentity",
            null,
            "46>1:1726 !47>1:1718",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1726",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1725",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1727",
            "0:RemoveIdentity",
            "RemoveIdentity",
            null,
            "46>1:1728 !47>1:1718",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1728",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1727",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1729",
            "0:AddApplication",
            "AddApplication",
            null,
            "46>1:1730 !47>1:1718",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1730",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1729",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1731",
            "0:RemoveApplication",
            "RemoveApplication",
            null,
            "46>1:1732 !47>1:1718",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1732",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1731",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
  }

  private static void part2(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1733",
            "0:AddEndpoint",
            "AddEndpoint",
            null,
            "46>1:1734 !47>1:1718",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1734",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1733",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1735",
            "0:RemoveEndpoint",
            "RemoveEndpoint",
            null,
            "46>1:1736 !47>1:1718",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1736",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1735",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:1737",
            "1:AuthorizationServiceAdmin",
            "AuthorizationServiceAdmin",
            "This Role grants rights to request or revoke any KeyCredential.",
            "46>1:1738 46>1:1739 46>1:1740 46>1:1741 46>1:1742 47>1:1744 47>1:1746 47>1:1748"
                + " 47>1:1750 47>1:1752 47>1:1754 !47>0:15606 40>0:15620",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1738",
            "0:Identities",
            "Identities",
            null,
            "40>0:68 !46>1:1737",
            false,
            "0:15634",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1739",
            "0:ApplicationsExclude",
            "ApplicationsExclude",
            null,
            "40>0:68 !46>1:1737",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1740",
            "0:Applications",
            "Applications",
            null,
            "40>0:68 !46>1:1737",
            false,
            "0:12",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1741",
            "0:EndpointsExclude",
            "EndpointsExclude",
            null,
            "40>0:68 !46>1:1737",
            false,
            "0:1",
            -1,
            "",
            3,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1742",
            "0:Endpoints",
            "Endpoints",
            null,
            "40>0:68 !46>1:1737",
            false,
            "0:15528",
            1,
            "0",
            1,
            3,
            "0:15704=59391",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1744",
            "0:AddIdentity",
            "AddIdentity",
            null,
            "46>1:1745 !47>1:1737",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1745",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1744",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1746",
            "0:RemoveIdentity",
            "RemoveIdentity",
            null,
            "46>1:1747 !47>1:1737",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1747",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1746",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Rule", "0:15634", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1748",
            "0:AddApplication",
            "AddApplication",
            null,
            "46>1:1749 !47>1:1737",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1749",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1748",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1750",
            "0:RemoveApplication",
            "RemoveApplication",
            null,
            "46>1:1751 !47>1:1737",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1751",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1750",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1752",
            "0:AddEndpoint",
            "AddEndpoint",
            null,
            "46>1:1753 !47>1:1737",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1753",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1752",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1754",
            "0:RemoveEndpoint",
            "RemoveEndpoint",
            null,
            "46>1:1755 !47>1:1737",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15704=61455",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1755",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:1754",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15704=59391",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Endpoint", "0:15528", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.DataType,
            "1:1",
            "1:ApplicationRecordDataType",
            "ApplicationRecordDataType",
            null,
            "!45>0:22",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:13",
            "1:DirectoryType",
            "DirectoryType",
            null,
            "47>1:14 47>1:15 47>1:18 47>1:188 47>1:21 47>1:210 47>1:868 47>1:23 !45>0:61",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:14",
            "1:Applications",
            "Applications",
            null,
            "40>0:61 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:15",
            "1:FindApplications",
            "FindApplications",
            null,
            "46>1:16 46>1:17 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:16",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:15",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:17",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:15",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Applications", "1:1", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:18",
            "1:RegisterApplication",
            "RegisterApplication",
            null,
            "46>1:19 46>1:20 41>1:26 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:19",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:18",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Application", "1:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:20",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:18",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:188",
            "1:UpdateApplication",
            "UpdateApplication",
            null,
            "46>1:189 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:189",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:188",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Application", "1:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:21",
            "1:UnregisterApplication",
            "UnregisterApplication",
            null,
            "46>1:22 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:22",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:21",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:210",
            "1:GetApplication",
            "GetApplication",
            null,
            "46>1:211 46>1:212 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:211",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:210",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:212",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:210",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Application", "1:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:868",
            "1:QueryApplications",
            "QueryApplications",
            null,
            "46>1:869 46>1:870 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:869",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:868",
            false,
            "0:296",
            1,
            "7",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("StartingRecordId", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("MaxRecordsToReturn", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationName", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationType", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("ProductUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("Capabilities", "0:12", 1, "0", null)
            }));
  }

  private static void part3(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:870",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:868",
            false,
            "0:296",
            1,
            "3",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("LastCounterResetTime", "0:294", -1, "", null),
              new NodeSpec.ArgumentSpec("NextRecordId", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Applications", "0:308", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:23",
            "1:QueryServers",
            "QueryServers",
            null,
            "46>1:24 46>1:25 37>0:78 !47>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:24",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:23",
            false,
            "0:296",
            1,
            "6",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("StartingRecordId", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("MaxRecordsToReturn", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationName", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ProductUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ServerCapabilities", "0:12", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:25",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:23",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("LastCounterResetTime", "0:294", -1, "", null),
              new NodeSpec.ArgumentSpec("Servers", "0:12189", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:26",
            "1:ApplicationRegistrationChangedAuditEventType",
            "ApplicationRegistrationChangedAuditEventType",
            null,
            "!45>0:2127",
            true,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:63",
            "1:CertificateDirectoryType",
            "CertificateDirectoryType",
            null,
            "35>1:511 47>1:79 47>1:76 47>1:85 47>1:15003 47>1:369 47>1:89 47>1:197 47>1:222"
                + " 47>1:126 !45>1:13",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:511",
            "1:CertificateGroups",
            "CertificateGroups",
            null,
            "47>1:512 40>0:13813 37>0:78 !35>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:512",
            "0:DefaultApplicationGroup",
            "DefaultApplicationGroup",
            null,
            "47>1:513 46>1:545 9006>0:13225 9006>0:19297 40>0:12555 37>0:78 !47>1:511",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:513",
            "0:TrustList",
            "TrustList",
            null,
            "46>1:514 46>1:515 46>1:516 46>1:517 47>1:519 47>1:522 47>1:524 47>1:527 47>1:529"
                + " 47>1:532 46>1:534 47>1:535 47>1:538 47>1:541 47>1:543 40>0:12522 37>0:78"
                + " !47>1:512",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:514",
            "0:Size",
            "Size",
            null,
            "40>0:68 37>0:78 !46>1:513",
            false,
            "0:9",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:515",
            "0:Writable",
            "Writable",
            null,
            "40>0:68 37>0:78 !46>1:513",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:516",
            "0:UserWritable",
            "UserWritable",
            null,
            "40>0:68 37>0:78 !46>1:513",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:517",
            "0:OpenCount",
            "OpenCount",
            null,
            "40>0:68 37>0:78 !46>1:513",
            false,
            "0:5",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:519",
            "0:Open",
            "Open",
            null,
            "46>1:520 46>1:521 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:520",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:519",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Mode", "0:3", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:521",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:519",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:522",
            "0:Close",
            "Close",
            null,
            "46>1:523 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:523",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:522",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:524",
            "0:Read",
            "Read",
            null,
            "46>1:525 46>1:526 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:525",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:524",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Length", "0:6", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:526",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:524",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:527",
            "0:Write",
            "Write",
            null,
            "46>1:528 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:528",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:527",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:529",
            "0:GetPosition",
            "GetPosition",
            null,
            "46>1:530 46>1:531 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:530",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:529",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:531",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:529",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:532",
            "0:SetPosition",
            "SetPosition",
            null,
            "46>1:533 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:533",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:532",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:534",
            "0:LastUpdateTime",
            "LastUpdateTime",
            null,
            "40>0:68 37>0:78 !46>1:513",
            false,
            "0:294",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:535",
            "0:OpenWithMasks",
            "OpenWithMasks",
            null,
            "46>1:536 46>1:537 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:536",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:535",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Masks", "0:7", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:537",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:535",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:538",
            "0:CloseAndUpdate",
            "CloseAndUpdate",
            null,
            "46>1:539 46>1:540 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:539",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:538",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:540",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:538",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplyChangesRequired", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:541",
            "0:AddCertificate",
            "AddCertificate",
            null,
            "46>1:542 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:542",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:541",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:543",
            "0:RemoveCertificate",
            "RemoveCertificate",
            null,
            "46>1:544 37>0:78 !47>1:513",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:544",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:543",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Thumbprint", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:545",
            "0:CertificateTypes",
            "CertificateTypes",
            null,
            "40>0:68 37>0:78 !46>1:512",
            false,
            "0:17",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
  }

  private static void part4(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:79",
            "1:StartSigningRequest",
            "StartSigningRequest",
            null,
            "46>1:80 46>1:81 37>0:78 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:80",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:79",
            false,
            "0:296",
            1,
            "4",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateTypeId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateRequest", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:81",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:79",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:76",
            "1:StartNewKeyPairRequest",
            "StartNewKeyPairRequest",
            null,
            "46>1:77 46>1:78 37>0:78 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:77",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:76",
            false,
            "0:296",
            1,
            "7",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateTypeId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("SubjectName", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("DomainNames", "0:12", 1, "0", null),
              new NodeSpec.ArgumentSpec("PrivateKeyFormat", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("PrivateKeyPassword", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:78",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:76",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:85",
            "1:FinishRequest",
            "FinishRequest",
            null,
            "46>1:86 46>1:87 37>0:78 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:86",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:85",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:87",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:85",
            false,
            "0:296",
            1,
            "3",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("PrivateKey", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("IssuerCertificates", "0:15", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:15003",
            "1:RevokeCertificate",
            "RevokeCertificate",
            null,
            "46>1:15004 37>0:80 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:15004",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:15003",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:369",
            "1:GetCertificateGroups",
            "GetCertificateGroups",
            null,
            "46>1:370 46>1:371 37>0:78 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:370",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:369",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:371",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:369",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CertificateGroupIds", "0:17", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:89",
            "1:GetCertificates",
            "GetCertificates",
            null,
            "46>1:90 46>1:108 37>0:80 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:90",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:89",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:108",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:89",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CertificateTypeIds", "0:17", 1, "0", null),
              new NodeSpec.ArgumentSpec("Certificates", "0:15", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:197",
            "1:GetTrustList",
            "GetTrustList",
            null,
            "46>1:198 46>1:199 37>0:78 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:198",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:197",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:199",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:197",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("TrustListId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:222",
            "1:GetCertificateStatus",
            "GetCertificateStatus",
            null,
            "46>1:223 46>1:224 37>0:78 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:223",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:222",
            false,
            "0:296",
            1,
            "3",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateTypeId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:224",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:222",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("UpdateRequired", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:126",
            "1:CheckRevocationStatus",
            "CheckRevocationStatus",
            null,
            "46>1:160 46>1:161 37>0:80 !47>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:160",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:126",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:161",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:126",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CertificateStatus", "0:19", -1, "", null),
              new NodeSpec.ArgumentSpec("ValidityTime", "0:294", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:91",
            "1:CertificateRequestedAuditEventType",
            "CertificateRequestedAuditEventType",
            null,
            "46>1:717 46>1:718 !45>0:2127",
            true,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:717",
            "1:CertificateGroup",
            "CertificateGroup",
            null,
            "40>0:68 37>0:78 !46>1:91",
            false,
            "0:17",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:718",
            "1:CertificateType",
            "CertificateType",
            null,
            "40>0:68 37>0:78 !46>1:91",
            false,
            "0:17",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:109",
            "1:CertificateDeliveredAuditEventType",
            "CertificateDeliveredAuditEventType",
            null,
            "46>1:719 46>1:720 !45>0:2127",
            true,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:719",
            "1:CertificateGroup",
            "CertificateGroup",
            null,
            "40>0:68 37>0:78 !46>1:109",
            false,
            "0:17",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:720",
            "1:CertificateType",
            "CertificateType",
            null,
            "40>0:68 37>0:78 !46>1:109",
            false,
            "0:17",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:27",
            "1:CertificateRevokedAuditEventType",
            "CertificateRevokedAuditEventType",
            null,
            "!45>0:2127",
            true,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:55",
            "1:KeyCredentialManagementFolderType",
            "KeyCredentialManagementFolderType",
            null,
            "47>1:61 !45>0:61",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:61",
            "1:<ServiceName>",
            "<ServiceName>",
            null,
            "46>1:83 46>1:162 47>1:168 47>1:196 40>1:1020 37>0:11508 !47>1:55",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:83",
            "1:ResourceUri",
            "ResourceUri",
            null,
            "40>0:68 37>0:78 !46>1:61",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:162",
            "1:ProfileUris",
            "ProfileUris",
            null,
            "40>0:68 37>0:78 !46>1:61",
            false,
            "0:12",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:168",
            "1:StartRequest",
            "StartRequest",
            null,
            "46>1:171 46>1:195 37>0:78 !47>1:61",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:171",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:168",
            false,
            "0:296",
            1,
            "4",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("PublicKey", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("SecurityPolicyUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("RequestedRoles", "0:17", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:195",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:168",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
  }

  private static void part5(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:196",
            "1:FinishRequest",
            "FinishRequest",
            null,
            "46>1:202 46>1:203 37>0:78 !47>1:61",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:202",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:196",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CancelRequest", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:203",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:196",
            false,
            "0:296",
            1,
            "5",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CredentialId", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("CredentialSecret", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateThumbprint", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("SecurityPolicyUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("GrantedRoles", "0:17", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:1020",
            "1:KeyCredentialServiceType",
            "KeyCredentialServiceType",
            null,
            "46>1:1021 46>1:1022 46>1:495 47>1:1023 47>1:1026 47>1:1029 !45>0:58",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1021",
            "1:ResourceUri",
            "ResourceUri",
            null,
            "40>0:68 37>0:78 !46>1:1020",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1022",
            "1:ProfileUris",
            "ProfileUris",
            null,
            "40>0:68 37>0:78 !46>1:1020",
            false,
            "0:12",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:495",
            "1:SecurityPolicyUris",
            "SecurityPolicyUris",
            null,
            "40>0:68 37>0:80 !46>1:1020",
            false,
            "0:12",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1023",
            "1:StartRequest",
            "StartRequest",
            null,
            "46>1:1024 46>1:1025 37>0:78 !47>1:1020",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1024",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:1023",
            false,
            "0:296",
            1,
            "4",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("PublicKey", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("SecurityPolicyUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("RequestedRoles", "0:17", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1025",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:1023",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1026",
            "1:FinishRequest",
            "FinishRequest",
            null,
            "46>1:1027 46>1:1028 37>0:78 !47>1:1020",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1027",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:1026",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CancelRequest", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1028",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:1026",
            false,
            "0:296",
            1,
            "5",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CredentialId", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("CredentialSecret", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateThumbprint", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("SecurityPolicyUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("GrantedRoles", "0:17", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1029",
            "1:Revoke",
            "Revoke",
            null,
            "46>1:1030 37>0:80 !47>1:1020",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1030",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:1029",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CredentialId", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:1039",
            "1:KeyCredentialRequestedAuditEventType",
            "KeyCredentialRequestedAuditEventType",
            null,
            "!45>0:18011",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:1057",
            "1:KeyCredentialDeliveredAuditEventType",
            "KeyCredentialDeliveredAuditEventType",
            null,
            "!45>0:18011",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:1075",
            "1:KeyCredentialRevokedAuditEventType",
            "KeyCredentialRevokedAuditEventType",
            null,
            "!45>0:18011",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:233",
            "1:AuthorizationServicesFolderType",
            "AuthorizationServicesFolderType",
            null,
            "35>1:234 !45>0:61",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:234",
            "1:<ServiceName>",
            "<ServiceName>",
            null,
            "46>1:235 46>1:236 47>1:238 41>1:111 41>1:975 40>1:966 37>0:11508 !35>1:233",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:235",
            "1:ServiceUri",
            "ServiceUri",
            null,
            "40>0:68 37>0:78 !46>1:234",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:236",
            "1:ServiceCertificate",
            "ServiceCertificate",
            null,
            "40>0:68 37>0:78 !46>1:234",
            false,
            "0:15",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:238",
            "1:GetServiceDescription",
            "GetServiceDescription",
            null,
            "46>1:239 37>0:78 !47>1:234",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:239",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:238",
            false,
            "0:296",
            1,
            "3",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ServiceUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ServiceCertificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("UserTokenPolicies", "0:304", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:966",
            "1:AuthorizationServiceType",
            "AuthorizationServiceType",
            null,
            "46>1:1003 46>1:968 46>1:967 46>1:110 47>1:1004 47>1:969 47>1:95 47>1:98 47>1:64"
                + " 41>1:111 41>1:975 !45>0:58",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1003",
            "1:ServiceUri",
            "ServiceUri",
            null,
            "40>0:68 37>0:78 !46>1:966",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:968",
            "1:ServiceCertificate",
            "ServiceCertificate",
            null,
            "40>0:68 37>0:78 !46>1:966",
            false,
            "0:15",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:967",
            "1:UserTokenPolicies",
            "UserTokenPolicies",
            null,
            "40>0:68 37>0:80 !46>1:966",
            false,
            "0:304",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:110",
            "1:SupportedRoles",
            "SupportedRoles",
            null,
            "40>0:68 37>0:80 !46>1:966",
            false,
            "0:12",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:1004",
            "1:GetServiceDescription",
            "GetServiceDescription",
            null,
            "46>1:1005 37>0:78 !47>1:966",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:1005",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:1004",
            false,
            "0:296",
            1,
            "3",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ServiceUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ServiceCertificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("UserTokenPolicies", "0:304", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:969",
            "1:RequestAccessToken",
            "RequestAccessToken",
            null,
            "46>1:970 46>1:971 37>0:80 !47>1:966",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:970",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:969",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("IdentityToken", "0:316", -1, "", null),
              new NodeSpec.ArgumentSpec("ResourceId", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:971",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:969",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("AccessToken", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:95",
            "1:StartRequestToken",
            "StartRequestToken",
            null,
            "46>1:96 46>1:97 37>0:80 !47>1:966",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:96",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:95",
            false,
            "0:296",
            1,
            "3",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ResourceId", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("PolicyId", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("RequestorData", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:97",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:95",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ServiceData", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("RequestId", "0:14", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:98",
            "1:FinishRequestToken",
            "FinishRequestToken",
            null,
            "46>1:99 46>1:100 37>0:80 !47>1:966",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:99",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:98",
            false,
            "0:296",
            1,
            "4",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:14", -1, "", null),
              new NodeSpec.ArgumentSpec("RequestedRoles", "0:12", 1, "0", null),
              new NodeSpec.ArgumentSpec("UserIdentityToken", "0:316", -1, "", null),
              new NodeSpec.ArgumentSpec("UserTokenSignature", "0:456", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:100",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:98",
            false,
            "0:296",
            1,
            "4",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("AccessToken", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("AccessTokenExpiryTime", "0:13", -1, "", null),
              new NodeSpec.ArgumentSpec("RefreshToken", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("RefreshTokenExpiryTime", "0:13", -1, "", null)
            }));
  }

  private static void part6(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:64",
            "1:RefreshToken",
            "RefreshToken",
            null,
            "46>1:65 46>1:66 37>0:80 !47>1:966",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:65",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 37>0:78 !46>1:64",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ResourceId", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("CurrentRefreshToken", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:66",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 37>0:78 !46>1:64",
            false,
            "0:296",
            1,
            "4",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("AccessToken", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("AccessTokenExpiryTime", "0:13", -1, "", null),
              new NodeSpec.ArgumentSpec("NewRefreshToken", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("NewRefreshTokenExpiryTime", "0:13", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:111",
            "1:AccessTokenRequestedAuditEventType",
            "AccessTokenRequestedAuditEventType",
            null,
            "!45>0:2127",
            true,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.ObjectType,
            "1:975",
            "1:AccessTokenIssuedAuditEventType",
            "AccessTokenIssuedAuditEventType",
            null,
            "!45>0:2127",
            true,
            null,
            -1,
            "",
            1,
            -1,
            "0:15644=33 0:15704=2081",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:141",
            "1:Directory",
            "Directory",
            null,
            "47>1:142 47>1:143 47>1:146 47>1:200 47>1:149 47>1:216 47>1:992 47>1:151 35>1:614"
                + " 47>1:157 47>1:154 47>1:163 47>1:15005 47>1:508 47>1:174 47>1:204 47>1:225"
                + " 47>1:177 !35>0:85 40>1:63",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:142",
            "1:Applications",
            "Applications",
            null,
            "40>0:61 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:143",
            "1:FindApplications",
            "FindApplications",
            null,
            "46>1:144 46>1:145 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:144",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:143",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:145",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:143",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Applications", "1:1", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:146",
            "1:RegisterApplication",
            "RegisterApplication",
            null,
            "46>1:147 46>1:148 41>1:26 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=4097 1:1661=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:147",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:146",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1661=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Application", "1:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:148",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:146",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1661=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:200",
            "1:UpdateApplication",
            "UpdateApplication",
            null,
            "46>1:201 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=4097 1:1661=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:201",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:200",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1661=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Application", "1:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:149",
            "1:UnregisterApplication",
            "UnregisterApplication",
            null,
            "46>1:150 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=4097 1:1661=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:150",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:149",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1661=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:216",
            "1:GetApplication",
            "GetApplication",
            null,
            "46>1:217 46>1:218 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:217",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:216",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:218",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:216",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Application", "1:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:992",
            "1:QueryApplications",
            "QueryApplications",
            null,
            "46>1:993 46>1:994 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:993",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:992",
            false,
            "0:296",
            1,
            "7",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("StartingRecordId", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("MaxRecordsToReturn", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationName", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationType", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("ProductUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("Capabilities", "0:12", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:994",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:992",
            false,
            "0:296",
            1,
            "3",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("LastCounterResetTime", "0:294", -1, "", null),
              new NodeSpec.ArgumentSpec("NextRecordId", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Applications", "0:308", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:151",
            "1:QueryServers",
            "QueryServers",
            null,
            "46>1:152 46>1:153 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:152",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:151",
            false,
            "0:296",
            1,
            "6",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("StartingRecordId", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("MaxRecordsToReturn", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationName", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ApplicationUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ProductUri", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("ServerCapabilities", "0:12", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:153",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:151",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("LastCounterResetTime", "0:294", -1, "", null),
              new NodeSpec.ArgumentSpec("Servers", "0:12189", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:614",
            "1:CertificateGroups",
            "CertificateGroups",
            null,
            "47>1:615 47>1:649 47>1:683 40>0:13813 !35>1:141",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:615",
            "0:DefaultApplicationGroup",
            "DefaultApplicationGroup",
            null,
            "47>1:616 46>1:648 9006>0:13225 9006>0:19297 40>0:12555 !47>1:614",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:616",
            "0:TrustList",
            "TrustList",
            null,
            "46>1:617 46>1:618 46>1:619 46>1:620 47>1:622 47>1:625 47>1:627 47>1:630 47>1:632"
                + " 47>1:635 46>1:637 47>1:638 47>1:641 47>1:644 47>1:646 40>0:12522 !47>1:615",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:617",
            "0:Size",
            "Size",
            null,
            "40>0:68 !46>1:616",
            false,
            "0:9",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:618",
            "0:Writable",
            "Writable",
            null,
            "40>0:68 !46>1:616",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:619",
            "0:UserWritable",
            "UserWritable",
            null,
            "40>0:68 !46>1:616",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:620",
            "0:OpenCount",
            "OpenCount",
            null,
            "40>0:68 !46>1:616",
            false,
            "0:5",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:622",
            "0:Open",
            "Open",
            null,
            "46>1:623 46>1:624 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:623",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:622",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Mode", "0:3", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:624",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:622",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:625",
            "0:Close",
            "Close",
            null,
            "46>1:626 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:626",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:625",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:627",
            "0:Read",
            "Read",
            null,
            "46>1:628 46>1:629 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:628",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:627",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Length", "0:6", -1, "", null)
            }));
  }

  private static void part7(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:629",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:627",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:630",
            "0:Write",
            "Write",
            null,
            "46>1:631 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:631",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:630",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:632",
            "0:GetPosition",
            "GetPosition",
            null,
            "46>1:633 46>1:634 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:633",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:632",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:634",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:632",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:635",
            "0:SetPosition",
            "SetPosition",
            null,
            "46>1:636 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:636",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:635",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:637",
            "0:LastUpdateTime",
            "LastUpdateTime",
            null,
            "40>0:68 !46>1:616",
            false,
            "0:294",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:638",
            "0:OpenWithMasks",
            "OpenWithMasks",
            null,
            "46>1:639 46>1:640 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:639",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:638",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Masks", "0:7", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:640",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:638",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:641",
            "0:CloseAndUpdate",
            "CloseAndUpdate",
            null,
            "46>1:642 46>1:643 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:642",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:641",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:643",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:641",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplyChangesRequired", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:644",
            "0:AddCertificate",
            "AddCertificate",
            null,
            "46>1:645 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:645",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:644",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:646",
            "0:RemoveCertificate",
            "RemoveCertificate",
            null,
            "46>1:647 !47>1:616",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:647",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:646",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Thumbprint", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:648",
            "0:CertificateTypes",
            "CertificateTypes",
            null,
            "40>0:68 !46>1:615",
            false,
            "0:17",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:649",
            "0:DefaultHttpsGroup",
            "DefaultHttpsGroup",
            null,
            "47>1:650 46>1:682 9006>0:13225 9006>0:19297 40>0:12555 !47>1:614",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:650",
            "0:TrustList",
            "TrustList",
            null,
            "46>1:651 46>1:652 46>1:653 46>1:654 47>1:656 47>1:659 47>1:661 47>1:664 47>1:666"
                + " 47>1:669 46>1:671 47>1:672 47>1:675 47>1:678 47>1:680 40>0:12522 !47>1:649",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:651",
            "0:Size",
            "Size",
            null,
            "40>0:68 !46>1:650",
            false,
            "0:9",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:652",
            "0:Writable",
            "Writable",
            null,
            "40>0:68 !46>1:650",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:653",
            "0:UserWritable",
            "UserWritable",
            null,
            "40>0:68 !46>1:650",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:654",
            "0:OpenCount",
            "OpenCount",
            null,
            "40>0:68 !46>1:650",
            false,
            "0:5",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:656",
            "0:Open",
            "Open",
            null,
            "46>1:657 46>1:658 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:657",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:656",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Mode", "0:3", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:658",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:656",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:659",
            "0:Close",
            "Close",
            null,
            "46>1:660 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:660",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:659",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:661",
            "0:Read",
            "Read",
            null,
            "46>1:662 46>1:663 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:662",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:661",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Length", "0:6", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:663",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:661",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:664",
            "0:Write",
            "Write",
            null,
            "46>1:665 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:665",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:664",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:666",
            "0:GetPosition",
            "GetPosition",
            null,
            "46>1:667 46>1:668 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:667",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:666",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:668",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:666",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:669",
            "0:SetPosition",
            "SetPosition",
            null,
            "46>1:670 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
  }

  private static void part8(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:670",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:669",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:671",
            "0:LastUpdateTime",
            "LastUpdateTime",
            null,
            "40>0:68 !46>1:650",
            false,
            "0:294",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:672",
            "0:OpenWithMasks",
            "OpenWithMasks",
            null,
            "46>1:673 46>1:674 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:673",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:672",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Masks", "0:7", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:674",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:672",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:675",
            "0:CloseAndUpdate",
            "CloseAndUpdate",
            null,
            "46>1:676 46>1:677 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:676",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:675",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:677",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:675",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplyChangesRequired", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:678",
            "0:AddCertificate",
            "AddCertificate",
            null,
            "46>1:679 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:679",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:678",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:680",
            "0:RemoveCertificate",
            "RemoveCertificate",
            null,
            "46>1:681 !47>1:650",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:681",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:680",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Thumbprint", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:682",
            "0:CertificateTypes",
            "CertificateTypes",
            null,
            "40>0:68 !46>1:649",
            false,
            "0:17",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:683",
            "0:DefaultUserTokenGroup",
            "DefaultUserTokenGroup",
            null,
            "47>1:684 46>1:716 9006>0:13225 9006>0:19297 40>0:12555 !47>1:614",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:684",
            "0:TrustList",
            "TrustList",
            null,
            "46>1:685 46>1:686 46>1:687 46>1:688 47>1:690 47>1:693 47>1:695 47>1:698 47>1:700"
                + " 47>1:703 46>1:705 47>1:706 47>1:709 47>1:712 47>1:714 40>0:12522 !47>1:683",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:685",
            "0:Size",
            "Size",
            null,
            "40>0:68 !46>1:684",
            false,
            "0:9",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:686",
            "0:Writable",
            "Writable",
            null,
            "40>0:68 !46>1:684",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:687",
            "0:UserWritable",
            "UserWritable",
            null,
            "40>0:68 !46>1:684",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:688",
            "0:OpenCount",
            "OpenCount",
            null,
            "40>0:68 !46>1:684",
            false,
            "0:5",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:690",
            "0:Open",
            "Open",
            null,
            "46>1:691 46>1:692 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:691",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:690",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Mode", "0:3", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:692",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:690",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:693",
            "0:Close",
            "Close",
            null,
            "46>1:694 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:694",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:693",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:695",
            "0:Read",
            "Read",
            null,
            "46>1:696 46>1:697 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:696",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:695",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Length", "0:6", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:697",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:695",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:698",
            "0:Write",
            "Write",
            null,
            "46>1:699 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:699",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:698",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Data", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:700",
            "0:GetPosition",
            "GetPosition",
            null,
            "46>1:701 46>1:702 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:701",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:700",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:702",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:700",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:703",
            "0:SetPosition",
            "SetPosition",
            null,
            "46>1:704 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:704",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:703",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null),
              new NodeSpec.ArgumentSpec("Position", "0:9", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:705",
            "0:LastUpdateTime",
            "LastUpdateTime",
            null,
            "40>0:68 !46>1:684",
            false,
            "0:294",
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:706",
            "0:OpenWithMasks",
            "OpenWithMasks",
            null,
            "46>1:707 46>1:708 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:707",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:706",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {new NodeSpec.ArgumentSpec("Masks", "0:7", -1, "", null)}));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:708",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:706",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:709",
            "0:CloseAndUpdate",
            "CloseAndUpdate",
            null,
            "46>1:710 46>1:711 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:710",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:709",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("FileHandle", "0:7", -1, "", null)
            }));
  }

  private static void part9(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:711",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:709",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplyChangesRequired", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:712",
            "0:AddCertificate",
            "AddCertificate",
            null,
            "46>1:713 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:713",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:712",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:714",
            "0:RemoveCertificate",
            "RemoveCertificate",
            null,
            "46>1:715 !47>1:684",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:715",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:714",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Thumbprint", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("IsTrustedCertificate", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:716",
            "0:CertificateTypes",
            "CertificateTypes",
            null,
            "40>0:68 !46>1:683",
            false,
            "0:17",
            1,
            "0",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:157",
            "1:StartSigningRequest",
            "StartSigningRequest",
            null,
            "46>1:158 46>1:159 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:158",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:157",
            false,
            "0:296",
            1,
            "4",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateTypeId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateRequest", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:159",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:157",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:154",
            "1:StartNewKeyPairRequest",
            "StartNewKeyPairRequest",
            null,
            "46>1:155 46>1:156 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:155",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:154",
            false,
            "0:296",
            1,
            "7",
            1,
            3,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateTypeId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("SubjectName", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("DomainNames", "0:12", 1, "0", null),
              new NodeSpec.ArgumentSpec("PrivateKeyFormat", "0:12", -1, "", null),
              new NodeSpec.ArgumentSpec("PrivateKeyPassword", "0:12", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:156",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:154",
            false,
            "0:296",
            1,
            "1",
            1,
            3,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:163",
            "1:FinishRequest",
            "FinishRequest",
            null,
            "46>1:164 46>1:165 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            3,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:164",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:163",
            false,
            "0:296",
            1,
            "2",
            1,
            3,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("RequestId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:165",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:163",
            false,
            "0:296",
            1,
            "3",
            1,
            3,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("PrivateKey", "0:15", -1, "", null),
              new NodeSpec.ArgumentSpec("IssuerCertificates", "0:15", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:15005",
            "1:RevokeCertificate",
            "RevokeCertificate",
            null,
            "46>1:15006 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:15006",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:15005",
            false,
            "0:296",
            1,
            "2",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:508",
            "1:GetCertificateGroups",
            "GetCertificateGroups",
            null,
            "46>1:509 46>1:510 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:509",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:508",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:510",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:508",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CertificateGroupIds", "0:17", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:174",
            "1:GetCertificates",
            "GetCertificates",
            null,
            "46>1:175 46>1:176 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:175",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:174",
            false,
            "0:296",
            1,
            "2",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:176",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:174",
            false,
            "0:296",
            1,
            "2",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CertificateTypeIds", "0:17", 1, "0", null),
              new NodeSpec.ArgumentSpec("Certificates", "0:15", 1, "0", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:204",
            "1:GetTrustList",
            "GetTrustList",
            null,
            "46>1:205 46>1:206 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:205",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:204",
            false,
            "0:296",
            1,
            "2",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:206",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:204",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("TrustListId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:225",
            "1:GetCertificateStatus",
            "GetCertificateStatus",
            null,
            "46>1:226 46>1:227 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            1,
            "0:15644=1 1:1680=4097",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:226",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:225",
            false,
            "0:296",
            1,
            "3",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("ApplicationId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateGroupId", "0:17", -1, "", null),
              new NodeSpec.ArgumentSpec("CertificateTypeId", "0:17", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:227",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:225",
            false,
            "0:296",
            1,
            "1",
            1,
            1,
            "0:15644=1 1:1680=1",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("UpdateRequired", "0:1", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Method,
            "1:177",
            "1:CheckRevocationStatus",
            "CheckRevocationStatus",
            null,
            "46>1:178 46>1:179 !47>1:141",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:178",
            "0:InputArguments",
            "InputArguments",
            null,
            "40>0:68 !46>1:177",
            false,
            "0:296",
            1,
            "1",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("Certificate", "0:15", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:179",
            "0:OutputArguments",
            "OutputArguments",
            null,
            "40>0:68 !46>1:177",
            false,
            "0:296",
            1,
            "2",
            1,
            -1,
            "",
            true,
            new NodeSpec.ArgumentSpec[] {
              new NodeSpec.ArgumentSpec("CertificateStatus", "0:19", -1, "", null),
              new NodeSpec.ArgumentSpec("ValidityTime", "0:294", -1, "", null)
            }));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:134",
            "0:Default Binary",
            "Default Binary",
            null,
            "!38>1:1 39>1:138 40>0:76",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:135",
            "1:Opc.Ua.Gds",
            "Opc.Ua.Gds",
            null,
            "46>1:137 46>1:8002 47>1:138 !47>0:93 40>0:72",
            false,
            "0:15",
            -1,
            "",
            1,
            -1,
            "",
            true,
            new NodeSpec.Base64Value(
                "PG9wYzpUeXBlRGljdGlvbmFyeQ0KICB4bWxuczpvcGM9Imh0dHA6Ly9vcGNmb3VuZGF0aW9uLm9yZy9C"
                    + "aW5hcnlTY2hlbWEvIg0KICB4bWxuczp4c2k9Imh0dHA6Ly93d3cudzMub3JnLzIwMDEvWE1MU2NoZW1h"
                    + "LWluc3RhbmNlIg0KICB4bWxuczp1YT0iaHR0cDovL29wY2ZvdW5kYXRpb24ub3JnL1VBLyINCiAgeG1s"
                    + "bnM6dG5zPSJodHRwOi8vb3BjZm91bmRhdGlvbi5vcmcvVUEvR0RTLyINCiAgRGVmYXVsdEJ5dGVPcmRl"
                    + "cj0iTGl0dGxlRW5kaWFuIg0KICBUYXJnZXROYW1lc3BhY2U9Imh0dHA6Ly9vcGNmb3VuZGF0aW9uLm9y"
                    + "Zy9VQS9HRFMvIg0KPg0KICA8b3BjOkltcG9ydCBOYW1lc3BhY2U9Imh0dHA6Ly9vcGNmb3VuZGF0aW9u"
                    + "Lm9yZy9VQS8iIExvY2F0aW9uPSJPcGMuVWEuQmluYXJ5U2NoZW1hLmJzZCIvPg0KDQogIDxvcGM6U3Ry"
                    + "dWN0dXJlZFR5cGUgTmFtZT0iQXBwbGljYXRpb25SZWNvcmREYXRhVHlwZSIgQmFzZVR5cGU9InVhOkV4"
                    + "dGVuc2lvbk9iamVjdCI+DQogICAgPG9wYzpGaWVsZCBOYW1lPSJBcHBsaWNhdGlvbklkIiBUeXBlTmFt"
                    + "ZT0idWE6Tm9kZUlkIiAvPg0KICAgIDxvcGM6RmllbGQgTmFtZT0iQXBwbGljYXRpb25VcmkiIFR5cGVO"
                    + "YW1lPSJvcGM6U3RyaW5nIiAvPg0KICAgIDxvcGM6RmllbGQgTmFtZT0iQXBwbGljYXRpb25UeXBlIiBU"
                    + "eXBlTmFtZT0idWE6QXBwbGljYXRpb25UeXBlIiAvPg0KICAgIDxvcGM6RmllbGQgTmFtZT0iTm9PZkFw"
                    + "cGxpY2F0aW9uTmFtZXMiIFR5cGVOYW1lPSJvcGM6SW50MzIiIC8+DQogICAgPG9wYzpGaWVsZCBOYW1l"
                    + "PSJBcHBsaWNhdGlvbk5hbWVzIiBUeXBlTmFtZT0idWE6TG9jYWxpemVkVGV4dCIgTGVuZ3RoRmllbGQ9"
                    + "Ik5vT2ZBcHBsaWNhdGlvbk5hbWVzIiAvPg0KICAgIDxvcGM6RmllbGQgTmFtZT0iUHJvZHVjdFVyaSIg"
                    + "VHlwZU5hbWU9Im9wYzpTdHJpbmciIC8+DQogICAgPG9wYzpGaWVsZCBOYW1lPSJOb09mRGlzY292ZXJ5"
                    + "VXJscyIgVHlwZU5hbWU9Im9wYzpJbnQzMiIgLz4NCiAgICA8b3BjOkZpZWxkIE5hbWU9IkRpc2NvdmVy"
                    + "eVVybHMiIFR5cGVOYW1lPSJvcGM6U3RyaW5nIiBMZW5ndGhGaWVsZD0iTm9PZkRpc2NvdmVyeVVybHMi"
                    + "IC8+DQogICAgPG9wYzpGaWVsZCBOYW1lPSJOb09mU2VydmVyQ2FwYWJpbGl0aWVzIiBUeXBlTmFtZT0i"
                    + "b3BjOkludDMyIiAvPg0KICAgIDxvcGM6RmllbGQgTmFtZT0iU2VydmVyQ2FwYWJpbGl0aWVzIiBUeXBl"
                    + "TmFtZT0ib3BjOlN0cmluZyIgTGVuZ3RoRmllbGQ9Ik5vT2ZTZXJ2ZXJDYXBhYmlsaXRpZXMiIC8+DQog"
                    + "IDwvb3BjOlN0cnVjdHVyZWRUeXBlPg0KDQo8L29wYzpUeXBlRGljdGlvbmFyeT4=")));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:137",
            "0:NamespaceUri",
            "NamespaceUri",
            null,
            "40>0:68 !46>1:135",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            "http://opcfoundation.org/UA/GDS/"));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:8002",
            "0:Deprecated",
            "Deprecated",
            null,
            "40>0:68 !46>1:135",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            true));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:138",
            "1:ApplicationRecordDataType",
            "ApplicationRecordDataType",
            null,
            "40>0:69 !47>1:135",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            "ApplicationRecordDataType"));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:127",
            "0:Default XML",
            "Default XML",
            null,
            "!38>1:1 39>1:131 40>0:76",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:128",
            "1:Opc.Ua.Gds",
            "Opc.Ua.Gds",
            null,
            "46>1:130 46>1:8004 47>1:131 !47>0:92 40>0:72",
            false,
            "0:15",
            -1,
            "",
            1,
            -1,
            "",
            true,
            new NodeSpec.Base64Value(
                "PHhzOnNjaGVtYQ0KICB4bWxuczp4cz0iaHR0cDovL3d3dy53My5vcmcvMjAwMS9YTUxTY2hlbWEiDQog"
                    + "IHhtbG5zOnVhPSJodHRwOi8vb3BjZm91bmRhdGlvbi5vcmcvVUEvMjAwOC8wMi9UeXBlcy54c2QiDQog"
                    + "IHhtbG5zOnRucz0iaHR0cDovL29wY2ZvdW5kYXRpb24ub3JnL1VBL0dEUy9UeXBlcy54c2QiDQogIHRh"
                    + "cmdldE5hbWVzcGFjZT0iaHR0cDovL29wY2ZvdW5kYXRpb24ub3JnL1VBL0dEUy9UeXBlcy54c2QiDQog"
                    + "IGVsZW1lbnRGb3JtRGVmYXVsdD0icXVhbGlmaWVkIg0KPg0KICA8eHM6YW5ub3RhdGlvbj4NCiAgICA8"
                    + "eHM6YXBwaW5mbz4NCiAgICAgIDx1YTpNb2RlbCBNb2RlbFVyaT0iaHR0cDovL29wY2ZvdW5kYXRpb24u"
                    + "b3JnL1VBL0dEUy8iIFZlcnNpb249IjEuMDUuMDciIFB1YmxpY2F0aW9uRGF0ZT0iMjAyNi0wNS0wMVQw"
                    + "MDowMDowMFoiIC8+DQogICAgPC94czphcHBpbmZvPg0KICA8L3hzOmFubm90YXRpb24+DQogIA0KICA8"
                    + "eHM6aW1wb3J0IG5hbWVzcGFjZT0iaHR0cDovL29wY2ZvdW5kYXRpb24ub3JnL1VBLzIwMDgvMDIvVHlw"
                    + "ZXMueHNkIiAvPg0KDQogIDx4czpjb21wbGV4VHlwZSBuYW1lPSJBcHBsaWNhdGlvblJlY29yZERhdGFU"
                    + "eXBlIj4NCiAgICA8eHM6c2VxdWVuY2U+DQogICAgICA8eHM6ZWxlbWVudCBuYW1lPSJBcHBsaWNhdGlv"
                    + "bklkIiB0eXBlPSJ1YTpOb2RlSWQiIG1pbk9jY3Vycz0iMCIgbmlsbGFibGU9InRydWUiIC8+DQogICAg"
                    + "ICA8eHM6ZWxlbWVudCBuYW1lPSJBcHBsaWNhdGlvblVyaSIgdHlwZT0ieHM6c3RyaW5nIiBtaW5PY2N1"
                    + "cnM9IjAiIG5pbGxhYmxlPSJ0cnVlIiAvPg0KICAgICAgPHhzOmVsZW1lbnQgbmFtZT0iQXBwbGljYXRp"
                    + "b25UeXBlIiB0eXBlPSJ1YTpBcHBsaWNhdGlvblR5cGUiIG1pbk9jY3Vycz0iMCIgLz4NCiAgICAgIDx4"
                    + "czplbGVtZW50IG5hbWU9IkFwcGxpY2F0aW9uTmFtZXMiIHR5cGU9InVhOkxpc3RPZkxvY2FsaXplZFRl"
                    + "eHQiIG1pbk9jY3Vycz0iMCIgbmlsbGFibGU9InRydWUiIC8+DQogICAgICA8eHM6ZWxlbWVudCBuYW1l"
                    + "PSJQcm9kdWN0VXJpIiB0eXBlPSJ4czpzdHJpbmciIG1pbk9jY3Vycz0iMCIgbmlsbGFibGU9InRydWUi"
                    + "IC8+DQogICAgICA8eHM6ZWxlbWVudCBuYW1lPSJEaXNjb3ZlcnlVcmxzIiB0eXBlPSJ1YTpMaXN0T2ZT"
                    + "dHJpbmciIG1pbk9jY3Vycz0iMCIgbmlsbGFibGU9InRydWUiIC8+DQogICAgICA8eHM6ZWxlbWVudCBu"
                    + "YW1lPSJTZXJ2ZXJDYXBhYmlsaXRpZXMiIHR5cGU9InVhOkxpc3RPZlN0cmluZyIgbWluT2NjdXJzPSIw"
                    + "IiBuaWxsYWJsZT0idHJ1ZSIgLz4NCiAgICA8L3hzOnNlcXVlbmNlPg0KICA8L3hzOmNvbXBsZXhUeXBl"
                    + "Pg0KICA8eHM6ZWxlbWVudCBuYW1lPSJBcHBsaWNhdGlvblJlY29yZERhdGFUeXBlIiB0eXBlPSJ0bnM6"
                    + "QXBwbGljYXRpb25SZWNvcmREYXRhVHlwZSIgLz4NCg0KICA8eHM6Y29tcGxleFR5cGUgbmFtZT0iTGlz"
                    + "dE9mQXBwbGljYXRpb25SZWNvcmREYXRhVHlwZSI+DQogICAgPHhzOnNlcXVlbmNlPg0KICAgICAgPHhz"
                    + "OmVsZW1lbnQgbmFtZT0iQXBwbGljYXRpb25SZWNvcmREYXRhVHlwZSIgdHlwZT0idG5zOkFwcGxpY2F0"
                    + "aW9uUmVjb3JkRGF0YVR5cGUiIG1pbk9jY3Vycz0iMCIgbWF4T2NjdXJzPSJ1bmJvdW5kZWQiIG5pbGxh"
                    + "YmxlPSJ0cnVlIiAvPg0KICAgIDwveHM6c2VxdWVuY2U+DQogIDwveHM6Y29tcGxleFR5cGU+DQogIDx4"
                    + "czplbGVtZW50IG5hbWU9Ikxpc3RPZkFwcGxpY2F0aW9uUmVjb3JkRGF0YVR5cGUiIHR5cGU9InRuczpM"
                    + "aXN0T2ZBcHBsaWNhdGlvblJlY29yZERhdGFUeXBlIiBuaWxsYWJsZT0idHJ1ZSI+PC94czplbGVtZW50"
                    + "Pg0KDQo8L3hzOnNjaGVtYT4=")));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:130",
            "0:NamespaceUri",
            "NamespaceUri",
            null,
            "40>0:68 !46>1:128",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            "http://opcfoundation.org/UA/GDS/Types.xsd"));
  }

  private static void part10(List<NodeSpec> out) {
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:8004",
            "0:Deprecated",
            "Deprecated",
            null,
            "40>0:68 !46>1:128",
            false,
            "0:1",
            -1,
            "",
            1,
            -1,
            "",
            true,
            true));
    out.add(
        new NodeSpec(
            NodeClass.Variable,
            "1:131",
            "1:ApplicationRecordDataType",
            "ApplicationRecordDataType",
            null,
            "40>0:69 !47>1:128",
            false,
            "0:12",
            -1,
            "",
            1,
            -1,
            "",
            true,
            "//xs:element[@name='ApplicationRecordDataType']"));
    out.add(
        new NodeSpec(
            NodeClass.Object,
            "1:8001",
            "0:Default JSON",
            "Default JSON",
            null,
            "!38>1:1 40>0:76",
            false,
            null,
            -1,
            "",
            1,
            -1,
            "",
            true,
            null));
  }
}
