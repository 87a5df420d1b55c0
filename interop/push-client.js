// A third-party push client (node-opcua) driving a GDS Vault push target with the
// node-opcua-server-configuration helpers: CreateSigningRequest, UpdateCertificate,
// a trust list write and ApplyChanges. Input: a JSON file (argv[2]); output: one JSON line.
"use strict";
const fs = require("fs");
const crypto = require("crypto");
const {
  OPCUAClient,
  OPCUACertificateManager,
  MessageSecurityMode,
  SecurityPolicy,
  UserTokenType,
  DataType,
  coerceNodeId,
} = require("node-opcua");
const { BinaryStream } = require("node-opcua-binary-stream");
const { TrustListDataType } = require("node-opcua-types");
const { ClientPushCertificateManagement } = require("node-opcua-server-configuration");

async function main() {
  const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const clientCertificateManager = new OPCUACertificateManager({
    rootFolder: cfg.pkiDir,
    automaticallyAcceptUnknownCertificate: true,
  });
  await clientCertificateManager.initialize();

  const makeClient = () =>
    OPCUAClient.create({
      applicationName: "node-opcua push interop",
      applicationUri: cfg.clientApplicationUri,
      securityMode: MessageSecurityMode.SignAndEncrypt,
      securityPolicy: SecurityPolicy.Basic256Sha256,
      certificateFile: cfg.clientCertFile,
      privateKeyFile: cfg.clientKeyFile,
      clientCertificateManager,
      endpointMustExist: false,
      connectionStrategy: { maxRetry: 0 },
    });
  const user = { type: UserTokenType.UserName, userName: cfg.user, password: cfg.password };
  const result = {};

  const client = makeClient();
  await client.connect(cfg.url);
  const session = await client.createSession(user);
  try {
    const push = new ClientPushCertificateManagement(session);
    result.supportedPrivateKeyFormats = await push.getSupportedPrivateKeyFormats();

    const csr = await push.createSigningRequest(
      "DefaultApplicationGroup", "RsaSha256ApplicationCertificateType", null, false, crypto.randomBytes(32));
    result.createSigningRequest = csr.statusCode.name;
    result.csr = csr.certificateSigningRequest ? csr.certificateSigningRequest.toString("base64") : null;

    const update = await push.updateCertificate(
      "DefaultApplicationGroup",
      "RsaSha256ApplicationCertificateType",
      fs.readFileSync(cfg.newCertFile),
      [fs.readFileSync(cfg.caCertFile)],
      "PEM",
      fs.readFileSync(cfg.newKeyFile, "utf8"));
    result.updateCertificate = update.statusCode.name;
    result.applyChangesRequired = update.applyChangesRequired;

    // Trust list write with plain method calls: node-opcua 2.157.0's
    // TrustListClient.writeTrustedCertificateList opens with mode Write (0x02, which Part 12 says a
    // server shall refuse with Bad_NotSupported) and never sends the encoded bytes.
    const trusted = new TrustListDataType({
      specifiedLists: 0x0f,
      trustedCertificates: [fs.readFileSync(cfg.caCertFile), fs.readFileSync(cfg.clientCertDerFile)],
      trustedCrls: [],
      issuerCertificates: [],
      issuerCrls: [],
    });
    const stream = new BinaryStream(trusted.binaryStoreSize());
    trusted.encode(stream);
    const content = stream.buffer;
    // standard ns=0 NodeIds of Server/ServerConfiguration/CertificateGroups/DefaultApplicationGroup/TrustList
    const tl = "ns=0;i=12642";
    const OPEN = "ns=0;i=12647";
    const WRITE = "ns=0;i=12655";
    const CLOSE_AND_UPDATE = "ns=0;i=12666";
    const call = async (methodId, inputArguments) => {
      const r = await session.call({ objectId: coerceNodeId(tl), methodId: coerceNodeId(methodId), inputArguments });
      if (r.statusCode.isNotGood()) {
        throw new Error("call " + methodId + " failed: " + r.statusCode.name);
      }
      return r.outputArguments;
    };
    const opened = await call(OPEN,
      [{ dataType: DataType.Byte, value: 6 }]);
    const handle = opened[0].value;
    const blockSize = 4096;
    for (let offset = 0; offset < content.length; offset += blockSize) {
      await call(WRITE, [
        { dataType: DataType.UInt32, value: handle },
        { dataType: DataType.ByteString, value: content.subarray(offset, offset + blockSize) },
      ]);
    }
    const closed = await call(CLOSE_AND_UPDATE,
      [{ dataType: DataType.UInt32, value: handle }]);
    result.trustListApplyChangesRequired = closed[0].value;

    result.applyChanges = (await push.applyChanges()).name;
  } finally {
    await session.close();
    await client.disconnect();
  }

  // a fresh connection: what certificate does the endpoint present now? The new certificate is
  // issued by the test CA, which this client (like a GDS for its own CA) trusts.
  const caDer = fs.readFileSync(cfg.caCertFile);
  await clientCertificateManager.trustCertificate(caDer);
  await clientCertificateManager.addIssuer(caDer);
  await clientCertificateManager.addRevocationList(fs.readFileSync(cfg.caCrlFile), "issuers");
  const again = makeClient();
  await again.connect(cfg.url);
  const endpoints = await again.getEndpoints();
  const secure = endpoints.find((e) => e.securityMode === MessageSecurityMode.SignAndEncrypt);
  result.endpointCertificate = secure.serverCertificate.toString("base64");
  const session2 = await again.createSession(user);
  result.secondSession = session2 ? "ok" : "failed";
  const trustList2 = await (await new ClientPushCertificateManagement(session2).getApplicationGroup()).getTrustList();
  const read = await trustList2.readTrustedCertificateList();
  result.trustedCertificatesRead = (read.trustedCertificates || []).length;
  await session2.close();
  await again.disconnect();

  process.stdout.write(JSON.stringify(result) + "\n");
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write("interop push client failed: " + (err && err.stack ? err.stack : err) + "\n");
    process.exit(1);
  });
