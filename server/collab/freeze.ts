/**
 * The freeze that precedes "sent for approval" and the seal: no instance may accept content for
 * the document any more, and everything any instance accepted must be committed. With several
 * instances, every instance that has the room loaded freezes it, drains its writer and answers;
 * the freeze resolves when all have answered.
 */
import { randomUUID } from "node:crypto";
import type { Fanout } from "./fanout.js";
import type { UpdateWriter } from "./persist.js";
import type { RoomRegistry } from "./rooms.js";

export class FreezeCoordinator {
  private readonly acks = new Map<string, (instanceId: string) => void>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly writer: UpdateWriter,
    private readonly fanout: Fanout,
  ) {}

  async freezeEverywhere(documentId: string, timeoutMs: number): Promise<void> {
    const room = this.rooms.get(documentId);
    if (room) room.frozen = true;
    if (!this.fanout.enabled) return this.writer.drain();
    const others = (await this.fanout.instancesWith(documentId)) - (room ? 1 : 0);
    const requestId = randomUUID();
    const acked = new Set<string>();
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("other instances did not confirm the freeze in time")), timeoutMs);
      this.acks.set(requestId, (instanceId) => {
        if (instanceId !== this.fanout.instanceId) acked.add(instanceId);
        if (acked.size >= others) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    this.fanout.publishControl({ type: "freeze", documentId, requestId });
    try {
      if (others > 0) await done;
      await this.writer.drain();
    } finally {
      this.acks.delete(requestId);
    }
  }

  /** Another instance freezes the document: freeze it here, commit, and answer. */
  onFreezeRequest(documentId: string, requestId: string): void {
    const room = this.rooms.get(documentId);
    if (room) room.frozen = true;
    void this.writer.drain().then(() => this.fanout.publishControl({ type: "freeze-ack", requestId, instanceId: this.fanout.instanceId }));
  }

  onFreezeAck(requestId: string, instanceId: string): void {
    this.acks.get(requestId)?.(instanceId);
  }
}
