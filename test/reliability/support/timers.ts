/**
 * Live Timeout objects of this process, unref'd ones included (process.getActiveResourcesInfo
 * lists only the timers that keep the process alive, and the server unrefs its own). Counted
 * with an async hook from `trackTimers()` on: created minus destroyed.
 */
import { createHook } from "node:async_hooks";

let live = 0;
let tracking = false;

export function trackTimers(): void {
  if (tracking) return;
  tracking = true;
  const ids = new Set<number>();
  createHook({
    init(asyncId, type) {
      if (type !== "Timeout") return;
      ids.add(asyncId);
      live++;
    },
    destroy(asyncId) {
      if (ids.delete(asyncId)) live--;
    },
  }).enable();
}

export function liveTimers(): number {
  return live;
}
