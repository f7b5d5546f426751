/**
 * Builds the web client once before the browser tests when it is missing or older than its
 * sources (the same rule as `npm start`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const built = "dist/client/index.html";
  const stale = !existsSync(built) || Math.max(newest("client"), newest("shared"), statSync("vite.config.ts").mtimeMs) > statSync(built).mtimeMs;
  if (!stale) return;
  const result = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("building the web client for the browser tests failed");
}
