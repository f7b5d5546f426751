/**
 * `npm run audit:verify`: checks the audit log's hash chain in the configured database and
 * prints the verdict. Exits 1 when the chain is broken (a row was edited, inserted or deleted).
 */
import { loadConfig } from "../server/config.js";
import { openStore } from "../server/storage/index.js";
import { verifyAuditChain } from "../server/audit/chain.js";

const config = loadConfig();
const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const verdict = verifyAuditChain(await store.listAudit());
  if (verdict.ok) {
    console.log(`Revisionsloggen er intakt: ${verdict.entries} hændelser, kæden er ubrudt.`);
  } else {
    console.error(`Revisionsloggen er brudt ved løbenummer ${verdict.brokenAt}: ${verdict.reason}.`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
