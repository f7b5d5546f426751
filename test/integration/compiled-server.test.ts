/**
 * The compiled server (issue 19): `npm start` runs `node dist/server/main.js` with no TypeScript
 * loader. It serves, seeds, signs people in, and stops cleanly on SIGTERM sent straight to it.
 * (The crash and restart tests also run this build: test/helpers/server.ts startChildServer.)
 */
import { readFileSync, readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { startChildServer, tempDataDir, waitForExit, type ChildServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";

let child: ChildServer | undefined;
let data: { dir: string; remove: () => void } | undefined;
afterEach(async () => {
  if (child && child.process.exitCode === null) child.process.kill("SIGKILL");
  data?.remove();
});

describe("the compiled server", () => {
  it("is plain JavaScript that node runs directly, serves, signs in and stops on SIGTERM", async () => {
    const main = readFileSync("dist/server/main.js", "utf8");
    expect(main).not.toMatch(/\bfrom "tsx"|import\("tsx"\)/);
    data = tempDataDir();
    child = await startChildServer(data.dir);
    expect(child.process.spawnargs).toEqual([process.execPath, "--enable-source-maps", "dist/server/main.js"]);
    const health = await fetch(`${child.baseUrl}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    const session = await login(child, "koordinator.nordjylland@regionssvar.dk");
    expect(session.userId).toBeTruthy();
    child.process.kill("SIGTERM");
    expect(await waitForExit(child.process)).toEqual({ code: 0, signal: null });
  });

  it("keeps every file Latin-1, so V8 holds its source at one byte a character", () => {
    // One character beyond Latin-1 (a “ in a dependency's regular expression) made V8 keep a
    // 1.2 MB file as 2.5 MB for the life of the process (scripts/server-build.mjs).
    const files = readdirSync("dist/server").filter((name) => name.endsWith(".js"));
    expect(files.length).toBeGreaterThan(1);
    for (const name of files) expect(readFileSync(`dist/server/${name}`, "utf8").match(/[\u0100-\uffff]/g) ?? [], name).toEqual([]);
  });
});
