/**
 * Battery item 21: scripts/audit.sh (also run by CI): the version floors of ws, fastify and
 * @fastify/websocket on the installed production tree, and `npm audit --omit=dev` with no
 * high or critical advisory. Where the registry has no advisory endpoint the audit is reported
 * as not checked (the figure says so) and only the floors decide.
 */
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("supply chain", () => {
  it("meets the version floors and has no high or critical advisory", async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile("bash", ["scripts/audit.sh"], { timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    const floors = output.split("\n").filter((l) => /^(ok|NOT OK|\?)\s/.test(l));
    const advisories = output.includes("NOT CHECKED")
      ? "advisories not checked (no advisory endpoint)"
      : code === 0
        ? "0 high/critical advisories"
        : "high/critical advisories found";
    console.log(`supply chain: ${floors.map((l) => l.replace(/\s+/g, " ")).join("; ")}; ${advisories}`);
    expect(floors.length).toBeGreaterThanOrEqual(3);
    expect(code, output).toBe(0);
  }, 150_000);
});
