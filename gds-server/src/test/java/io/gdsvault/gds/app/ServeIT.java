package io.gdsvault.gds.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.GdsTestServer;
import io.gdsvault.gds.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

/** First start, the data directory lock, and restart on the same data. */
class ServeIT {

  @Test
  void firstStartWritesTheAdminPasswordWithMode0600AndPrintsItOnce() throws Exception {
    try (GdsTestServer gds = GdsTestServer.start()) {
      Path file = gds.dataDir().resolve("initial-admin-password");
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(gds.adminPassword()).hasSizeGreaterThanOrEqualTo(20);
      assertThat(gds.startOutput()).contains(gds.adminPassword()).contains(file.toString());
      assertThat(gds.app().firstStart()).isTrue();
      for (String area : new String[] {"own", "trusted", "issuer", "rejected"}) {
        assertThat(gds.dataDir().resolve("pki").resolve(area).resolve("certs")).isDirectory();
        assertThat(gds.dataDir().resolve("pki").resolve(area).resolve("crl")).isDirectory();
      }
      assertThat(gds.dataDir().resolve("pki/own/certs/gds-server.der")).isRegularFile();
    }
  }

  @Test
  void aSecondInstanceOnTheSameDataDirectoryRefusesToStart() throws Exception {
    try (GdsTestServer gds = GdsTestServer.start()) {
      assertThatThrownBy(() -> GdsTestServer.start(gds.dataDir(), t -> {}))
          .isInstanceOf(DataDirectory.DataDirectoryInUseException.class)
          .hasMessageContaining("already running");
      // the command line reports it with exit code 1
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new String[] {
                "serve",
                "--data",
                gds.dataDir().toString(),
                "--port",
                Integer.toString(GdsTestServer.freePort())
              },
              new PrintWriter(out),
              new PrintWriter(err));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("already running on data directory");
      // and the first one still serves
      OpcUaClient c = TestClients.admin(gds);
      TestClients.disconnect(c);
    }
  }

  @Test
  void aRestartKeepsUsersAndApplicationsAndCreatesNoNewAdmin() throws Exception {
    GdsTestServer first = GdsTestServer.start();
    Path dir = first.dataDir();
    String password = first.adminPassword();
    NodeId id;
    OpcUaClient c = TestClients.admin(first);
    try {
      var r =
          new io.gdsvault.gds.model.ApplicationRecord(
              null,
              "urn:restart:" + System.nanoTime(),
              io.gdsvault.gds.model.ApplicationType.SERVER,
              java.util.List.of(io.gdsvault.gds.model.LocalizedName.of("R")),
              "",
              java.util.List.of("opc.tcp://r:1"),
              java.util.List.of());
      var xo =
          org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject.encode(
              c.getStaticEncodingContext(),
              io.gdsvault.gds.model.ua.ApplicationRecordMapper.toUa(
                  r, c.getNamespaceTable().getIndex(GdsNodeIds.NAMESPACE_URI).intValue()));
      id =
          (NodeId)
              call(c, GdsNodeIds.RegisterApplication, new Variant(xo))
                  .getOutputArguments()[0]
                  .value();
    } finally {
      TestClients.disconnect(c);
      first.stop();
    }
    try (GdsTestServer second = GdsTestServer.start(dir, t -> {})) {
      assertThat(second.app().firstStart()).isFalse();
      assertThat(second.startOutput()).doesNotContain("First start");
      assertThat(Files.readString(dir.resolve("initial-admin-password")).strip())
          .isEqualTo(password);
      OpcUaClient again = TestClients.admin(second);
      try {
        assertThat(call(again, GdsNodeIds.GetApplication, new Variant(id)).getStatusCode().isGood())
            .isTrue();
      } finally {
        TestClients.disconnect(again);
      }
    }
  }

  @Test
  void aDataDirectoryWithoutADatabaseCountsAsFirstStart() throws Exception {
    // CLI.md: first start means no database yet, even if the directory exists with certificates
    Path dir = Files.createTempDirectory("gds-prefilled-");
    Files.createDirectories(dir.resolve("pki/trusted/certs"));
    Files.write(dir.resolve("pki/trusted/certs/placeholder.txt"), new byte[] {1});
    try (GdsTestServer gds = GdsTestServer.start(dir, t -> {})) {
      assertThat(gds.app().firstStart()).isTrue();
      assertThat(gds.adminPassword()).isNotBlank();
    }
  }

  private static org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult call(
      OpcUaClient c,
      org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId m,
      Variant... in)
      throws Exception {
    var dir = GdsNodeIds.resolve(GdsNodeIds.Directory, c.getNamespaceTable());
    return c.call(
            java.util.List.of(
                new org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest(
                    dir, GdsNodeIds.resolve(m, c.getNamespaceTable()), in)))
        .getResults()[0];
  }
}
