/**
 * `npm run backup -- <file>`: an online backup of the SQLite database in DATA_DIR into <file>,
 * while the server keeps running (server/ops/backup.ts). With DATABASE_URL set it prints how to
 * back up PostgreSQL with pg_dump instead, and exits 2.
 */
import { loadConfig } from "../server/config.js";
import { backupSqlite, BackupError, describeSummary, POSTGRES_BACKUP_HELP } from "../server/storage/backup.js";

const file = process.argv[2];
if (!file) {
  console.error("Brug: npm run backup -- <fil>");
  process.exit(2);
}
const config = loadConfig();
if (config.DATABASE_URL) {
  console.error(POSTGRES_BACKUP_HELP);
  process.exit(2);
}
try {
  const summary = await backupSqlite(config.DATA_DIR, file);
  console.log(`Backup gemt i ${file}: ${describeSummary(summary)}. integrity_check: ok.`);
} catch (error) {
  console.error(error instanceof BackupError ? `Backup mislykkedes: ${error.message}` : error);
  process.exit(1);
}
