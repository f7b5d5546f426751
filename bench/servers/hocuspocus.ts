/**
 * Hocuspocus as the benchmark runs it: `@hocuspocus/server` with its defaults (store debounce
 * 2 s, at most 10 s; documents unloaded once their last client left and they were stored), in
 * memory, or with `@hocuspocus/extension-sqlite` on a database file when HOCUSPOCUS_SQLITE names
 * one. Listens on 127.0.0.1 on a free port and prints `HOCUSPOCUS_LISTENING <port>`.
 *
 * GET /health answers `{"rooms": n}` (documents loaded), so the benchmark can tell when a
 * document has been unloaded before it measures a cold load.
 */
import { Server, type Extension } from "@hocuspocus/server";
import { SQLite } from "@hocuspocus/extension-sqlite";

const sqliteFile = process.env.HOCUSPOCUS_SQLITE;
const extensions: Extension[] = sqliteFile ? [new SQLite({ database: sqliteFile })] : [];

const server = new Server({
  port: 0,
  address: "127.0.0.1",
  quiet: true,
  extensions,
  async onRequest({ request, response, instance }) {
    if (request.url !== "/health") return;
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ rooms: instance.getDocumentsCount(), connections: instance.getConnectionsCount() }));
    // a rejection without an error stops Hocuspocus's default response
    throw null;
  },
});

await server.listen();
console.log(`HOCUSPOCUS_LISTENING ${server.address.port}`);
