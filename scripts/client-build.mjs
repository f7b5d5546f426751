// Builds the web client into dist/client when it is missing or older than its sources; used by
// `npm start`, the browser tests' global setup and `npm run screenshots`.
//
// The build goes to a folder of its own and is then swapped into place, because `vite build`
// empties its output folder first: a server started by a concurrent test run would otherwise
// serve a half-written client.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const OUT = "dist/client";
const BUILT = join(OUT, "index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Is the built client missing or older than client/, shared/ or vite.config.ts? */
export function clientIsStale() {
  if (!existsSync(BUILT)) return true;
  return Math.max(newestMtime("client"), newestMtime("shared"), statSync("vite.config.ts").mtimeMs) > statSync(BUILT).mtimeMs;
}

/** Builds when stale (or always, with `force`); returns whether it built. Throws when the build fails. */
export function ensureClientBuilt({ force = false } = {}) {
  if (!force && !clientIsStale()) return false;
  const fresh = `${OUT}.build-${process.pid}`;
  const result = spawnSync("npx", ["vite", "build", "--logLevel", "warn", "--outDir", join("..", fresh), "--emptyOutDir"], { stdio: "inherit" });
  if (result.status !== 0) {
    rmSync(fresh, { recursive: true, force: true });
    throw new Error("building the web client failed");
  }
  const old = `${OUT}.old-${process.pid}`;
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(fresh, OUT);
  rmSync(old, { recursive: true, force: true });
  return true;
}
