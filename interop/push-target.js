// A node-opcua 2.157.0 server with Part 12 push certificate management
// (node-opcua-server-configuration): the independent push target of the GDS Vault push tests.
//
//   node push-target.js CONFIG.json
//
// CONFIG: { "port": N, "pki": DIR, "user": U, "password": P, "applicationUri": URI,
//           "trustCertificate": FILE (DER of the GDS application certificate to trust) }
// Prints "node-opcua push target listening on <url>" once it accepts connections; runs until
// stdin closes or SIGTERM. Only SignAndEncrypt endpoints; U has the SecurityAdmin role.
"use strict";
const fs = require("fs");
const path = require("path");
const {
  OPCUAServer,
  OPCUACertificateManager,
  SecurityPolicy,
  MessageSecurityMode,
  makeRoles,
  WellKnownRoles,
  nodesets,
} = require("node-opcua");
const { installPushCertificateManagementOnServer } = require("node-opcua-server-configuration");

async function main() {
  const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const serverCertificateManager = new OPCUACertificateManager({
    rootFolder: path.join(cfg.pki, "server"),
    automaticallyAcceptUnknownCertificate: false,
  });
  await serverCertificateManager.initialize();
  if (cfg.trustCertificate) {
    await serverCertificateManager.trustCertificate(fs.readFileSync(cfg.trustCertificate));
  }
  const userCertificateManager = new OPCUACertificateManager({
    rootFolder: path.join(cfg.pki, "user"),
    automaticallyAcceptUnknownCertificate: false,
  });
  await userCertificateManager.initialize();

  const server = new OPCUAServer({
    port: cfg.port,
    host: "127.0.0.1",
    alternateHostname: ["127.0.0.1"],
    serverCertificateManager,
    userCertificateManager,
    securityPolicies: [SecurityPolicy.Basic256Sha256],
    securityModes: [MessageSecurityMode.SignAndEncrypt],
    allowAnonymous: false,
    nodeset_filename: [nodesets.standard],
    serverInfo: { applicationUri: cfg.applicationUri, productUri: "urn:gdsvault:interop:node-opcua-target" },
    userManager: {
      isValidUser: (user, password) => user === cfg.user && password === cfg.password,
      getUserRoles: (user) =>
        user === cfg.user
          ? makeRoles([WellKnownRoles.AuthenticatedUser, WellKnownRoles.SecurityAdmin])
          : makeRoles([WellKnownRoles.Anonymous]),
    },
  });
  await server.initialize();
  await installPushCertificateManagementOnServer(server);
  await server.start();
  console.log("node-opcua push target listening on opc.tcp://127.0.0.1:" + cfg.port);

  const stop = async () => {
    try {
      await server.shutdown(0);
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", stop);
  process.stdin.on("end", stop);
  process.stdin.resume();
}

main().catch((err) => {
  console.error("push-target failed: " + (err && err.message ? err.message : err));
  process.exit(1);
});
