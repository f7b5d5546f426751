import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary directory for one test's data, and its removal. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "regionssvar-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
