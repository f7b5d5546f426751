/**
 * Fan-out between server instances (REDIS_URL): every document update and awareness change a
 * room accepts is published once on the document's channel; instances that have the room loaded
 * apply it and pass it to their own clients. Control messages (lock state, role changes, ended
 * sessions, freeze requests, server events for a document's clients) go on one shared channel.
 *
 * Delivery: Redis pub/sub is at-most-once. Nothing depends on it for durability: the instance
 * that accepted an update commits it to the shared database before acknowledging it. Instances
 * re-read a document from storage whenever they may have missed something: after the Redis
 * connection comes back, and when a published update arrives whose dependencies are missing.
 *
 * Frame on a document channel: byte kind (1 update, 2 awareness) + 16-byte instance id + payload.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ServerEventSchema } from "../../shared/protocol/events.js";
import { DocumentRole, WorkflowState } from "../../shared/validation/api.js";
import type { Redis, RedisOptions } from "ioredis";
import type { FastifyBaseLogger } from "fastify";

export const FANOUT_UPDATE = 1;
export const FANOUT_AWARENESS = 2;

const id = z.string().min(1).max(200);

/** Messages on the shared control channel; validated on receipt like any other input. */
export const ControlMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("workflow"), documentId: id, state: WorkflowState }),
  z.object({ type: z.literal("role"), documentId: id, userId: id, role: DocumentRole.nullable() }),
  z.object({ type: z.literal("role-revoked"), documentId: id, role: DocumentRole }),
  z.object({ type: z.literal("sessions"), sessionIds: z.array(id).max(10_000) }),
  z.object({ type: z.literal("freeze"), documentId: id, requestId: id }),
  z.object({ type: z.literal("freeze-ack"), requestId: id, instanceId: id }),
  // after an interruption: every instance publishes its state of these documents again
  z.object({ type: z.literal("resync"), origin: id, documentIds: z.array(id).max(100_000) }),
  /** A server event for everyone in a document; `origin` already delivered it to its own clients. */
  z.object({ type: z.literal("event"), documentId: id, origin: id, event: ServerEventSchema }),
]);

export type ControlMessage = z.infer<typeof ControlMessageSchema>;

export interface FanoutHandlers {
  onDocumentMessage(documentId: string, kind: number, payload: Uint8Array): void;
  onControl(message: ControlMessage): void;
  /** The connection to the other instances was interrupted: re-read loaded documents from storage. */
  onResubscribed(): void;
}

export interface Fanout {
  readonly instanceId: string;
  readonly enabled: boolean;
  start(handlers: FanoutHandlers): Promise<void>;
  subscribe(documentId: string): Promise<void>;
  unsubscribe(documentId: string): Promise<void>;
  publish(documentId: string, kind: number, payload: Uint8Array): void;
  publishControl(message: ControlMessage): void;
  /** How many instances have the document loaded (subscribed to its channel), this one included. */
  instancesWith(documentId: string): Promise<number>;
  close(): Promise<void>;
}

/** One instance: nothing to fan out to. */
export class LocalFanout implements Fanout {
  readonly instanceId = randomBytes(16).toString("hex");
  readonly enabled = false;
  async start(): Promise<void> {}
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  publish(): void {}
  publishControl(): void {}
  async instancesWith(): Promise<number> {
    return 1;
  }
  async close(): Promise<void> {}
}

export class RedisFanout implements Fanout {
  readonly enabled = true;
  private readonly id = randomBytes(16);
  readonly instanceId = this.id.toString("hex");
  private readonly pub: Redis;
  private readonly sub: Redis;
  private handlers: FanoutHandlers | null = null;
  /** A connection dropped since both were last ready (set by 'close', cleared after re-subscribing). */
  private interrupted = false;
  /** Document channels subscribed to, to confirm them after a reconnect. */
  private readonly channels = new Set<string>();

  private readonly controlChannel: string;
  private readonly docPrefix: string;

  /** ioredis is loaded only by instances that use Redis (it is a large module). */
  static async connect(url: string, log: FastifyBaseLogger, prefix = "rs"): Promise<RedisFanout> {
    const { Redis } = await import("ioredis");
    return new RedisFanout((options) => new Redis(url, options), log, prefix);
  }

  private constructor(
    client: (options: RedisOptions) => Redis,
    private readonly log: FastifyBaseLogger,
    /** Namespace of the channels, so several deployments (or test runs) can share one Redis. */
    prefix = "rs",
  ) {
    this.controlChannel = `${prefix}:control`;
    this.docPrefix = `${prefix}:doc:`;
    // Commands issued while Redis is away are dropped, not queued: a queued burst would replay
    // stale fan-out later, and storage catch-up covers the gap anyway.
    const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true };
    this.pub = client(options);
    this.sub = client({ ...options, enableOfflineQueue: true });
    for (const client of [this.pub, this.sub]) client.on("error", (err: Error) => this.log.warn({ err: err.message }, "redis"));
  }

  async start(handlers: FanoutHandlers): Promise<void> {
    this.handlers = handlers;
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    for (const client of [this.pub, this.sub]) {
      client.on("close", () => (this.interrupted = true));
      client.on("ready", () => void this.afterInterruption());
    }
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    this.interrupted = false;
    await this.sub.subscribe(this.controlChannel);
  }

  /**
   * Once both connections are back after either dropped, and Redis has confirmed every
   * subscription (ioredis re-subscribes by itself, but only its reply says Redis has it), the
   * service catches up: what was published meanwhile was lost, on this side or the other.
   */
  private async afterInterruption(): Promise<void> {
    if (!this.interrupted || this.pub.status !== "ready" || this.sub.status !== "ready") return;
    this.interrupted = false;
    try {
      await this.sub.subscribe(this.controlChannel, ...this.channels);
    } catch {
      this.interrupted = true; // the next 'ready' tries again
      return;
    }
    this.handlers?.onResubscribed();
  }

  private onMessage(channel: string, message: Buffer): void {
    if (channel === this.controlChannel) {
      let parsed: ReturnType<typeof ControlMessageSchema.safeParse>;
      try {
        parsed = ControlMessageSchema.safeParse(JSON.parse(message.toString()));
      } catch (error) {
        this.log.warn({ err: error }, "unreadable control message");
        return;
      }
      if (!parsed.success) return this.log.warn({ issues: parsed.error.issues }, "invalid control message");
      // A message that passes the schema but cannot be applied is dropped too: it never reaches
      // ioredis, where a throw would stop this instance from hearing the others.
      try {
        this.handlers?.onControl(parsed.data);
      } catch (error) {
        this.log.error({ err: error, type: parsed.data.type }, "control message could not be applied");
      }
      return;
    }
    if (message.length < 17 || message.subarray(1, 17).equals(this.id)) return; // own echo
    const documentId = channel.slice(this.docPrefix.length);
    this.handlers?.onDocumentMessage(documentId, message[0]!, new Uint8Array(message.buffer, message.byteOffset + 17, message.length - 17));
  }

  async subscribe(documentId: string): Promise<void> {
    this.channels.add(this.docPrefix + documentId);
    await this.sub.subscribe(this.docPrefix + documentId);
  }

  async unsubscribe(documentId: string): Promise<void> {
    this.channels.delete(this.docPrefix + documentId);
    await this.sub.unsubscribe(this.docPrefix + documentId).catch(() => {});
  }

  publish(documentId: string, kind: number, payload: Uint8Array): void {
    const frame = Buffer.allocUnsafe(17 + payload.length);
    frame[0] = kind;
    this.id.copy(frame, 1);
    frame.set(payload, 17);
    this.pub.publish(this.docPrefix + documentId, frame).catch(() => {});
  }

  publishControl(message: ControlMessage): void {
    this.pub.publish(this.controlChannel, JSON.stringify(message)).catch(() => {});
  }

  async instancesWith(documentId: string): Promise<number> {
    const result = (await this.pub.call("PUBSUB", "NUMSUB", this.docPrefix + documentId)) as [string, number];
    return Number(result[1] ?? 0);
  }

  async close(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
