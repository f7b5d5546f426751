/**
 * `npm run audit:verify [-- --head <file>]`: checks the audit log's hash chain in the configured
 * database, says which head it checked, and, given a head exported with `audit:export-head`,
 * that the chain still holds it (not truncated, not rewritten). Exits 1 when anything is wrong.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/config.js";
import { openStore } from "../server/storage/index.js";
import { verifyAuditChain } from "../server/audit/chain.js";
import { headMismatch, type SignedAuditHead } from "../server/audit/head.js";
import { loadOrCreateSigningKey } from "../server/signing/keys.js";

const headArg = process.argv.indexOf("--head");
const headFile = headArg >= 0 ? process.argv[headArg + 1] : undefined;
const config = loadConfig();
const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const entries = await store.listAudit();
  const verdict = verifyAuditChain(entries);
  const last = entries.at(-1);
  if (verdict.ok) {
    console.log(`Revisionsloggen er intakt: ${verdict.entries} hændelser, kæden er ubrudt.`);
  } else {
    console.error(`Revisionsloggen er brudt ved løbenummer ${verdict.brokenAt}: ${verdict.reason}.`);
    process.exitCode = 1;
  }
  console.log(last ? `Kontrolleret hoved: løbenummer ${last.seq}, hash ${last.hash}.` : "Kontrolleret hoved: loggen er tom.");
  if (headFile) {
    const key = loadOrCreateSigningKey(config.SIGNING_KEY_FILE ?? join(config.DATA_DIR, "signing-key.pem"));
    const head = JSON.parse(readFileSync(headFile, "utf8")) as SignedAuditHead;
    const mismatch = headMismatch(entries, head, key.publicKey);
    if (mismatch) {
      console.error(`Revisionsloggen passer ikke med det eksporterede hoved (${headFile}): ${mismatch}.`);
      process.exitCode = 1;
    } else {
      console.log(`Kæden indeholder det eksporterede hoved (løbenummer ${head.seq}, eksporteret ${head.exportedAt}).`);
    }
  } else {
    console.log("Tip: sammenlign med et eksporteret, underskrevet hoved: npm run audit:verify -- --head <fil>.");
  }
} finally {
  await store.close();
}
