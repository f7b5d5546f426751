#!/usr/bin/env node
// `npm run build`: the web client (vite) into dist/client and the server (esbuild) into dist/server.
import { ensureClientBuilt } from "./client-build.mjs";
import { buildServer } from "./server-build.mjs";

ensureClientBuilt({ force: true });
await buildServer();
console.log("Bygget: dist/client og dist/server");
