/**
 * Battery item 1: kill -9 of the server (a child process) at random moments while 10–20
 * clients type, also at the start of a snapshot compaction and in the middle of a workflow
 * transition; restart; reconnect. Bars: acknowledged tokens lost 0, SQLite integrity_check ok
 * after every kill, workflow records consistent, every client ends with every token.
 * Short form 5 cycles / 10 clients; long form (RELIABILITY_LONG=1) 50 cycles / 20 clients.
 */
import { afterAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../helpers/tmp.js";
import { form, testSeed } from "./support/form.js";
import { runKillCycles } from "./support/kill-cycles.js";

const CYCLES = form(5, 50);
const CLIENTS = form(10, 20);
const SEED = testSeed();
const data = tempDataDir();
afterAll(() => data.remove());

describe(`kill -9 cycles on SQLite (seed ${SEED})`, () => {
  it(
    `loses no acknowledged edit over ${CYCLES} kills with ${CLIENTS} clients`,
    async () => {
      const figures = await runKillCycles({
        backend: { dataDir: data.dir },
        cycles: CYCLES,
        clients: CLIENTS,
        seed: SEED,
        kinds: ["random", "compaction", "workflow"],
        convergeTimeoutMs: form(45_000, 90_000),
      });
      console.log(
        `kill -9 on SQLite: ${figures.cycles} cycles (${figures.kills.random} random, ${figures.kills.compaction} at a compaction, ` +
          `${figures.compactionsInterrupted} of them before its commit, ${figures.kills.workflow} in a workflow transition → ${JSON.stringify(figures.workflowOutcomes)}), ` +
          `${CLIENTS} clients, ${figures.typed} tokens typed, ${figures.acknowledged} acknowledged, ${figures.lost} lost, integrity_check ok ${figures.integrityOk}/${figures.cycles}, seed ${SEED}`,
      );
      expect(figures.lost).toBe(0);
      expect(figures.integrityOk).toBe(figures.cycles);
      expect(figures.acknowledged).toBeGreaterThan(0);
    },
    form(300_000, 1_800_000),
  );
});
