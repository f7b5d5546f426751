/**
 * A TCP proxy that misbehaves on purpose, between websocket clients and the server. It passes
 * the HTTP upgrade through (without Sec-WebSocket-Extensions, so frames stay uncompressed and
 * can be copied), then reads websocket frames in both directions and:
 *
 *   latency    delays every frame by a random 0..max ms, keeping the order per direction
 *   drop       TCP never drops a frame, so a "dropped" frame cuts the connection instead
 *   duplicate  sends a complete binary data frame twice
 *   partition  forwards nothing (new connections included) until healed; held frames then
 *              arrive in order, as after a real partition TCP retransmits them
 *   cut        destroys connections at once (both sides see a reset)
 */
import { createServer, connect, type Server, type Socket } from "node:net";

export interface ChaosSettings {
  maxLatencyMs: number;
  /** Probability per binary data frame that the connection is cut instead of delivering it. */
  dropRate: number;
  /** Probability per complete binary data frame that it is delivered twice. */
  duplicateRate: number;
  partitioned: boolean;
}

export const CALM: ChaosSettings = { maxLatencyMs: 0, dropRate: 0, duplicateRate: 0, partitioned: false };

export interface ChaosStats {
  connections: number;
  frames: number;
  duplicated: number;
  dropped: number;
  cuts: number;
}

interface Direction {
  from: Socket;
  to: Socket;
  /** Bytes received and not yet split into frames. */
  pending: Buffer;
  /** Still in the HTTP upgrade (before the blank line). */
  handshake: boolean;
  /** Frames waiting for delivery, with their due time. */
  queue: { due: number; data: Buffer }[];
  timer: NodeJS.Timeout | null;
  lastDue: number;
  clientToServer: boolean;
}

interface Link {
  client: Socket;
  upstream: Socket;
  directions: Direction[];
  closed: boolean;
}

export class ChaosProxy {
  settings: ChaosSettings = { ...CALM };
  readonly stats: ChaosStats = { connections: 0, frames: 0, duplicated: 0, dropped: 0, cuts: 0 };
  private readonly links = new Set<Link>();
  private server: Server | null = null;

  constructor(
    private readonly targetPort: number,
    private readonly random: () => number,
  ) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    return typeof address === "object" && address ? address.port : 0;
  }

  get openConnections(): number {
    return this.links.size;
  }

  private accept(client: Socket): void {
    this.stats.connections++;
    const upstream = connect(this.targetPort, "127.0.0.1");
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const link: Link = { client, upstream, directions: [], closed: false };
    const direction = (from: Socket, to: Socket, clientToServer: boolean): Direction => ({
      from,
      to,
      pending: Buffer.alloc(0),
      handshake: true,
      queue: [],
      timer: null,
      lastDue: 0,
      clientToServer,
    });
    link.directions = [direction(client, upstream, true), direction(upstream, client, false)];
    this.links.add(link);
    for (const d of link.directions) {
      d.from.on("data", (chunk: Buffer) => this.receive(link, d, chunk));
      d.from.on("error", () => this.cut(link, false));
      d.from.on("close", () => this.cut(link, false));
    }
  }

  private receive(link: Link, d: Direction, chunk: Buffer): void {
    if (link.closed) return;
    d.pending = d.pending.length === 0 ? chunk : Buffer.concat([d.pending, chunk]);
    if (d.handshake) {
      const end = d.pending.indexOf("\r\n\r\n");
      if (end < 0) return;
      let head = d.pending.subarray(0, end + 4).toString("latin1");
      if (d.clientToServer) head = head.replace(/\r\nSec-WebSocket-Extensions:[^\r]*/i, "");
      this.schedule(link, d, Buffer.from(head, "latin1"));
      d.pending = d.pending.subarray(end + 4);
      d.handshake = false;
    }
    for (;;) {
      const frame = nextFrame(d.pending);
      if (!frame) return;
      d.pending = d.pending.subarray(frame.length);
      this.stats.frames++;
      const binaryData = (frame[0]! & 0x0f) === 2;
      if (binaryData && this.random() < this.settings.dropRate) {
        this.stats.dropped++;
        this.cut(link, true);
        return;
      }
      this.schedule(link, d, frame);
      if (binaryData && (frame[0]! & 0x80) !== 0 && this.random() < this.settings.duplicateRate) {
        this.stats.duplicated++;
        this.schedule(link, d, frame);
      }
    }
  }

  private schedule(link: Link, d: Direction, data: Buffer): void {
    const due = Math.max(d.lastDue, Date.now() + Math.floor(this.random() * (this.settings.maxLatencyMs + 1)));
    d.lastDue = due;
    d.queue.push({ due, data: Buffer.from(data) });
    this.pump(link, d);
  }

  /** Delivers what is due, in order; waits for the head of the queue otherwise. */
  private pump(link: Link, d: Direction): void {
    if (link.closed || d.timer || this.settings.partitioned) return;
    const now = Date.now();
    while (d.queue.length > 0 && d.queue[0]!.due <= now) d.to.write(d.queue.shift()!.data);
    if (d.queue.length > 0) {
      d.timer = setTimeout(() => {
        d.timer = null;
        this.pump(link, d);
      }, d.queue[0]!.due - now);
    }
  }

  private cut(link: Link, counted: boolean): void {
    if (link.closed) return;
    link.closed = true;
    if (counted) this.stats.cuts++;
    for (const d of link.directions) if (d.timer) clearTimeout(d.timer);
    link.client.destroy();
    link.upstream.destroy();
    this.links.delete(link);
  }

  /** Cuts one random open connection (or all); returns how many were cut. */
  cutRandom(all = false): number {
    const links = [...this.links];
    const victims = all ? links : links.length > 0 ? [links[Math.floor(this.random() * links.length)]!] : [];
    for (const l of victims) this.cut(l, true);
    return victims.length;
  }

  partition(on: boolean): void {
    this.settings.partitioned = on;
    if (!on) for (const l of this.links) for (const d of l.directions) this.pump(l, d);
  }

  /** No more faults; held frames are delivered. */
  heal(): void {
    this.settings = { ...CALM, partitioned: true };
    this.partition(false);
  }

  async close(): Promise<void> {
    for (const l of [...this.links]) this.cut(l, false);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The first complete websocket frame in `buffer` (header + payload), or null. */
function nextFrame(buffer: Buffer): Buffer | null {
  if (buffer.length < 2) return null;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  return buffer.subarray(0, offset + length);
}
