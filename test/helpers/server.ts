/**
 * Real servers for tests: in-process (buildApp + listen on port 0) for most tests, and a child
 * process for crash tests (kill -9 needs a process to kill). Each has its own temporary data dir.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { FastifyInstance } from "fastify";
import { buildApp, type AppDeps } from "../../server/app.js";
import { loadConfig, type Config } from "../../server/config.js";
import { seedDemo } from "../../server/seed/demo.js";
import { openStore } from "../../server/storage/index.js";
import type { Store } from "../../server/storage/types.js";
import { tempDataDir } from "./tmp.js";

export const TEST_PASSWORD = "test-demo-password";

export { tempDataDir };

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  baseUrl: string; // http://127.0.0.1:PORT
  wsUrl: string; // ws://127.0.0.1:PORT
  origin: string;
  dataDir: string;
  close: () => Promise<void>;
}

export interface StartOptions {
  config?: Partial<Config>;
  /** Wraps the opened store (fault injection). */
  wrapStore?: (store: Store) => Store;
  deps?: Omit<AppDeps, "store">;
  dataDir?: string;
  /** Listen on this port (default: any free one); for peers that must know our address in advance. */
  port?: number;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const temp = options.dataDir ? null : tempDataDir();
  const dataDir = options.dataDir ?? temp!.dir;
  const config = loadConfig({}, { PORT: 0, DATA_DIR: dataDir, LOG_LEVEL: "warn", SERVE_CLIENT: false, ROOM_UNLOAD_DELAY_MS: 50, ...options.config });
  const realStore = await openStore({ databaseUrl: config.DATABASE_URL, dataDir });
  await seedDemo(realStore, TEST_PASSWORD);
  const store = options.wrapStore ? options.wrapStore(realStore) : realStore;
  const app = await buildApp(config, { ...options.deps, store });
  await app.listen({ port: options.port ?? 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    app,
    store,
    baseUrl: origin,
    wsUrl: `ws://127.0.0.1:${port}`,
    origin,
    dataDir,
    close: async () => {
      await app.close();
      await realStore.close();
      temp?.remove();
    },
  };
}

export interface ChildServer {
  process: ChildProcess;
  port: number;
  baseUrl: string;
  wsUrl: string;
  origin: string;
  output: () => string;
}

/**
 * Starts the compiled server (`node dist/server/main.js`, as `npm start` runs it; built by the
 * global setup) in a child process on a free port and resolves when it listens.
 */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/server/main.js"], {
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir, DEMO_PASSWORD: TEST_PASSWORD, SERVE_CLIENT: "false", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /REGIONSSVAR_LISTENING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return { process: child, port, baseUrl: origin, wsUrl: `ws://127.0.0.1:${port}`, origin, output: () => out };
}

export function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}
