/**
 * `npm run repair -- <documentId>`: removes what the editor schema cannot hold from a reply
 * damaged in storage (server/ops/repair-document.ts) and says what it did.
 */
import { loadConfig } from "../server/config.js";
import { openStore } from "../server/storage/index.js";
import { repairDocument } from "../server/collab/repair-document.js";

const documentId = process.argv[2];
if (!documentId) {
  console.error("Brug: npm run repair -- <dokument-id>");
  process.exit(2);
}
const config = loadConfig();
const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  if (!(await store.getDocument(documentId))) {
    console.error(`Svaret ${documentId} findes ikke.`);
    process.exitCode = 1;
  } else {
    const { removed } = await repairDocument(store, documentId);
    console.log(
      removed === 0
        ? `Svaret ${documentId} var i orden; intet er ændret.`
        : `Svaret ${documentId} er repareret: ${removed} ulæselige dele er fjernet (revisionslogget).`,
    );
  }
} finally {
  await store.close();
}
