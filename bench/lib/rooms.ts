/**
 * Opening rooms full of benchmark clients. The first client of a room connects alone (on servers
 * that do not seed, it brings the template seed in its sync step 2), the others follow; handshakes
 * are limited in number at once so the upgrade burst itself is not what gets measured.
 */
import * as Y from "yjs";
import { BenchClient, closeAll, connectAll } from "./client.js";
import { newDoc } from "./content.js";
import { seedsItself, type RunningServer } from "./servers.js";

export interface Room {
  name: string;
  clients: BenchClient[];
}

/**
 * Client `i` of `name`: on Regionssvar an empty document (as a browser opens it; the server
 * sends the seeded reply), elsewhere a document that holds the seed already; `initial` is
 * applied on top (content the client brings).
 */
export function roomClient(server: RunningServer, name: string, i: number, initial?: Uint8Array): BenchClient {
  const doc = newDoc(!seedsItself(server.kind));
  if (initial) Y.applyUpdate(doc, initial);
  return new BenchClient(server.target(name, i), doc);
}

export async function openRooms(
  server: RunningServer,
  names: string[],
  perRoom: number,
  options: { firstClientContent?: Uint8Array; concurrency?: number } = {},
): Promise<Room[]> {
  const rooms: Room[] = names.map((name) => ({
    name,
    clients: Array.from({ length: perRoom }, (_, i) => roomClient(server, name, i, i === 0 ? options.firstClientContent : undefined)),
  }));
  await connectAll(
    rooms.map((r) => r.clients[0]!),
    options.concurrency,
  );
  await connectAll(
    rooms.flatMap((r) => r.clients.slice(1)),
    options.concurrency,
  );
  return rooms;
}

export async function closeRooms(rooms: Room[]): Promise<void> {
  await closeAll(rooms.flatMap((r) => r.clients));
}

/** Resolves when every client of every room holds the same state as its room's first client. */
export async function waitConverged(rooms: Room[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const equal = (a: Y.Doc, b: Y.Doc) => {
    const sa = Y.encodeStateVector(a);
    const sb = Y.encodeStateVector(b);
    return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
  };
  while (!rooms.every((r) => r.clients.every((c) => equal(c.doc, r.clients[0]!.doc)))) {
    if (Date.now() > deadline) throw new Error(`rooms did not converge within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
