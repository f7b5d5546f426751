import { defineConfig } from "vitest/config";

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
  },
});
