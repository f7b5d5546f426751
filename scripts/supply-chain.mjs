#!/usr/bin/env node
/**
 * Version floors of the runtime dependencies that guard the collaboration endpoint, checked on
 * what is INSTALLED (npm ls, production tree, every nested copy), so the check works even where
 * the registry has no advisory endpoint:
 *   ws                 ≥ 8.17.1 (CVE-2024-37890, header flood; or the fixed 7.5.10 / 6.2.3 / 5.2.4)
 *   fastify            ≥ 5.7.3
 *   @fastify/websocket the current release (asked from the registry; "unknown" when it cannot be asked)
 * Prints one line per package and exits 1 when a floor is missed.
 */
import { execFileSync } from "node:child_process";

const FLOORS = {
  ws: { 8: "8.17.1", 7: "7.5.10", 6: "6.2.3", 5: "5.2.4" },
  fastify: { 5: "5.7.3" },
};
const CURRENT = ["@fastify/websocket"];

const parse = (v) => v.split("-")[0].split(".").map(Number);
const atLeast = (v, floor) => {
  const [a, b] = [parse(v), parse(floor)];
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

function installed(names) {
  let out;
  try {
    out = execFileSync("npm", ["ls", ...names, "--all", "--omit=dev", "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (error) {
    out = error.stdout; // npm ls exits 1 on problems elsewhere in the tree; the JSON is still there
  }
  const found = new Map(names.map((n) => [n, new Set()]));
  const walk = (node) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (found.has(name) && child.version) found.get(name).add(child.version);
      walk(child);
    }
  };
  walk(JSON.parse(out));
  return found;
}

function latest(name) {
  try {
    return execFileSync("npm", ["view", name, "version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 20_000 }).trim() || null;
  } catch {
    return null;
  }
}

let failed = false;
const versions = installed([...Object.keys(FLOORS), ...CURRENT]);
for (const [name, floors] of Object.entries(FLOORS)) {
  for (const v of versions.get(name)) {
    const floor = floors[parse(v)[0]];
    const ok = floor !== undefined && atLeast(v, floor);
    failed ||= !ok;
    console.log(`${ok ? "ok    " : "NOT OK"} ${name}@${v} (floor ${floor ?? "none for this major: upgrade"})`);
  }
  if (versions.get(name).size === 0) console.log(`ok     ${name}: not installed`);
}
for (const name of CURRENT) {
  const current = latest(name);
  for (const v of versions.get(name)) {
    if (current === null) {
      console.log(`?      ${name}@${v}: the current release could not be asked from the registry (not checked)`);
      continue;
    }
    const ok = atLeast(v, current);
    failed ||= !ok;
    console.log(`${ok ? "ok    " : "NOT OK"} ${name}@${v} (current release ${current})`);
  }
}
process.exit(failed ? 1 : 0);
