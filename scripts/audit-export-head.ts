/**
 * `npm run audit:export-head -- <file>`: writes the audit chain's current head, signed with the
 * server's key, to a file that belongs outside the server (server/audit/head.ts).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/config.js";
import { openStore } from "../server/storage/index.js";
import { loadOrCreateSigningKey } from "../server/signing/keys.js";
import { signAuditHead } from "../server/audit/head.js";

const file = process.argv[2];
if (!file) {
  console.error("Brug: npm run audit:export-head -- <fil>");
  process.exit(2);
}
const config = loadConfig();
const key = loadOrCreateSigningKey(config.SIGNING_KEY_FILE ?? join(config.DATA_DIR, "signing-key.pem"));
const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const head = signAuditHead(await store.listAudit(), key);
  writeFileSync(file, `${JSON.stringify(head, null, 2)}\n`);
  console.log(`Revisionsloggens hoved er eksporteret til ${file}: løbenummer ${head.seq}, hash ${head.hash.slice(0, 16)}…, nøgle ${head.keyId}.`);
} finally {
  await store.close();
}
