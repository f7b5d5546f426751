// Compiles the server into dist/server with esbuild: one ESM bundle of our own code (packages stay
// external, resolved from node_modules at run time), with the large parts that load on demand
// (PDF/DOCX export, the password list) split into chunks of their own, and source maps; the SQLite
// thread's file is copied beside them.
// Used by `npm run build` and by `npm start` when dist/server is missing or older than its sources.
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const OUT = "dist/server";
/** Left to node_modules at run time (see buildServer). */
const BUNDLE_EXTERNAL = [
  "better-sqlite3",
  "@node-rs/argon2",
  "pg",
  "pg-native",
  "ioredis",
  "bufferutil",
  "utf-8-validate",
  "pdfmake",
  "docx",
  "exceljs",
  "nodemailer",
  "openid-client",
  "@zxcvbn-ts/*",
  "pino",
  "thread-stream",
];
const ENTRY = join(OUT, "main.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * V8 stores a script's source one byte per character only when every character is Latin-1; a
 * single “ in a regular expression (esbuild escapes strings, not regular expressions) doubles the
 * memory of the whole file. \uXXXX means the same character in strings, regular expressions and
 * identifiers; only a tagged template's raw text would differ, and no tagged template in the bundle
 * holds such a character (today they occur only in Tiptap's input-rule regular expressions).
 */
function escapeBeyondLatin1(file) {
  const source = readFileSync(file, "utf8");
  const escaped = source.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (escaped !== source) writeFileSync(file, escaped);
}

/** Is the compiled server missing or older than server/, shared/ or package.json? */
export function serverIsStale() {
  if (!existsSync(ENTRY)) return true;
  return Math.max(newestMtime("server"), newestMtime("shared"), statSync("package.json").mtimeMs) > statSync(ENTRY).mtimeMs;
}

/** Builds the server (always); throws when the build fails. */
export async function buildServer() {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error("dist/server is missing or stale and esbuild is not installed: run `npm install` (with dev dependencies), then `npm run build`.");
  }
  // Built beside and swapped into place: old chunks do not pile up, and a half-written build is never run.
  const fresh = `${OUT}.build-${process.pid}`;
  await esbuild.build({
    entryPoints: { main: "server/main.ts" },
    outdir: fresh,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Our dependencies are bundled too (a process that loads one file per package instead of
    // hundreds rests ~N MB lighter; docs/benchmarks.md), except native addons, packages that load
    // files or optional natives by path at run time, and the large ones loaded on first use.
    external: BUNDLE_EXTERNAL,
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    sourcemap: true,
    // V8 keeps each file's source in memory for as long as the process runs: without comments and
    // whitespace the resting server is about 6 MB lighter. Names stay, so stack traces read as before.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
  for (const name of readdirSync(fresh)) if (name.endsWith(".js")) escapeBeyondLatin1(join(fresh, name));
  // The SQLite thread is plain JavaScript started by file name (server/storage/sqlite-worker.ts):
  // it goes beside the bundle, where `new URL("./sqlite-thread.mjs", import.meta.url)` finds it.
  copyFileSync("server/storage/sqlite-thread.mjs", join(fresh, "sqlite-thread.mjs"));
  const old = `${OUT}.old-${process.pid}`;
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(fresh, OUT);
  rmSync(old, { recursive: true, force: true });
}
