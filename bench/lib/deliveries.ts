/**
 * Latency from an edit until EVERY other client of the room has applied it. An edit is known by
 * the writer's clock after it (Yjs clocks only grow), so a reader has applied edit k once its
 * state vector holds the writer at that clock or beyond; no payload needs to be inspected.
 */
import * as Y from "yjs";
import type { BenchClient } from "./client.js";

interface PendingEdit {
  target: number;
  start: number;
  remaining: number;
  done: (() => void) | null;
}

export class DeliveryTracker {
  /** Milliseconds from edit to the last reader's apply, one per completed edit. */
  readonly latencies: number[] = [];
  /** Update deliveries to readers (edits × readers, when nothing is lost). */
  delivered = 0;
  private readonly edits: PendingEdit[] = [];
  private readonly next = new Map<BenchClient, number>();
  private readonly writerId: number;

  constructor(
    private readonly writer: BenchClient,
    readers: BenchClient[],
  ) {
    this.writerId = writer.doc.clientID;
    for (const r of readers) {
      this.next.set(r, 0);
      r.onRemoteUpdate = () => this.onApplied(r);
    }
  }

  /**
   * Runs `edit` on the writer's doc and tracks it; the promise resolves when every reader has
   * applied it (rejects after `timeoutMs`).
   */
  edit(edit: (doc: Y.Doc) => void, timeoutMs = 30_000): Promise<void> {
    const start = performance.now();
    edit(this.writer.doc);
    const pending: PendingEdit = { target: Y.getState(this.writer.doc.store, this.writerId), start, remaining: this.next.size, done: null };
    this.edits.push(pending);
    if (pending.remaining === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`edit not delivered to ${pending.remaining} readers within ${timeoutMs} ms`)), timeoutMs);
      pending.done = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Edits not yet applied by every reader. */
  get outstanding(): number {
    return this.edits.length - this.latencies.length;
  }

  private onApplied(reader: BenchClient): void {
    const state = Y.getState(reader.doc.store, this.writerId);
    let i = this.next.get(reader) ?? 0;
    while (i < this.edits.length && this.edits[i]!.target <= state) {
      const e = this.edits[i]!;
      this.delivered++;
      if (--e.remaining === 0) {
        this.latencies.push(performance.now() - e.start);
        e.done?.();
      }
      i++;
    }
    this.next.set(reader, i);
  }
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

export function summarise(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);
  return { p50: round(at(50)), p99: round(at(99)), max: round(at(100)) };
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
