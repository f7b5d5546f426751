#!/usr/bin/env node
// `npm start`: builds the web client and the server when either is missing or older than its
// sources, then runs the compiled server in this very process (no npx, no tsx at run time), so
// signals reach the server directly.
import { clientIsStale, ensureClientBuilt } from "./client-build.mjs";
import { buildServer, serverIsStale } from "./server-build.mjs";

try {
  if (clientIsStale()) {
    console.log("Bygger webklienten …");
    ensureClientBuilt();
  }
  if (serverIsStale()) {
    console.log("Bygger serveren …");
    await buildServer();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

await import("../dist/server/main.js");
