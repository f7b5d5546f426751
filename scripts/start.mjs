#!/usr/bin/env node
// `npm start`: builds the web client when it is missing or older than its sources, then runs the
// server (TypeScript through tsx, the same code the tests run).
import { spawn } from "node:child_process";
import { clientIsStale, ensureClientBuilt } from "./client-build.mjs";

if (clientIsStale()) {
  console.log("Bygger webklienten …");
  try {
    ensureClientBuilt();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const server = spawn("npx", ["tsx", "server/main.ts"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
