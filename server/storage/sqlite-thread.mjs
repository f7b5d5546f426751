// The SQLite thread (issue 19): owns the server's only connection to the SQLite file and runs
// every statement, so the commits and their fsyncs (synchronous=FULL) happen here and never on
// the main thread, whose event loop keeps relaying edits while the disk is slow. Plain JavaScript,
// so it runs as it is from the source tree and from dist/server (scripts/server-build.mjs copies
// it). Messages: server/storage/sqlite-worker.ts.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, busyTimeoutMs } = workerData;
let database;
let append;

try {
  database = new Database(file);
  // WAL lets readers run beside the writer; synchronous=FULL fsyncs the WAL at every commit, so a
  // commit that returned survives power loss (WAL's usual NORMAL can lose the last commits).
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  // A lock held by another process (someone's sqlite3 shell, a second server on the same
  // directory): wait briefly and fail; the update writer retries with backoff and tells editors.
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // sleep_ms(n) holds the connection for n ms, as a commit waiting for a slow disk does. Nothing in
  // the product calls it; the reliability tests put it in a trigger (test/reliability/slow-fsync.test.ts).
  database.function("sleep_ms", (ms) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
    return null;
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: describe(error) });
}

/** better-sqlite3 binds Buffers, not every Uint8Array: blobs arrive here as Uint8Array. */
const bindable = (value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);

function describe(error) {
  return { message: error instanceof Error ? error.message : String(error), code: error?.code, name: error?.name };
}

function query(sql, parameters) {
  const statement = database.prepare(sql);
  const params = parameters.map(bindable);
  if (statement.reader) return { rows: statement.all(params) };
  const { changes, lastInsertRowid } = statement.run(params);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}

/**
 * The update writer's commit with statements prepared once (the hottest write: up to 20 a second):
 * the updates in the batch's order and "Senest ændret" of their documents, in one transaction.
 */
function appendUpdates(items) {
  if (!append) {
    const insert = database.prepare("insert into doc_updates (document_id, data) values (?, ?)");
    const touch = database.prepare("update documents set updated_at = ? where id = ?");
    append = database.transaction((batch) => {
      for (const item of batch) insert.run(item.documentId, bindable(item.update));
      const now = new Date().toISOString();
      for (const documentId of new Set(batch.map((i) => i.documentId))) touch.run(now, documentId);
    });
  }
  append(items);
}

parentPort.on("message", (message) => {
  const { id, op } = message;
  try {
    if (op === "query") return parentPort.postMessage({ id, result: query(message.sql, message.parameters) });
    if (op === "append") {
      appendUpdates(message.items);
      return parentPort.postMessage({ id, result: null });
    }
    if (op === "close") {
      database?.close();
      parentPort.postMessage({ id, result: null });
      return parentPort.close();
    }
    throw new Error(`unknown operation ${op}`);
  } catch (error) {
    parentPort.postMessage({ id, error: describe(error) });
  }
});
