import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * `npm run test:nightly` (RELIABILITY_LONG=1) runs the long forms of the reliability battery, four
 * files at a time; the longest go first so the workers finish together (docs/reliability.md).
 * `test/reliability/**` is included in `npm test` by the pattern below (the short forms).
 */
const LONGEST_FIRST = [
  "reliability/soak",
  "fuzz/convergence",
  "fuzz/websocket-frames",
  "reliability/kill-sqlite",
  "reliability/offline",
  "reliability/slow-storage",
  "reliability/kill-postgres",
  "reliability/network-chaos",
  "reliability/room-lifecycle",
];

class LongFormsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (process.env.RELIABILITY_LONG !== "1") return sorted;
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((p) => f.moduleId.endsWith(`/test/${p}.test.ts`));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    environment: "node",
    pool: "forks",
    // Two cores: integration tests start servers and browsers; running more files at once
    // only makes each of them slower.
    maxWorkers: 2,
    // Safety nets against a hang, not speed limits: a loaded 2-core machine runs a browser test
    // several times slower than an idle one.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ["default"],
    sequence: { sequencer: LongFormsFirst },
  },
});
