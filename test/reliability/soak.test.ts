/**
 * Battery item 20: `npm run soak -- --minutes N` run as an operator would run it; the script
 * fails when memory or open descriptors grow after the warm-up (test/reliability/support/soak.ts).
 * Short form 15 seconds (a check that the soak and its bar work); long form (RELIABILITY_LONG=1)
 * 30 minutes.
 */
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { form } from "./support/form.js";

const MINUTES = form(0.25, 30);

describe("soak", () => {
  it(
    `shows no growth after warm-up over ${MINUTES} minutes`,
    async () => {
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile("npm", ["run", "--silent", "soak", "--", "--minutes", String(MINUTES)], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
      const summary = stdout.trim().split("\n").at(-1) ?? "";
      console.log(summary);
      expect(summary, stderr).toMatch(/^soak: /);
      expect(code, summary).toBe(0);
    },
    (MINUTES * 60 + 180) * 1000,
  );
});
