/**
 * `npm run restore -- <file>`: restores a backup made by `npm run backup` into DATA_DIR, which
 * must not hold a database yet (server/ops/backup.ts). Stop nothing: start the server on the
 * restored directory afterwards. With DATABASE_URL set it prints the pg_restore steps and exits 2.
 */
import { loadConfig } from "../server/config.js";
import { BackupError, describeSummary, POSTGRES_BACKUP_HELP, restoreSqlite } from "../server/storage/backup.js";

const file = process.argv[2];
if (!file) {
  console.error("Brug: npm run restore -- <fil>   (DATA_DIR skal pege på en tom mappe)");
  process.exit(2);
}
const config = loadConfig();
if (config.DATABASE_URL) {
  console.error(POSTGRES_BACKUP_HELP);
  process.exit(2);
}
try {
  const summary = await restoreSqlite(file, config.DATA_DIR);
  console.log(`Gendannet i ${config.DATA_DIR}: ${describeSummary(summary)}. Revisionsloggen: ${summary.auditChain}.`);
  if (!summary.auditChain.startsWith("intakt")) process.exit(1);
} catch (error) {
  console.error(error instanceof BackupError ? `Gendannelse mislykkedes: ${error.message}` : error);
  process.exit(1);
}
