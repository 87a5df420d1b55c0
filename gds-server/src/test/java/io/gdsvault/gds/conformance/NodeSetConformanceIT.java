package io.gdsvault.gds.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.junit.jupiter.api.Test;

/**
 * The address space a running GDS serves, compared node by node with the official GDS NodeSet
 * 1.05.07 (from the npm package, see {@link OfficialNodeSet}): first on a fresh GDS, then after
 * applications were registered and certificates issued and revoked. Prints one line per difference
 * and fails on any that {@code conformance/allowed-differences.txt} does not list with its reason,
 * and on entries of that list that no longer match anything.
 */
class NodeSetConformanceIT {

  @Test
  void theServedAddressSpaceIsTheNodeSetsFreshAndInUse() throws Exception {
    assumeTrue(OfficialNodeSet.available(), OfficialNodeSet.missingMessage());
    OfficialNodeSet nodeSet = OfficialNodeSet.load();
    assertThat(nodeSet.version()).isEqualTo("1.05.07");
    AllowedDifferences allowed = AllowedDifferences.load("/conformance/allowed-differences.txt");
    try (GdsTestServer gds =
        GdsTestServer.start(t -> ((ObjectNode) t.get("certificates")).put("autoApprove", true))) {
      OpcUaClient admin = TestClients.admin(gds);
      try {
        List<String> fresh = new AddressSpaceConformance(admin, nodeSet).differences();
        report("fresh GDS", fresh, allowed);

        ConformanceData.populate(gds, admin);
        List<String> inUse = new AddressSpaceConformance(admin, nodeSet).differences();
        report("GDS with applications and certificates", inUse, allowed);

        assertThat(allowed.unexpected(fresh)).as("differences on a fresh GDS").isEmpty();
        assertThat(allowed.unexpected(inUse)).as("differences on a GDS in use").isEmpty();
        assertThat(allowed.unused(fresh)).as("allow-list entries that match nothing").isEmpty();
      } finally {
        TestClients.disconnect(admin);
      }
    }
  }

  private static void report(String what, List<String> differences, AllowedDifferences allowed) {
    List<String> unexpected = allowed.unexpected(differences);
    System.out.printf(
        "NodeSet conformance, %s: %d differences, %d not on the allow-list%n",
        what, differences.size(), unexpected.size());
    for (String d : differences) {
      System.out.println((unexpected.contains(d) ? "DIFF    " : "allowed ") + d);
    }
  }
}
