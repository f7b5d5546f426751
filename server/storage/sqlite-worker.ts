/**
 * The main thread's side of the SQLite thread (sqlite-thread.mjs): sends statements and the update
 * writer's commits to it and resolves each with its result once the thread has run it (for a
 * write: once it is committed and fsynced). Requests are answered in the order they were sent.
 * If the thread dies, everything pending and everything after is refused: nothing is ever
 * reported saved that the thread did not commit.
 */
import { Worker } from "node:worker_threads";
import type { AppendItem } from "./types.js";

export interface ThreadQueryResult {
  rows: Record<string, unknown>[];
  numAffectedRows?: bigint;
  insertId?: bigint;
}

type Reply = { id: number; result?: unknown; error?: { message: string; code?: string; name?: string } };

/** An error from the SQLite thread, with better-sqlite3's code (e.g. SQLITE_CONSTRAINT_UNIQUE) kept. */
export class SqliteThreadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "SqliteError";
  }
}

/** Blobs come back from the thread as Uint8Array; the rest of the server reads them as Buffers, as from better-sqlite3. */
function withBuffers(row: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return row;
}

/**
 * A byte array that is a view into a larger buffer (an update is a slice of the socket read that
 * carried it, often with other frames) is copied to bytes of its own: postMessage clones a view's
 * whole underlying buffer, and the queued view would keep that whole read alive until the commit.
 */
function ownBytes<T>(value: T): T {
  if (!(value instanceof Uint8Array) || (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength)) return value;
  return new Uint8Array(value) as T; // a copy (Buffer#slice would be another view)
}

export class SqliteThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => this.settle(reply));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`the SQLite thread stopped (exit code ${code})`)));
  }

  /** Starts the thread and opens the file; rejects when it cannot be opened. */
  static async open(file: string, busyTimeoutMs: number): Promise<SqliteThread> {
    const worker = new Worker(new URL("./sqlite-thread.mjs", import.meta.url), { workerData: { file, busyTimeoutMs } });
    const ready = await new Promise<{ ready: boolean; error?: { message: string } }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    if (!ready.ready) {
      await worker.terminate();
      throw new Error(`SQLite could not open ${file}: ${ready.error?.message ?? "unknown error"}`);
    }
    return new SqliteThread(worker);
  }

  async query(sql: string, parameters: readonly unknown[]): Promise<ThreadQueryResult> {
    const result = (await this.request({ op: "query", sql, parameters: parameters.map(ownBytes) })) as ThreadQueryResult;
    result.rows.forEach(withBuffers);
    return result;
  }

  /** The update writer's commit, in one transaction; resolves once it is durable. */
  async append(items: AppendItem[]): Promise<void> {
    await this.request({ op: "append", items: items.map((item) => ({ ...item, update: ownBytes(item.update) })) });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const closed = this.request({ op: "close" });
    // Refused from now on with this reason (the thread's exit, which follows, keeps the first reason).
    this.failure = new Error("the SQLite store is closed");
    await closed;
    await this.worker.terminate();
  }

  private request(message: Record<string, unknown>): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.error) waiting.reject(new SqliteThreadError(reply.error.message, reply.error.code));
    else waiting.resolve(reply.result);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
