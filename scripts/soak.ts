/**
 * `npm run soak -- --minutes N` (default 30): a server child process in a fresh data directory
 * under a steady mix of clients for N minutes; RSS, heap after GC and open descriptors are
 * sampled and printed, and the run fails (exit 1) when they grow after the warm-up
 * (test/reliability/support/soak.ts has the mix and the bar).
 */
import { describeSoak, runSoak } from "../test/reliability/support/soak.js";

const at = process.argv.indexOf("--minutes");
const minutes = at >= 0 ? Number(process.argv[at + 1]) : 30;
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error("Usage: npm run soak -- --minutes <N>");
  process.exit(2);
}
process.setMaxListeners(100); // every Yjs websocket provider listens for the process's exit
const result = await runSoak({ minutes, log: (line) => console.log(line) });
console.log(describeSoak(result));
process.exit(result.passed ? 0 : 1);
