/**
 * The only file that listens. Loads the config, seeds the demo into an empty database, serves,
 * and shuts down gracefully on SIGTERM/SIGINT: stop accepting, close sockets with 1012, commit
 * what is queued, exit 0.
 */
import { loadConfig } from "./config.js";
import { buildApp } from "./app.js";
import { seedDemo } from "./seed/demo.js";

const config = loadConfig();
const app = await buildApp(config);

if (config.SEED_DEMO) {
  const result = await seedDemo(app.store, config.DEMO_PASSWORD);
  if (result.seeded) {
    app.log.info("demo seeded: five regions, their replies and demo accounts (see README.md)");
    if (result.generatedPassword) {
      // Printed once, on purpose: the demo password exists nowhere else.
      console.log(`\n  Demo-adgangskode for alle demokonti: ${result.generatedPassword}\n  (sæt DEMO_PASSWORD for at vælge den selv)\n`);
    }
  }
}

app.server.headersTimeout = 20_000;
app.server.requestTimeout = 30_000;
await app.listen({ port: config.PORT, host: config.HOST });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : config.PORT;
// A machine-readable line for process supervisors and tests that start the server on port 0.
console.log(`REGIONSSVAR_LISTENING ${port}`);

/** Longest graceful shutdown: queued edits are committed within 10 s (CollabService.shutdown); a
 * peer that never completes its close handshake must not keep the process alive. */
const SHUTDOWN_DEADLINE_MS = 20_000;

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    setTimeout(() => {
      app.log.error("graceful shutdown did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, "error during shutdown");
        process.exit(1);
      },
    );
  });
}
