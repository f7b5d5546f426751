/**
 * Fault injection around a real store: commits made slower by a set delay, or hanging until
 * released; the real commit time is measured so "10× normal" can be set from what this machine
 * does. And a GC handle for in-process heap measurements.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { AppendItem, Store } from "../../../server/storage/types.js";
import { sleep } from "../../helpers/wait.js";

export interface CommitControl {
  /** Added before every commit, in ms. */
  delayMs: number;
  /** While true, commits wait (they neither succeed nor fail) until `release()`. */
  hanging: boolean;
  release(): void;
  /** Durations of the real commits (without the injected delay), in ms. */
  realCommitMs: number[];
  commits: number;
  /** Commits past the hang (delayed or committing) that have not finished yet. */
  underWay: number;
}

export function controllableCommits(inner: Store): { store: Store; control: CommitControl } {
  let waiters: (() => void)[] = [];
  const control: CommitControl = {
    delayMs: 0,
    hanging: false,
    release() {
      control.hanging = false;
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    },
    realCommitMs: [],
    commits: 0,
    underWay: 0,
  };
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "appendUpdates") {
        return async (items: AppendItem[]) => {
          if (control.hanging) await new Promise<void>((resolve) => waiters.push(resolve));
          control.underWay++;
          try {
            if (control.delayMs > 0) await sleep(control.delayMs);
            const started = performance.now();
            await target.appendUpdates(items);
            control.realCommitMs.push(performance.now() - started);
            control.commits++;
          } finally {
            control.underWay--;
          }
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { store, control };
}

/** A full garbage collection in this process (for heap measurements in tests). */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
