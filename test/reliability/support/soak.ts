/**
 * The soak (battery item 20, `npm run soak -- --minutes N`): a server child process in a fresh
 * data directory under a steady mix of clients for N minutes, while its memory and open handles
 * are sampled. The mix, per reply of the five regions: two editors typing (their text trimmed
 * so the documents do not simply grow), one reader (its familieambulatorium); across the server: a client every few
 * seconds that opens one of ten further replies, types a little and leaves (rooms load and
 * unload), comment threads and replies over HTTP, and reads of the reply list, a reply and its
 * completeness. Samples: RSS, RSS and heap after a full GC (V8 inspector), open file descriptors
 * (sockets, files, timers), loaded rooms and connections. Bar after the warm-up (the first
 * quarter): no growth — heap after GC within 10 % + 4 MB, RSS after GC within 10 % + 16 MB,
 * descriptors within 8 of the first third of the samples after warm-up; no errors.
 */
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { openStore } from "../../../server/storage/index.js";
import { seedDemo } from "../../../server/seed/demo.js";
import { REGIONS } from "../../../shared/regions.js";
import { startChildServer, tempDataDir, waitForExit, TEST_PASSWORD, type ChildServer } from "../../helpers/server.js";
import { connectClient, login, type Session } from "../../helpers/clients.js";
import { callApi } from "../../helpers/api.js";
import { findTextField } from "../../helpers/ydoc.js";
import { waitFor, sleep } from "../../helpers/wait.js";
import { connectTypist, type Typist } from "./typist.js";
import { MESSAGE_EVENT } from "../../../shared/protocol/messages.js";
import { attachInspector, INSPECT_ENV } from "./inspector.js";
import { MB, openFdsOf, rssOf } from "./proc.js";

export interface SoakSample {
  atS: number;
  rssMb: number;
  rssAfterGcMb: number;
  heapAfterGcMb: number;
  fds: number;
  rooms: number;
  connections: number;
}

export interface SoakResult {
  minutes: number;
  samples: SoakSample[];
  warmupS: number;
  edits: number;
  comments: number;
  requests: number;
  churnedClients: number;
  errors: string[];
  /** Figures after warm-up: first third vs last third of the samples (medians; fds: maxima). */
  heap: [number, number];
  rss: [number, number];
  fds: [number, number];
  /** Least-squares slope of the heap after GC over the samples after warm-up, MB per hour. */
  heapSlopeMbPerHour: number;
  passed: boolean;
  verdict: string;
}

/** Each of a reply's two typists has its own field, so the text it deletes is one run of its own
 * items that Yjs merges: the document's history stays small and growth means the server. */
const FIELDS = ["i1.indsats.tekst", "i1.hjemmel.tekst"] as const;
const FIELD = FIELDS[0];
const EXTRA_DOCUMENTS = 10;
/** Injected pace of the mix (ms between actions of each kind). */
const TYPE_EVERY_MS = 400;
const CHURN_EVERY_MS = 3_000;
const COMMENT_EVERY_MS = 5_000;
const READ_EVERY_MS = 1_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Deletes the oldest characters of the field's first text when it is longer than `keep`. */
function trim(doc: Y.Doc, keep: number, field: string = FIELD): void {
  const text = findTextField(doc, field)?.get(0);
  const t = text instanceof Y.XmlElement ? text.get(0) : null;
  if (t instanceof Y.XmlText && t.length > keep * 2) t.delete(0, t.length - keep);
}

export async function runSoak(options: { minutes: number; log?: (line: string) => void }): Promise<SoakResult> {
  const log = options.log ?? (() => {});
  const durationMs = options.minutes * 60_000;
  const sampleEveryMs = Math.max(2_000, Math.min(60_000, durationMs / 40));
  const warmupMs = durationMs / 4;
  const data = tempDataDir();
  const errors: string[] = [];
  let edits = 0;
  let comments = 0;
  let requests = 0;
  let churnedClients = 0;

  // a fresh database: the demo and ten more replies
  const regions = REGIONS.regions.map((r) => r.id);
  const setup = await openStore({ dataDir: data.dir });
  await seedDemo(setup, TEST_PASSWORD);
  const extra: { id: string; regionId: string }[] = [];
  for (let i = 0; i < EXTRA_DOCUMENTS; i++) {
    const regionId = regions[i % regions.length]!;
    const now = new Date().toISOString();
    await setup.insertDocument({
      id: `soak-${i}`,
      regionId,
      title: `Soak ${i}`,
      templateId: "sbst-fornyet-behandling-2025",
      templateVersion: 1,
      state: "udkast",
      createdAt: now,
      updatedAt: now,
    });
    extra.push({ id: `soak-${i}`, regionId });
  }
  const coordinators = new Map<string, string>();
  for (const regionId of regions) {
    const user = (await setup.getUserByEmail(`koordinator.${regionId}@regionssvar.dk`))!;
    coordinators.set(regionId, user.id);
    for (const d of extra.filter((e) => e.regionId === regionId)) await setup.upsertMembership({ documentId: d.id, userId: user.id, role: "koordinator" });
  }
  await setup.close();

  const server: ChildServer = await startChildServer(data.dir, { LOG_LEVEL: "warn", ...INSPECT_ENV });
  const inspector = await attachInspector(server);
  const pid = server.process.pid!;
  const typists: Typist[] = [];
  const readers: ReturnType<typeof connectClient>[] = [];
  const started = Date.now();
  const samples: SoakSample[] = [];
  let running = true;
  try {
    const sessions = new Map<string, Session>();
    for (const regionId of regions) sessions.set(regionId, await login(server, `koordinator.${regionId}@regionssvar.dk`));
    // A reader in each region: its familieambulatorium (the agency reads a draft only when it is shared).
    const readerOf = new Map<string, Session>();
    for (const regionId of regions) readerOf.set(regionId, await login(server, `familieambulatorium.${regionId}@regionssvar.dk`));
    for (const [r, regionId] of regions.entries()) {
      for (let k = 0; k < 2; k++) typists.push(connectTypist(server, sessions.get(regionId)!, `svar-${regionId}`, r * 2 + k, { field: FIELDS[k]! }));
      readers.push(connectClient(server, readerOf.get(regionId)!, `svar-${regionId}`, { ack: false }));
    }
    await waitFor(() => typists.every((t) => t.provider.synced) && readers.every((c) => c.provider.synced), {
      timeoutMs: 60_000,
      message: "soak clients synced",
    });
    const watchTerminal = () => {
      for (const c of [...typists.map((t) => t.closeCodes), ...readers.map((r) => r.closeCodes)]) {
        const bad = c.filter((code) => code >= 4000 && code !== 4529);
        if (bad.length > 0) errors.push(`close codes ${bad.join(",")}`);
        c.length = 0;
      }
    };
    const every = (ms: number, action: () => Promise<void>) =>
      (async () => {
        while (running) {
          try {
            await action();
          } catch (error) {
            errors.push(String(error));
          }
          await sleep(ms);
        }
      })();
    const loops = [
      every(TYPE_EVERY_MS, async () => {
        for (const t of typists) {
          t.type();
          trim(t.doc, 2_000, FIELDS[t.index % 2]);
          edits++;
        }
      }),
      every(CHURN_EVERY_MS, async () => {
        const d = extra[churnedClients % extra.length]!;
        churnedClients++;
        const c = connectClient(server, sessions.get(d.regionId)!, d.id);
        c.provider.messageHandlers[MESSAGE_EVENT] = () => {}; // server events are not this client's business
        try {
          await waitFor(() => c.provider.synced, { timeoutMs: 30_000, message: `churn client on ${d.id} synced` });
          const field = findTextField(c.doc, FIELD)?.get(0);
          const text = field instanceof Y.XmlElement ? field.get(0) : null;
          if (text instanceof Y.XmlText) {
            text.insert(text.length, ` besøg ${churnedClients}`);
            trim(c.doc, 2_000);
            edits++;
          }
          await waitFor(() => c.counter.saved >= c.counter.sent, { timeoutMs: 30_000, message: "churn client saved" });
        } finally {
          c.destroy();
        }
      }),
      every(COMMENT_EVERY_MS, async () => {
        const regionId = regions[comments % regions.length]!;
        const session = sessions.get(regionId)!;
        const threadId = randomUUID();
        const created = await callApi(server, session, "POST", `/api/documents/svar-${regionId}/threads`, {
          threadId,
          quote: "Soak",
          blockId: null,
          body: `Soak-kommentar ${comments}`,
          mentions: [],
        });
        const replied = await callApi(server, session, "POST", `/api/documents/svar-${regionId}/threads/${threadId}/messages`, { body: "Svar", mentions: [] });
        for (const r of [created, replied]) if (r.status !== 201) errors.push(`comment: ${r.status}`);
        comments++;
      }),
      every(READ_EVERY_MS, async () => {
        const regionId = regions[requests % regions.length]!;
        for (const path of ["/api/documents", `/api/documents/svar-${regionId}`, `/api/documents/svar-${regionId}/completeness`]) {
          const r = await callApi(server, readerOf.get(regionId)!, "GET", path);
          requests++;
          if (r.status !== 200) errors.push(`GET ${path}: ${r.status}`);
        }
        watchTerminal();
      }),
    ];

    while (Date.now() - started < durationMs) {
      await sleep(Math.min(sampleEveryMs, durationMs - (Date.now() - started)));
      const rss = rssOf(pid);
      const gc = await inspector.memoryAfterGc();
      const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { rooms: number; connections: number };
      const sample: SoakSample = {
        atS: Math.round((Date.now() - started) / 1000),
        rssMb: rss / MB,
        rssAfterGcMb: gc.rss / MB,
        heapAfterGcMb: gc.heapUsed / MB,
        fds: openFdsOf(pid),
        rooms: health.rooms,
        connections: health.connections,
      };
      samples.push(sample);
      log(
        `t=${sample.atS}s rss ${sample.rssMb.toFixed(0)} MB, after GC rss ${sample.rssAfterGcMb.toFixed(0)} MB heap ${sample.heapAfterGcMb.toFixed(1)} MB, fds ${sample.fds}, rooms ${sample.rooms}, connections ${sample.connections}`,
      );
    }
    running = false;
    await Promise.all(loops);
    await waitFor(() => typists.every((t) => t.allSaved()), { timeoutMs: 60_000, message: "every typist saved at the end" });
  } finally {
    running = false;
    for (const t of typists) t.destroy();
    for (const r of readers) r.destroy();
    inspector.close();
    server.process.kill("SIGKILL");
    await waitForExit(server.process);
    data.remove();
  }

  const after = samples.filter((s) => s.atS * 1000 >= warmupMs);
  const third = Math.max(1, Math.floor(after.length / 3));
  const first = after.slice(0, third);
  const last = after.slice(-third);
  const heap: [number, number] = [median(first.map((s) => s.heapAfterGcMb)), median(last.map((s) => s.heapAfterGcMb))];
  const rss: [number, number] = [median(first.map((s) => s.rssAfterGcMb)), median(last.map((s) => s.rssAfterGcMb))];
  const fds: [number, number] = [Math.max(...first.map((s) => s.fds)), Math.max(...last.map((s) => s.fds))];
  const xs = after.map((s) => s.atS / 3600);
  const ys = after.map((s) => s.heapAfterGcMb);
  const mx = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const my = ys.reduce((a, b) => a + b, 0) / Math.max(1, ys.length);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const heapSlopeMbPerHour = den > 0 ? xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / den : 0;
  const failures: string[] = [];
  if (after.length < 2) failures.push("too few samples after warm-up");
  if (heap[1] > heap[0] * 1.1 + 4) failures.push(`heap after GC grew ${heap[0].toFixed(1)} → ${heap[1].toFixed(1)} MB`);
  if (rss[1] > rss[0] * 1.1 + 16) failures.push(`RSS after GC grew ${rss[0].toFixed(0)} → ${rss[1].toFixed(0)} MB`);
  if (fds[1] > fds[0] + 8) failures.push(`open descriptors grew ${fds[0]} → ${fds[1]}`);
  if (errors.length > 0) failures.push(`${errors.length} errors, first: ${errors[0]}`);
  const verdict = failures.length === 0 ? "no growth after warm-up" : failures.join("; ");
  return {
    minutes: options.minutes,
    samples,
    warmupS: warmupMs / 1000,
    edits,
    comments,
    requests,
    churnedClients,
    errors,
    heap,
    rss,
    fds,
    heapSlopeMbPerHour,
    passed: failures.length === 0,
    verdict,
  };
}

export function describeSoak(r: SoakResult): string {
  return (
    `soak: ${r.minutes} min, ${r.samples.length} samples (warm-up ${r.warmupS.toFixed(0)} s), 10 typists + 5 readers steady, ${r.churnedClients} short visits, ` +
    `${r.edits} edits, ${r.comments} comment threads, ${r.requests} reads; after warm-up: heap after GC ${r.heap[0].toFixed(1)} → ${r.heap[1].toFixed(1)} MB ` +
    `(slope ${r.heapSlopeMbPerHour.toFixed(1)} MB/h), RSS after GC ${r.rss[0].toFixed(0)} → ${r.rss[1].toFixed(0)} MB, open descriptors ${r.fds[0]} → ${r.fds[1]}; ${r.verdict}`
  );
}
