/**
 * Scenario 3, a real editing trace: the automerge-perf LaTeX paper (bench/data, CC BY 4.0) typed
 * into one text field by one client, 100 single-character edits per transaction (one frame), with
 * a second client in the room. Each frame waits until the peer has applied the previous one and
 * frames are at most MAX_FRAMES_PER_SECOND apart: a person does not type 100 keys in 5 ms, and
 * Regionssvar closes a connection that sends more than 200 frames per second for long.
 *
 * Then: the final document's size, and cold loads: after every client left and the room was
 * unloaded, a fresh client (empty document) connects, and the time until it is synced is
 * measured. The reference server never unloads (it keeps documents in memory), and Hocuspocus
 * without storage loses the document when it unloads it; both are reported as such.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { BenchClient } from "./client.js";
import { DeliveryTracker, round, summarise, type LatencySummary } from "./deliveries.js";
import { fieldXmlText } from "./content.js";
import { benchDocument } from "./fixtures.js";
import { closeRooms, openRooms } from "./rooms.js";
import { waitUntilUnloaded, type RunningServer } from "./servers.js";

export const TRACE_FILE = "bench/data/automerge-paper.json.gz";
const BATCH = 100;
const MAX_FRAMES_PER_SECOND = 180;

type Patch = [number, number, string];
interface Trace {
  endContent: string;
  patches: Patch[];
}

let cached: Trace | null = null;
export function loadTrace(): Trace {
  if (!cached) {
    const json = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString()) as { endContent: string; txns: { patches: Patch[] }[] };
    cached = { endContent: json.endContent, patches: json.txns.flatMap((t) => t.patches) };
  }
  return cached;
}

export interface TraceOptions {
  /** Edits replayed (the whole trace: 259,778). */
  edits: number;
  coldLoads: number;
}

export interface TraceResult {
  edits: number;
  frames: number;
  replayMs: number;
  serverCpuMsReplay: number;
  serverCpuUsPerEdit: number;
  frameLatencyMs: LatencySummary;
  textMatchesTrace: boolean | null;
  docBytesV1: number;
  docBytesV2: number;
  serverRssMbAfterReplay: number;
  unloadedBeforeColdLoad: boolean;
  coldLoadMs: LatencySummary | null;
  coldLoadNote: string;
}

const text = (doc: Y.Doc) => fieldXmlText(doc).toString();

export async function runTrace(server: RunningServer, o: TraceOptions): Promise<TraceResult> {
  const trace = loadTrace();
  const patches = trace.patches.slice(0, o.edits);
  const name = benchDocument(209);
  const [room] = await openRooms(server, [name], 2);
  const [writer, observer] = room!.clients as [BenchClient, BenchClient];
  let replayMs = 0;
  let cpu = 0;
  let tracker: DeliveryTracker;
  try {
    const t = fieldXmlText(writer.doc);
    tracker = new DeliveryTracker(writer, [observer]);
    const minGap = 1000 / MAX_FRAMES_PER_SECOND;
    const cpuBefore = server.cpuMs();
    const started = performance.now();
    let last = 0;
    for (let i = 0; i < patches.length; i += BATCH) {
      const wait = last + minGap - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      last = performance.now();
      await tracker.edit((doc) =>
        doc.transact(() => {
          for (const [pos, del, ins] of patches.slice(i, i + BATCH)) {
            if (del > 0) t.delete(pos, del);
            if (ins) t.insert(pos, ins);
          }
        }),
      );
    }
    replayMs = performance.now() - started;
    cpu = server.cpuMs() - cpuBefore;
  } finally {
    await closeRooms([room!]);
  }
  const final = text(observer.doc);
  const whole = o.edits >= trace.patches.length;
  const update = Y.encodeStateAsUpdate(observer.doc);
  const result = {
    edits: patches.length,
    frames: Math.ceil(patches.length / BATCH),
    replayMs: round(replayMs, 0),
    serverCpuMsReplay: round(cpu, 0),
    serverCpuUsPerEdit: round((cpu * 1000) / patches.length, 2),
    frameLatencyMs: summarise(tracker!.latencies),
    textMatchesTrace: whole ? final === trace.endContent : final === text(writer.doc),
    docBytesV1: update.length,
    docBytesV2: Y.encodeStateAsUpdateV2(observer.doc).length,
    serverRssMbAfterReplay: round(server.rssBytes() / 2 ** 20, 1),
  };
  return { ...result, ...(await coldLoads(server, name, final, o.coldLoads)) };
}

async function coldLoads(server: RunningServer, name: string, expected: string, count: number) {
  const canUnload = (await server.loadedRooms()) !== null;
  if (!server.stores && canUnload) {
    return { unloadedBeforeColdLoad: true, coldLoadMs: null, coldLoadNote: "nothing stored: the document is gone once unloaded" };
  }
  const times: number[] = [];
  let unloaded = true;
  for (let i = 0; i < count; i++) {
    if (canUnload) unloaded = (await waitUntilUnloaded(server)) && unloaded;
    // an empty document, whatever the server: everything comes from the server
    const client = new BenchClient(server.target(name, i));
    const started = performance.now();
    try {
      await client.connect(60_000);
      times.push(performance.now() - started);
      if (text(client.doc) !== expected) throw new Error(`cold load ${i} of ${name} returned different text`);
    } finally {
      await client.close();
    }
  }
  return {
    unloadedBeforeColdLoad: canUnload && unloaded,
    coldLoadMs: summarise(times),
    coldLoadNote: canUnload ? "from storage, after the room was unloaded" : "from memory: this server never unloads a document",
  };
}
