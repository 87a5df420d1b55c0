// A third-party pull client (node-opcua) reading the GDS's trust lists the way node-opcua's own
// helpers do: each group's TrustList found by standard BrowseNames from the Objects folder,
// read with ClientFile (Open/Read/Close resolved by 0:Open, 0:Read, 0:Close), read again with
// ClientFile.useGlobalMethod (the FileType ids i=11580/11585/11583) and with TrustListClient's
// OpenWithMasks; the DefaultApplicationGroup's certificates and CRLs then go to the client's
// trusted folder. Input: a JSON file (argv[2]); output: one JSON line.
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const { OPCUAClient, OPCUACertificateManager, MessageSecurityMode, SecurityPolicy } = require("node-opcua");
const { makeBrowsePath } = require("node-opcua-service-translate-browse-path");
const { ClientFile, OpenFileMode } = require("node-opcua-file-transfer");
const { TrustListClient } = require("node-opcua-server-configuration");
const { BinaryStream } = require("node-opcua-binary-stream");
const { TrustListDataType } = require("node-opcua-types");

const GROUPS = ["DefaultApplicationGroup", "DefaultHttpsGroup", "DefaultUserTokenGroup"];

function decode(buffer) {
  const t = new TrustListDataType();
  t.decode(new BinaryStream(buffer));
  return t;
}

// reads to the end: Read returns fewer bytes than asked at the end of the file
async function readAll(file) {
  const parts = [];
  for (;;) {
    const chunk = await file.read(65536);
    if (!chunk || chunk.length === 0) {
      return Buffer.concat(parts);
    }
    parts.push(chunk);
  }
}

async function readWith(file) {
  const handle = await file.open(OpenFileMode.Read);
  const data = await readAll(file);
  await file.close();
  return { handle, data };
}

const thumb = (der) => crypto.createHash("sha1").update(der).digest("hex");

async function main() {
  const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const certificateManager = new OPCUACertificateManager({
    rootFolder: cfg.pkiDir,
    automaticallyAcceptUnknownCertificate: true,
  });
  await certificateManager.initialize();
  const client = OPCUAClient.create({
    applicationName: "node-opcua pull interop",
    applicationUri: cfg.clientApplicationUri,
    securityMode: MessageSecurityMode.SignAndEncrypt,
    securityPolicy: SecurityPolicy[cfg.securityPolicy],
    clientCertificateManager: certificateManager,
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 0 },
  });
  await client.connect(cfg.url);
  const session = await client.createSession();
  const result = { groups: {} };
  try {
    const namespaces = (await session.readNamespaceArray());
    const gds = namespaces.indexOf("http://opcfoundation.org/UA/GDS/");
    for (const group of GROUPS) {
      const [found] = await session.translateBrowsePath([
        makeBrowsePath("ObjectsFolder", `/${gds}:Directory/${gds}:CertificateGroups/${group}/TrustList`),
      ]);
      if (found.statusCode.isNotGood()) {
        throw new Error(`${group}/TrustList not found by BrowseName: ${found.statusCode.toString()}`);
      }
      const nodeId = found.targets[0].targetId;
      ClientFile.useGlobalMethod = false;
      const byName = await readWith(new ClientFile(session, nodeId));
      ClientFile.useGlobalMethod = true;
      const byTypeIds = await readWith(new ClientFile(session, nodeId));
      ClientFile.useGlobalMethod = false;
      const tl = new TrustListClient(session, nodeId);
      await tl.openWithMasks(15);
      const masked = await readAll(tl);
      await tl.close();
      const decoded = decode(byName.data);
      result.groups[group] = {
        trustListNodeId: nodeId.toString(),
        sameByTypeIds: Buffer.compare(byName.data, byTypeIds.data) === 0,
        sameByMasks: Buffer.compare(byName.data, masked) === 0,
        trustedCertificates: (decoded.trustedCertificates || []).map(thumb),
        trustedCrls: (decoded.trustedCrls || []).length,
      };
      if (group === "DefaultApplicationGroup") {
        const certs = path.join(cfg.pkiDir, "trusted", "certs");
        const crls = path.join(cfg.pkiDir, "trusted", "crl");
        fs.mkdirSync(certs, { recursive: true });
        fs.mkdirSync(crls, { recursive: true });
        for (const der of decoded.trustedCertificates || []) {
          fs.writeFileSync(path.join(certs, `gds-ca-${thumb(der)}.der`), der);
        }
        (decoded.trustedCrls || []).forEach((der, i) =>
          fs.writeFileSync(path.join(crls, `gds-ca-${i}.crl`), der));
        result.trustedFolder = fs.readdirSync(certs).filter((f) => f.startsWith("gds-ca-"));
        result.crlFolder = fs.readdirSync(crls).filter((f) => f.startsWith("gds-ca-"));
      }
    }
  } finally {
    await session.close();
    await client.disconnect();
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }) + "\n");
  process.exit(1);
});
