/**
 * Scenario 4, memory per loaded room: R rooms × C clients, each room holding the same content
 * (2,000 characters of text, or a fully written reply). The first client of a room brings the
 * content in its sync step 2; the room counts once every client holds it. Memory per room is
 * (RSS with all rooms loaded − RSS with one warm-up room loaded) / R: the server's code, caches
 * and JIT are in the baseline, so what remains is rooms, their connections and the garbage they
 * leave, all of it measured the same way for every server.
 *
 * Afterwards every client leaves; servers that unload idle rooms are asked until none is loaded.
 */
import { round } from "./deliveries.js";
import { benchDocument } from "./fixtures.js";
import { closeRooms, openRooms, waitConverged } from "./rooms.js";
import { waitUntilUnloaded, type RunningServer } from "./servers.js";

export interface MemoryOptions {
  rooms: number;
  perRoom: number;
  /** What every room holds, as one update (stateOf(docWith…())). */
  content: Uint8Array;
  label: string;
}

export interface MemoryResult {
  content: string;
  contentBytes: number;
  rooms: number;
  perRoom: number;
  rssMbBaseline: number;
  rssMbLoaded: number;
  kbPerRoom: number;
  /** Null: the server cannot tell (the reference server keeps every document). */
  idleRoomsUnloaded: boolean | null;
  rssMbAfterUnload: number;
}

async function settledRss(server: RunningServer): Promise<number> {
  // RSS right after a burst still grows for a moment (lazy allocation); read it until it stops
  let previous = server.rssBytes();
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = server.rssBytes();
    if (Math.abs(now - previous) < 256 * 1024) return now;
    previous = now;
  }
  return previous;
}

export async function runMemory(server: RunningServer, o: MemoryOptions): Promise<MemoryResult> {
  const warm = await openRooms(server, [benchDocument(o.rooms)], o.perRoom, { firstClientContent: o.content });
  await waitConverged(warm);
  const baseline = await settledRss(server);
  const names = Array.from({ length: o.rooms }, (_, i) => benchDocument(i));
  const rooms = await openRooms(server, names, o.perRoom, { firstClientContent: o.content, concurrency: 20 });
  let loaded: number;
  try {
    await waitConverged(rooms);
    loaded = await settledRss(server);
  } finally {
    await closeRooms(rooms);
    await closeRooms(warm);
  }
  const canTell = (await server.loadedRooms()) !== null;
  const unloaded = canTell ? await waitUntilUnloaded(server) : null;
  return {
    content: o.label,
    contentBytes: o.content.length,
    rooms: o.rooms,
    perRoom: o.perRoom,
    rssMbBaseline: round(baseline / 2 ** 20, 1),
    rssMbLoaded: round(loaded / 2 ** 20, 1),
    kbPerRoom: round((loaded - baseline) / 1024 / o.rooms, 1),
    idleRoomsUnloaded: unloaded,
    rssMbAfterUnload: round((await settledRss(server)) / 2 ** 20, 1),
  };
}
