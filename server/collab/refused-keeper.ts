/**
 * Keeps an editor's changes that arrived after the freeze (typically made offline): they are not
 * merged into the frozen text, but stored for that person to see and copy, never silently lost;
 * within the limits of workflow/refused-limits.ts, one document's at a time, so the limit check
 * and the insert never interleave.
 */
import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Store } from "../storage/types.js";
import { refusedFits, type RefusedLimits } from "../workflow/refused-limits.js";

export class RefusedKeeper {
  private readonly queue = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    readonly limits: RefusedLimits,
    private readonly log: FastifyBaseLogger,
    /** Called after each refused update was handled (kept or not): tell the person to look. */
    private readonly onHandled: (documentId: string, userId: string) => void,
  ) {}

  keep(documentId: string, userId: string, update: Uint8Array): void {
    const row = { id: randomUUID(), documentId, userId, createdAt: new Date().toISOString(), reason: "frozen" as const, data: update };
    const keepOne = async () => {
      if (await refusedFits(this.store, this.limits, documentId, userId, update.byteLength)) await this.store.insertRejectedUpdate(row);
      else this.log.warn({ documentId, userId, bytes: update.byteLength }, "refused update not kept: limit reached");
    };
    const next = (this.queue.get(documentId) ?? Promise.resolve()).then(keepOne).then(
      () => this.onHandled(documentId, userId),
      (error: unknown) => this.log.error({ err: error, documentId }, "could not keep a refused update"),
    );
    this.queue.set(documentId, next);
    void next.finally(() => {
      if (this.queue.get(documentId) === next) this.queue.delete(documentId);
    });
  }
}
