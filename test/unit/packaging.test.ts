/**
 * What a production install carries (issue 15 item 14, issue 19): the server runs compiled, so the
 * build tools are development dependencies, and `npm start` runs node on the compiled server
 * without a TypeScript loader.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe("packaging", () => {
  it("keeps the build tools out of the production dependencies", () => {
    for (const tool of ["vite", "@vitejs/plugin-react", "tsx", "typescript", "esbuild"]) {
      expect(pkg.dependencies[tool], tool).toBeUndefined();
      expect(pkg.devDependencies[tool], tool).toBeDefined();
    }
  });

  it("starts the compiled server with node, not through npx or tsx", () => {
    const start = readFileSync("scripts/start.mjs", "utf8");
    // --max-semi-space-size=2: V8's young generation grows to ~11 MB during start and stays there
    // at rest; 2 MB keeps the idle instance under 100 MB (docs/benchmarks.md, session 8).
    expect(pkg.scripts.start).toBe("node --max-semi-space-size=2 scripts/start.mjs");
    expect(start).toContain('import("../dist/server/main.js")');
    expect(start).not.toMatch(/spawn\(|"npx"|"tsx"/);
  });
});
