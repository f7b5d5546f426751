/**
 * Backup and restore of the SQLite database (`npm run backup -- <file>`, `npm run restore --
 * <file>`). The backup uses SQLite's online backup API through better-sqlite3, so it runs while
 * the server serves: it copies one consistent snapshot (in WAL mode a reader never blocks the
 * writer), is written to `<file>.partial` and renamed only when complete and checked, and is a
 * single self-contained file (journal mode DELETE). A restore goes into an EMPTY data directory
 * only, after the backup passed `integrity_check`, and runs the migrations and the audit-chain
 * check on the result. PostgreSQL is backed up with pg_dump (docs/reliability.md).
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openStore, SQLITE_FILE } from "./index.js";
import { verifyAuditChain } from "../audit/chain.js";

export interface DatabaseSummary {
  bytes: number;
  documents: number;
  updates: number;
  snapshots: number;
  versions: number;
  approvals: number;
  seals: number;
  comments: number;
  auditEntries: number;
}

export class BackupError extends Error {}

function summarise(db: Database.Database, bytes: number): DatabaseSummary {
  const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return {
    bytes,
    documents: count("documents"),
    updates: count("doc_updates"),
    snapshots: count("doc_snapshots"),
    versions: count("document_versions"),
    approvals: count("approvals"),
    seals: count("seals"),
    comments: count("comment_messages"),
    auditEntries: count("audit_log"),
  };
}

/** `PRAGMA integrity_check` of a database file, and that it is a Regionssvar database. */
function check(file: string): DatabaseSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma("integrity_check", { simple: true }));
    if (integrity !== "ok") throw new BackupError(`${file} fejler integrity_check: ${integrity}`);
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    for (const t of ["documents", "doc_updates", "seals", "audit_log"])
      if (!tables.has(t)) throw new BackupError(`${file} er ikke en Regionssvar-database (tabellen ${t} mangler)`);
    return summarise(db, statSync(file).size);
  } finally {
    db.close();
  }
}

/** Copies the live database in `dataDir` to `file` (which must not exist). */
export async function backupSqlite(dataDir: string, file: string): Promise<DatabaseSummary> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new BackupError(`Der er ingen database i ${dataDir} (${SQLITE_FILE} findes ikke)`);
  if (existsSync(file)) throw new BackupError(`${file} findes allerede; vælg et nyt filnavn`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // After the first step, copy the rest in one step: a step-wise copy restarts whenever the
    // server commits in between, and the server commits all the time.
    await db.backup(partial, { progress: ({ remainingPages }) => Math.max(100, remainingPages) });
  } finally {
    db.close();
  }
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE"); // one self-contained file
  } finally {
    copy.close();
  }
  try {
    const summary = check(partial);
    renameSync(partial, file);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Restores `file` into `dataDir`, which must hold no database yet. */
export async function restoreSqlite(file: string, dataDir: string): Promise<DatabaseSummary & { auditChain: string }> {
  if (!existsSync(file)) throw new BackupError(`${file} findes ikke`);
  const target = join(dataDir, SQLITE_FILE);
  for (const f of [target, `${target}-wal`, `${target}-shm`]) {
    if (existsSync(f)) throw new BackupError(`${dataDir} er ikke tom (${f} findes); gendan kun i en tom datamappe`);
  }
  check(file);
  mkdirSync(dataDir, { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  renameSync(partial, target);
  // open as the server will: WAL, migrations of a backup from an older version, audit chain
  const store = await openStore({ dataDir });
  let auditChain: string;
  try {
    const verdict = verifyAuditChain(await store.listAudit());
    auditChain = verdict.ok ? `intakt (${verdict.entries} hændelser)` : `BRUDT ved løbenummer ${verdict.brokenAt}: ${verdict.reason}`;
  } finally {
    await store.close();
  }
  const db = new Database(target, { readonly: true });
  try {
    return { ...summarise(db, statSync(target).size), auditChain };
  } finally {
    db.close();
  }
}

export function describeSummary(s: DatabaseSummary): string {
  return (
    `${s.documents} svar, ${s.updates} opdateringer og ${s.snapshots} snapshots, ${s.versions} versioner, ` +
    `${s.approvals} godkendelser, ${s.seals} forseglinger, ${s.comments} kommentarer, ${s.auditEntries} revisionshændelser, ${(s.bytes / 1024).toFixed(0)} KB`
  );
}

export const POSTGRES_BACKUP_HELP = [
  "Med DATABASE_URL (PostgreSQL) tages backup med PostgreSQL's egne værktøjer:",
  '  backup:   pg_dump --format=custom --file=<fil> "$DATABASE_URL"',
  '  gendan:   createdb <ny database> && pg_restore --exit-on-error --no-owner --dbname="<url til den nye, tomme database>" <fil>',
  "Se docs/reliability.md.",
].join("\n");
