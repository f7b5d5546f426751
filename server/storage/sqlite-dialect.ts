/**
 * Kysely over the SQLite thread (sqlite-worker.ts): Kysely's own SQLite compiler, adapter and
 * introspector, with a driver that sends each compiled statement to the thread. Like Kysely's
 * SqliteDriver it has one connection, held by one caller (a transaction) at a time.
 */
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from "kysely";
import type { SqliteThread } from "./sqlite-worker.js";

class ThreadConnection implements DatabaseConnection {
  constructor(private readonly thread: SqliteThread) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.thread.query(compiled.sql, compiled.parameters);
    return result as QueryResult<R>;
  }

  // eslint-disable-next-line require-yield -- nothing in the server streams; say so if it ever does
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("the SQLite thread does not stream query results");
  }
}

/** One connection, one holder at a time: the next caller waits for release. */
class ThreadDriver implements Driver {
  private readonly connection: ThreadConnection;
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;

  constructor(private readonly thread: SqliteThread) {
    this.connection = new ThreadConnection(thread);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    while (this.held) await this.held;
    this.held = new Promise((resolve) => (this.release = resolve));
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.held = null;
    this.release = null;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.thread.close();
  }
}

export class SqliteThreadDialect implements Dialect {
  constructor(private readonly thread: SqliteThread) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new ThreadDriver(this.thread);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own signature
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
