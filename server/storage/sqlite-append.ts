/**
 * The hottest write, on SQLite, without the query builder: appending document updates, which the
 * update writer does up to 20 times a second. Kysely builds, compiles and prepares every statement
 * anew and makes four asynchronous round trips per transaction (BEGIN, INSERT, UPDATE, COMMIT):
 * 0.68 ms of CPU per commit on the benchmark machine, against 0.22 ms for the same transaction
 * with statements prepared once and run synchronously (docs/benchmarks.md). Same SQL, same
 * single transaction, same durability (the connection's synchronous=FULL).
 */
import type BetterSqlite3 from "better-sqlite3";
import type { AppendItem } from "./types.js";

export type AppendUpdates = (items: AppendItem[]) => void;

/**
 * Statements are prepared on first use (the tables exist only after the migrations ran). The
 * caller must hold the connection (Kysely's `db.connection()`), so that these statements never
 * run inside another transaction that is waiting between its own statements.
 */
export function preparedAppend(database: BetterSqlite3.Database): AppendUpdates {
  let append: AppendUpdates | null = null;
  return (items) => {
    if (!append) {
      const insert = database.prepare("insert into doc_updates (document_id, data) values (?, ?)");
      // "Senest ændret" in the list of replies, in the same commit (no extra fsync)
      const touch = database.prepare("update documents set updated_at = ? where id = ?");
      append = database.transaction((batch: AppendItem[]) => {
        for (const item of batch) insert.run(item.documentId, item.update);
        const now = new Date().toISOString();
        for (const documentId of new Set(batch.map((i) => i.documentId))) touch.run(now, documentId);
      });
    }
    append(items);
  };
}
