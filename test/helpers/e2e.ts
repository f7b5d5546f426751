/**
 * The setup every browser test shares: one server that serves the built client, and one
 * Chromium, started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { startServer, type TestServer } from "./server.js";
import { launchBrowser } from "./browser.js";

export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** Registers beforeAll/afterAll; read `server` and `browser` inside the tests. */
export function browserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let launched: { browser: Browser; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await startServer({ config: { SERVE_CLIENT: true } });
    launched = await launchBrowser();
  });
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
