/**
 * Scenario 1, fan-out: N clients in one room; client 0 types one character per edit in a closed
 * loop (the next edit starts when every other client has applied the previous one). Latency is
 * from the edit until the last peer applied it; the server's CPU time is read over the measured
 * edits, per edit and per delivered message (edits × peers).
 *
 * Edits are at least 1/MAX_EDITS_PER_SECOND apart: Regionssvar closes a connection that sends more
 * than 200 frames per second for long (nobody types that fast), and a closed loop on loopback
 * would otherwise exceed that within seconds. The pause is the same for every server.
 *
 * With two instances, client i connects to instance i mod 2: the writer is on the first, half
 * the peers on the other, so every edit crosses Redis.
 */
import type { BenchClient } from "./client.js";
import { DeliveryTracker, round, summarise, type LatencySummary } from "./deliveries.js";
import { typeAtEnd } from "./content.js";
import { benchDocument } from "./fixtures.js";
import { closeRooms, openRooms } from "./rooms.js";
import type { RunningServer } from "./servers.js";

const MAX_EDITS_PER_SECOND = 150;

export interface FanoutResult {
  clients: number;
  edits: number;
  latencyMs: LatencySummary;
  serverCpuMsPerEdit: number;
  /** The kernel's share of it (socket writes, fsync). */
  serverSystemCpuMsPerEdit: number;
  serverCpuUsPerDelivery: number;
  serverRssMb: number;
}

export interface FanoutOptions {
  clients: number;
  edits: number;
  warmup: number;
  /** The document (room) to use; sizes run in one process use one room each. */
  document?: string;
  /** The loop stops early after this long (bounded in time as well as count). */
  maxMs: number;
}

export async function runFanout(server: RunningServer, o: FanoutOptions): Promise<FanoutResult> {
  const [room] = await openRooms(server, [o.document ?? benchDocument(0)], o.clients);
  try {
    const [writer, ...readers] = room!.clients as [BenchClient, ...BenchClient[]];
    const warm = new DeliveryTracker(writer, readers);
    for (let i = 0; i < o.warmup; i++) {
      await warm.edit((doc) => typeAtEnd(doc, "w"));
      await new Promise((r) => setTimeout(r, 1000 / MAX_EDITS_PER_SECOND));
    }
    const tracker = new DeliveryTracker(writer, readers);
    const deadline = Date.now() + o.maxMs;
    const cpuBefore = server.cpuMs();
    const systemBefore = server.cpuSystemMs();
    let edits = 0;
    let last = 0;
    while (edits < o.edits && Date.now() < deadline) {
      const wait = last + 1000 / MAX_EDITS_PER_SECOND - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      last = performance.now();
      await tracker.edit((doc) => typeAtEnd(doc, String.fromCharCode(97 + (edits % 26))));
      edits++;
    }
    const cpu = server.cpuMs() - cpuBefore;
    const system = server.cpuSystemMs() - systemBefore;
    return {
      clients: o.clients,
      edits,
      latencyMs: summarise(tracker.latencies),
      serverCpuMsPerEdit: round(cpu / edits, 3),
      serverSystemCpuMsPerEdit: round(system / edits, 3),
      serverCpuUsPerDelivery: round((cpu * 1000) / Math.max(1, tracker.delivered), 1),
      serverRssMb: round(server.rssBytes() / 2 ** 20, 1),
    };
  } finally {
    await closeRooms([room!]);
  }
}
