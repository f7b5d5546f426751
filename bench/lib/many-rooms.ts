/**
 * Scenario 2, many rooms: R rooms × C clients on one server (two instances: alternating). In
 * every room client 0 types one character every 1/rate seconds, on an open-loop schedule (a
 * fixed offered load, the same for every server, with each room's phase drawn from a seeded
 * generator), for a fixed time. Latency per edit is until the room's last peer applied it.
 * Also measured: connecting all clients (wall time, server CPU) and the server's RSS.
 */
import { DeliveryTracker, round, summarise, type LatencySummary } from "./deliveries.js";
import { typeAtEnd } from "./content.js";
import { benchDocument } from "./fixtures.js";
import { closeRooms, openRooms } from "./rooms.js";
import type { RunningServer } from "./servers.js";
import { seededRandom as random } from "../../test/helpers/random.js";

export interface ManyRoomsOptions {
  rooms: number;
  perRoom: number;
  /** Edits per second in each room. */
  rate: number;
  durationMs: number;
  /** Seed of the phase generator (printed with the results). */
  seed: number;
}

export interface ManyRoomsResult {
  rooms: number;
  perRoom: number;
  connections: number;
  editsPerSecondPerRoom: number;
  connectMs: number;
  serverCpuMsConnect: number;
  edits: number;
  undelivered: number;
  latencyMs: LatencySummary;
  serverCpuMsPerEdit: number;
  serverCpuUsPerDelivery: number;
  serverRssMbConnected: number;
  serverRssMbEnd: number;
}

export async function runManyRooms(server: RunningServer, o: ManyRoomsOptions): Promise<ManyRoomsResult> {
  const names = Array.from({ length: o.rooms }, (_, i) => benchDocument(i));
  const cpuStart = server.cpuMs();
  const connectStart = performance.now();
  const rooms = await openRooms(server, names, o.perRoom);
  try {
    const connectMs = performance.now() - connectStart;
    const cpuConnected = server.cpuMs();
    const rssConnected = server.rssBytes();
    const trackers = rooms.map((r) => new DeliveryTracker(r.clients[0]!, r.clients.slice(1)));
    const next = random(o.seed);
    const period = 1000 / o.rate;
    const failures: unknown[] = [];
    const end = performance.now() + o.durationMs;
    await Promise.all(
      trackers.map(
        (tracker) =>
          new Promise<void>((done) => {
            let n = 0;
            const tick = () => {
              if (performance.now() >= end) return done();
              tracker.edit((doc) => typeAtEnd(doc, String.fromCharCode(97 + (n++ % 26))), 60_000).catch((e: unknown) => failures.push(e));
              setTimeout(tick, period);
            };
            setTimeout(tick, next() * period);
          }),
      ),
    );
    // let what is in flight arrive (bounded), then read the cost
    const drainDeadline = Date.now() + 15_000;
    while (trackers.some((t) => t.outstanding > 0) && Date.now() < drainDeadline) await new Promise((r) => setTimeout(r, 10));
    const cpu = server.cpuMs() - cpuConnected;
    const latencies = trackers.flatMap((t) => t.latencies);
    const delivered = trackers.reduce((s, t) => s + t.delivered, 0);
    const undelivered = trackers.reduce((s, t) => s + t.outstanding, 0);
    return {
      rooms: o.rooms,
      perRoom: o.perRoom,
      connections: o.rooms * o.perRoom,
      editsPerSecondPerRoom: o.rate,
      connectMs: round(connectMs, 0),
      serverCpuMsConnect: round(cpuConnected - cpuStart, 0),
      edits: latencies.length + undelivered,
      undelivered,
      latencyMs: summarise(latencies),
      serverCpuMsPerEdit: round(cpu / Math.max(1, latencies.length + undelivered), 3),
      serverCpuUsPerDelivery: round((cpu * 1000) / Math.max(1, delivered), 1),
      serverRssMbConnected: round(rssConnected / 2 ** 20, 1),
      serverRssMbEnd: round(server.rssBytes() / 2 ** 20, 1),
    };
  } finally {
    await closeRooms(rooms);
  }
}
