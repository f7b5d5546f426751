/**
 * One websocket of one user on one document. Owns the socket's lifecycle: frames are queued
 * from the moment the socket opens (nothing is lost while the room loads) and handled strictly
 * in order, one at a time; an error while handling a frame closes THIS socket with a typed close
 * code and never reaches the room or the process.
 */
import type { WebSocket } from "ws";
import { CloseCode } from "../../shared/protocol/messages.js";
import { isEmptySyncStep1 } from "./frame-decoder.js";
import { TokenBucket } from "./limits.js";
import { encodeSyncStep2FromUpdate } from "./encoding.js";
import { can } from "../access/policy.js";
import type { AwarenessUser } from "../../shared/validation/api.js";
import type { DocumentRole } from "../storage/types.js";
import type { Principal } from "../auth/principal.js";

export interface ConnectionLimits {
  /** Frames queued before the room is ready or while earlier frames are handled; more is abuse. */
  maxQueuedFrames: number;
  /** Sustained frames per second per connection (token bucket refill rate). */
  framesPerSecond: number;
  /** Burst size of the token bucket, in frames. */
  frameBurst: number;
  /** Bytes waiting in the socket's send buffer before the peer counts as too slow and is dropped. */
  maxBufferedBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxQueuedFrames: 1000,
  framesPerSecond: 200,
  frameBurst: 1000,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** Thrown by handlers to close the connection with a specific code. */
export class CloseError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(reason);
  }
}

export type FrameHandler = (connection: Connection, frame: Uint8Array) => void;

export class Connection {
  /** Update-bearing frames (sync step 2 / update) received so far; the "saved" count refers to these. */
  updateFrames = 0;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  /** True once the peer answered the last ping. */
  alive = true;
  closed = false;
  /**
   * The stored snapshot was pushed to this client while the room loaded (see offerStoredState);
   * its own sync step 1, if empty, then needs only what the room got after that snapshot.
   */
  receivedStoredState = false;
  private handler: FrameHandler | null = null;
  private readonly queue: Uint8Array[] = [];
  private readonly frameBudget: TokenBucket;

  constructor(
    readonly socket: WebSocket,
    readonly principal: Principal,
    public role: DocumentRole,
    readonly identity: AwarenessUser,
    /** The client opted in to "saved" and event messages (`?ack=1`). */
    readonly wantsAck: boolean,
    private readonly limits: ConnectionLimits,
    private readonly onError: (connection: Connection, error: unknown) => void,
    /** Takes one frame from the user's budget across all their sockets (server/collab/limits.ts). */
    private readonly userBudget: () => boolean = () => true,
  ) {
    this.frameBudget = new TokenBucket(limits.framesPerSecond, limits.frameBurst);
    socket.binaryType = "nodebuffer";
    socket.on("message", (data, isBinary) => this.receive(data as Buffer, isBinary));
    socket.on("pong", () => {
      this.alive = true;
    });
  }

  /** Starts handling frames (those queued while the room loaded first). */
  start(handler: FrameHandler): void {
    this.handler = handler;
    this.drain();
  }

  /**
   * The room is still loading and storage just handed over the whole document as one snapshot:
   * push it to this client now, as a sync step 2, while the server applies the same bytes to the
   * room. The two halves of a cold load (server apply, client apply) then run side by side
   * instead of one after the other, and nothing is answered from an empty document. Not pushed
   * when the client's first frame shows it holds state already (a reconnect); a reconnect whose
   * first frame has not arrived yet gets the snapshot too, which Yjs applies as a no-op.
   */
  offerStoredState(state: Uint8Array): void {
    if (this.handler || this.closed || this.receivedStoredState) return;
    if (!can(this.role, "read")) return; // the role can change while the room loads
    const first = this.queue[0];
    if (first && !isEmptySyncStep1(first)) return;
    this.receivedStoredState = true;
    this.send(encodeSyncStep2FromUpdate(state));
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.close(CloseCode.MALFORMED_MESSAGE, "text frames are not part of the protocol");
    if (!this.frameBudget.take()) return this.close(CloseCode.RATE_LIMITED, "too many messages");
    if (!this.userBudget()) return this.close(CloseCode.RATE_LIMITED, "too many messages from this user");
    if (this.queue.length >= this.limits.maxQueuedFrames) return this.close(CloseCode.RATE_LIMITED, "too many queued messages");
    this.queue.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    this.drain();
  }

  private drain(): void {
    const handler = this.handler;
    if (!handler) return;
    while (this.queue.length > 0 && !this.closed) {
      const frame = this.queue.shift()!;
      try {
        handler(this, frame);
      } catch (error) {
        this.onError(this, error);
        return;
      }
    }
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.RATE_LIMITED, "peer too slow to receive");
      return;
    }
    this.socket.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    try {
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
    }
  }
}
