/**
 * Battery item 15 (and the "hangs" half of item 4): storage made slow while ten clients type
 * without pause. First the real commit time on this machine is measured; then every commit is
 * made 10× as slow for 1 minute (long form, RELIABILITY_LONG=1: 10 minutes); then commits hang
 * altogether for a few seconds. Bars: the writer's backlog stays bounded (never more than one
 * batch waits), clients see unacknowledged changes ("Gemmer…") while it is slow, are told that
 * saving has problems while it hangs, nothing acknowledged is missing from storage at any
 * point, and everything is saved once storage is back.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { waitFor, sleep } from "../helpers/wait.js";
import { fieldText } from "../helpers/ydoc.js";
import { DEFAULT_WRITER_OPTIONS } from "../../server/collab/persist.js";
import { form } from "./support/form.js";
import { controllableCommits, mean, type CommitControl } from "./support/faults.js";
import { compareTokens, connectTypist, tokensOf, type Typist } from "./support/typist.js";
import { storedDoc } from "./support/stored.js";

const DOC = "svar-nordjylland";
const FIELD = "i1.indsats.tekst";
const CLIENTS = 10;
const SLOW_MS = form(60_000, 10 * 60_000);
const SLOWDOWN = 10;
/** Injected: how long commits hang in the last phase. */
const HANG_MS = 3_000;
/** The writer reports a hanging commit after this long (shortened from 5 s for the test). */
const COMMIT_WARN_MS = 1_000;
/** Injected typing pace: one token per client per tick. */
const TICK_MS = 50;
/** Typing at normal speed while the real commit time is measured. */
const MEASURE_MS = 3_000;
const EDITORS = [
  "redaktoer.aalborg@regionssvar.dk",
  "redaktoer.hjoerring@regionssvar.dk",
  "redaktoer.thisted@regionssvar.dk",
  "koordinator.nordjylland@regionssvar.dk",
];

let server: TestServer;
const typists: Typist[] = [];
afterAll(async () => {
  for (const t of typists) t.destroy();
  await server?.close();
});

async function storedTokens(): Promise<Set<string>> {
  const doc = await storedDoc(server.store, DOC);
  const tokens = new Set(tokensOf(fieldText(doc, FIELD)));
  doc.destroy();
  return tokens;
}

describe("slow storage under continuous editing", () => {
  it(
    `keeps the backlog bounded and loses nothing with ${SLOWDOWN}× slower commits for ${SLOW_MS / 60_000} min, then a hang`,
    async () => {
      let control!: CommitControl;
      server = await startServer({
        wrapStore: (s) => {
          const c = controllableCommits(s);
          control = c.control;
          return c.store;
        },
        deps: { collabOptions: { writer: { ...DEFAULT_WRITER_OPTIONS, commitWarnAfterMs: COMMIT_WARN_MS } } },
      });
      const sessions = await Promise.all(EDITORS.map((e) => login(server, e)));
      for (let i = 0; i < CLIENTS; i++) typists.push(connectTypist(server, sessions[i % sessions.length]!, DOC, i, { field: FIELD }));
      await waitFor(() => typists.every((t) => t.allSaved()), { timeoutMs: 20_000 });

      let typing = true;
      const loop = (async () => {
        while (typing) {
          for (const t of typists) t.type();
          await sleep(TICK_MS);
        }
      })();
      const writer = server.app.collab.writer;
      let maxBacklog = 0;
      let samples = 0;
      let pendingSamples = 0;
      const sampler = setInterval(() => {
        maxBacklog = Math.max(maxBacklog, writer.queuedEntries);
        samples++;
        if (typists.some((t) => t.counter.sent > t.counter.saved)) pendingSamples++;
      }, 100);
      try {
        // normal speed: measure
        await sleep(MEASURE_MS);
        const normalMs = mean(control.realCommitMs);
        const injectedMs = Math.max(1, Math.round(normalMs * (SLOWDOWN - 1)));
        control.delayMs = injectedMs;
        const commitsBefore = control.commits;
        maxBacklog = 0;
        samples = 0;
        pendingSamples = 0;
        await sleep(SLOW_MS);
        const slowCommits = control.commits - commitsBefore;
        const slowBacklog = maxBacklog;
        const slowPendingShare = pendingSamples / Math.max(1, samples);
        const acknowledgedSlow = new Set(typists.flatMap((t) => [...t.acknowledged]));
        const storedSlow = await storedTokens();
        const lostSlow = [...acknowledgedSlow].filter((t) => !storedSlow.has(t));

        // hang: nothing is acknowledged, clients are told, acknowledged tokens are all stored
        control.delayMs = 0;
        control.hanging = true;
        // A slowed commit already under way still finishes (and is acknowledged): the hang starts after it.
        // On a loaded machine it can outlast the warning threshold and tell clients "problems" early.
        await waitFor(() => control.underWay === 0, { timeoutMs: 30_000, message: "the commits under way when the hang began finished" });
        const lastHealth = (t: Typist) => t.events.filter((e) => e.type === "save-health").at(-1);
        await waitFor(() => typists.every((t) => lastHealth(t)?.type === "save-health" && lastHealth(t)?.healthy === false), {
          timeoutMs: HANG_MS + 10_000,
          message: "every client told that saving has problems",
        });
        const savedAtHang = typists.map((t) => t.counter.saved);
        const acknowledgedDuringHang = new Set(typists.flatMap((t) => [...t.acknowledged]));
        const storedDuringHang = await storedTokens();
        const lostHang = [...acknowledgedDuringHang].filter((t) => !storedDuringHang.has(t));
        await sleep(HANG_MS);
        const ackedWhileHanging = typists.filter((t, i) => t.counter.saved > savedAtHang[i]!).length;
        const hangBacklog = writer.queuedEntries;
        control.release();
        typing = false;
        await loop;
        clearInterval(sampler);

        const typed = new Set(typists.flatMap((t) => [...t.typed]));
        await waitFor(() => typists.every((t) => t.allSaved() && t.events.at(-1)?.type === "save-health" && t.events.at(-1)?.healthy === true), {
          timeoutMs: 30_000,
          message: "everything saved and every client told saving is healthy again",
        });
        const stored = await storedTokens();
        const { missing } = compareTokens([...stored].map((t) => ` ${t}`).join(""), typed);
        console.log(
          `slow storage: normal commit ${normalMs.toFixed(1)} ms, ${SLOWDOWN}× = +${injectedMs} ms injected for ${SLOW_MS / 1000} s: ${slowCommits} commits, ` +
            `backlog ≤ ${slowBacklog} entries (bar ${DEFAULT_WRITER_OPTIONS.maxBatchEntries}), clients saw "Gemmer…" in ${(slowPendingShare * 100).toFixed(0)} % of samples, ` +
            `hang ${HANG_MS / 1000} s: backlog ${hangBacklog}, ${ackedWhileHanging} acknowledgements, ` +
            `every client told "problemer med at gemme"; ${typed.size} tokens typed, ${lostSlow.length + lostHang.length} acknowledged but not stored, ${missing.length} missing at the end`,
        );
        expect(lostSlow).toEqual([]);
        expect(slowBacklog).toBeLessThanOrEqual(DEFAULT_WRITER_OPTIONS.maxBatchEntries);
        expect(slowPendingShare).toBeGreaterThan(0);
        expect(lostHang).toEqual([]);
        expect(ackedWhileHanging).toBe(0);
        expect(missing).toEqual([]);
      } finally {
        typing = false;
        clearInterval(sampler);
        control.release();
      }
    },
    form(180_000, 900_000),
  );
});
