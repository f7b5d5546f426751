/**
 * WCAG 2.1 AA in a real browser: every page and every side panel of the reply page has no
 * serious or critical axe violation. Screenshots of the main pages are kept as artifacts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startServer, type TestServer } from "../helpers/server.js";
import { launchBrowser, screenshot } from "../helpers/browser.js";
import { openReply, signIn } from "../helpers/pages.js";
import { seriousViolations } from "../helpers/axe.js";

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  server = await startServer({ config: { SERVE_CLIENT: true } });
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

describe("accessibility (axe, WCAG 2.1 AA)", () => {
  it("the sign-in page", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "da-DK" });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole("button", { name: "Log ind" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "page-login");
    await context.close();
  });

  it("Mine svar and the reply page with every side panel open", async () => {
    const { context, page } = await signIn(browser, server.baseUrl, "koordinator.nordjylland@regionssvar.dk");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "page-mine-svar");
    await openReply(page, "Nordjylland");
    await page.getByText("Alle ændringer er gemt").waitFor();
    for (const tab of await page.getByRole("tab").all()) {
      await tab.click();
      const name = (await tab.textContent())?.trim() ?? "panel";
      const violations = await seriousViolations(page);
      expect(violations, `panel ${name}`).toEqual([]);
    }
    await screenshot(page, "page-svar");
    await context.close();
  });
});
