/**
 * Battery item 8: network chaos. Each run puts three typing clients on a new document behind a
 * misbehaving TCP proxy (support/chaos-proxy.ts): 0–500 ms latency, 5 % of data frames "dropped"
 * (the connection is cut: TCP itself never drops a frame), 5 % of data frames duplicated, a
 * partition (30 s in every tenth run of the long form, 0.5–2 s otherwise) and connections cut at
 * random. Then the network heals; every client and a fresh verifier connected directly must hold
 * the same state with every token exactly once. Runs go several at a time (each its own proxy
 * and document). Short form 20 runs; long form (RELIABILITY_LONG=1) 200.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session } from "../helpers/clients.js";
import { seededRandom } from "../helpers/random.js";
import { waitFor, sleep } from "../helpers/wait.js";
import { fieldText } from "../helpers/ydoc.js";
import { form, testSeed } from "./support/form.js";
import { ChaosProxy } from "./support/chaos-proxy.js";
import { compareTokens, connectTypist, type Typist } from "./support/typist.js";

const RUNS = form(20, 200);
const CONCURRENT = form(5, 10);
const SEED = testSeed();
const FIELD = "i1.indsats.tekst";
/** How long the faults last per run (the partition may run past it; healing waits for it). */
const CHAOS_MS = form(2_000, 4_000);
const LONG_PARTITION_MS = 30_000;
/** Injected: time between typing ticks of the clients. */
const TICK_MS = 40;
const CONVERGE_TIMEOUT_MS = form(30_000, 90_000);
const EDITORS = ["redaktoer.aalborg@regionssvar.dk", "redaktoer.hjoerring@regionssvar.dk", "redaktoer.thisted@regionssvar.dk"];

let server: TestServer;
let sessions: Session[];
beforeAll(async () => {
  server = await startServer();
  sessions = await Promise.all(EDITORS.map((e) => login(server, e)));
});
afterAll(async () => server?.close());

async function newDocument(id: string): Promise<void> {
  const now = new Date().toISOString();
  await server.store.insertDocument({
    id,
    regionId: "nordjylland",
    title: id,
    templateId: "sbst-fornyet-behandling-2025",
    templateVersion: 1,
    state: "udkast",
    createdAt: now,
    updatedAt: now,
  });
  for (const s of sessions) await server.store.upsertMembership({ documentId: id, userId: s.userId, role: "redaktoer" });
}

interface RunFigures {
  frames: number;
  duplicated: number;
  dropped: number;
  cuts: number;
  partitionMs: number;
  tokens: number;
  convergedMs: number;
}

async function runOnce(run: number): Promise<RunFigures> {
  const random = seededRandom(SEED * 1000 + run);
  const documentId = `chaos-${SEED}-${run}`;
  await newDocument(documentId);
  const proxy = new ChaosProxy(Number(new URL(server.baseUrl).port), random);
  const proxyPort = await proxy.listen();
  // the browser's origin is the address it talks to: the proxy
  const endpoint = { baseUrl: server.baseUrl, wsUrl: `ws://127.0.0.1:${proxyPort}`, origin: `http://127.0.0.1:${proxyPort}` };
  const typists: Typist[] = sessions.map((s, i) => connectTypist(endpoint, s, documentId, i, { field: FIELD, maxBackoffTime: 1000 }));
  const verifier = connectClient(server, sessions[0]!, documentId);
  try {
    await waitFor(() => typists.every((t) => t.provider.synced), { timeoutMs: 20_000, message: `run ${run}: synced` });
    proxy.settings = { maxLatencyMs: Math.floor(random() * 501), dropRate: 0.05, duplicateRate: 0.05, partitioned: false };
    const partitionMs = run % 10 === 0 && form(false, true) ? LONG_PARTITION_MS : 500 + Math.floor(random() * 1500);
    const partitionAt = Date.now() + random() * CHAOS_MS;
    let partitionEnds = 0;
    const end = Date.now() + CHAOS_MS;
    while (Date.now() < end || (partitionEnds > 0 && Date.now() < partitionEnds)) {
      for (const t of typists) if (random() < 0.6) t.type();
      if (random() < 0.03) proxy.cutRandom();
      if (random() < 0.05) proxy.settings.maxLatencyMs = Math.floor(random() * 501);
      if (partitionEnds === 0 && Date.now() >= partitionAt) {
        proxy.partition(true);
        partitionEnds = Date.now() + partitionMs;
      }
      if (partitionEnds > 0 && Date.now() >= partitionEnds) proxy.partition(false);
      await sleep(TICK_MS);
    }
    proxy.heal();
    const healed = Date.now();
    const typed = new Set(typists.flatMap((t) => [...t.typed]));
    await waitFor(() => typists.every((t) => t.allSaved() && compareTokens(t.text(), typed).missing.length === 0), {
      timeoutMs: CONVERGE_TIMEOUT_MS,
      intervalMs: 50,
      message: `run ${run} (seed ${SEED}): every client saved and has every token`,
    });
    const convergedMs = Date.now() - healed;
    const reference = () => Y.encodeStateVector(verifier.doc).toString();
    await waitFor(() => verifier.provider.synced && typists.every((t) => Y.encodeStateVector(t.doc).toString() === reference()), {
      timeoutMs: 20_000,
      message: `run ${run} (seed ${SEED}): the verifier has the clients' state`,
    });
    const text = fieldText(verifier.doc, FIELD);
    for (const t of typists) expect(t.text(), `run ${run}: equal text`).toBe(text);
    const { missing, duplicated } = compareTokens(text, typed);
    expect(missing, `run ${run} (seed ${SEED}): missing tokens`).toEqual([]);
    expect(duplicated, `run ${run} (seed ${SEED}): duplicated content`).toEqual([]);
    return { ...proxy.stats, partitionMs, tokens: typed.size, convergedMs };
  } finally {
    for (const t of typists) t.destroy();
    verifier.destroy();
    await proxy.close();
  }
}

describe(`network chaos through a TCP proxy (seed ${SEED})`, () => {
  it(
    `converges after ${RUNS} runs of latency, drops, duplicates, partitions and cuts`,
    async () => {
      const results: RunFigures[] = [];
      for (let first = 0; first < RUNS; first += CONCURRENT) {
        const batch = Array.from({ length: Math.min(CONCURRENT, RUNS - first) }, (_, i) => runOnce(first + i));
        results.push(...(await Promise.all(batch)));
      }
      const sum = (f: (r: RunFigures) => number) => results.reduce((n, r) => n + f(r), 0);
      console.log(
        `network chaos: ${results.length} runs, ${sum((r) => r.frames)} frames through the proxy, ${sum((r) => r.duplicated)} duplicated, ` +
          `${sum((r) => r.dropped)} dropped (connection cut), ${sum((r) => r.cuts)} cuts in all, partitions up to ${Math.max(...results.map((r) => r.partitionMs))} ms, ` +
          `${sum((r) => r.tokens)} tokens, 0 divergent, 0 duplicated, converged ≤ ${Math.max(...results.map((r) => r.convergedMs))} ms after healing, seed ${SEED}`,
      );
      expect(results.length).toBe(RUNS);
    },
    form(300_000, 2_400_000),
  );
});
