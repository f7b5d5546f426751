/**
 * The setup every browser test shares: one server that serves the built client, and one
 * Chromium, started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { startServer, type StartOptions, type TestServer } from "./server.js";
import { launchBrowser } from "./browser.js";

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
}

export interface BrowserSuiteOptions {
  /** The server's options (peers it needs started first, e.g. a mail server); it always serves the client. */
  server?: () => StartOptions | Promise<StartOptions>;
  /** Runs once the server is up, while the browser starts (e.g. preparing replies in other states). */
  prepare?: (server: TestServer) => void;
  /** Time for the whole setup, in ms. */
  setupTimeoutMs?: number;
}

/** Registers beforeAll/afterAll; read `server` and `browser` inside the tests. */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let launched: { browser: Browser; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    const start = (await options.server?.()) ?? {};
    server = await startServer({ ...start, config: { ...start.config, SERVE_CLIENT: true } });
    options.prepare?.(server);
    launched = await launchBrowser();
  }, options.setupTimeoutMs);
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error("the browser suite's server is not started yet");
      return server;
    },
    get browser() {
      if (!launched) throw new Error("the browser suite's browser is not launched yet");
      return launched.browser;
    },
  };
}
