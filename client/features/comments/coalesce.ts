/**
 * Runs `task` when asked, coalescing the asks: calls in the same tick are one, and while a run
 * is in flight at most one more is queued. A burst of server events is then one or two requests.
 */
export function coalesce(task: () => Promise<void>): () => void {
  let scheduled = false;
  let inFlight = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      await task();
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      void run();
    });
  };
}
