/**
 * The storage backends a test suite runs against: embedded SQLite and the local PostgreSQL.
 * `startServerOn("postgres")` gives the server a fresh database of its own (seeded like the
 * SQLite one) and drops it when the server is closed.
 */
import { startServer, type StartOptions, type TestServer } from "./server.js";
import { createTempPostgres } from "./postgres.js";

export const BACKENDS = ["sqlite", "postgres"] as const;
export type BackendName = (typeof BACKENDS)[number];

export async function startServerOn(backend: BackendName, options: StartOptions = {}): Promise<TestServer> {
  if (backend === "sqlite") return startServer(options);
  const database = await createTempPostgres();
  try {
    const server = await startServer({ ...options, config: { ...options.config, DATABASE_URL: database.url } });
    return {
      ...server,
      close: async () => {
        try {
          await server.close();
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
