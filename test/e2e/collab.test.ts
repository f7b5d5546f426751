/**
 * Two people from two municipalities co-write in two browsers: each sees the other's text and
 * the other's caret labelled with name and municipality, and the editor says "gemt".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { launchBrowser, screenshot } from "../helpers/browser.js";
import { openReply, signIn, typeInField } from "../helpers/pages.js";
import type { Browser } from "playwright-core";

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

describe("co-writing in two browsers", () => {
  it("shows each other's text and labelled carets", async () => {
    const aalborg = await signIn(browser, server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    const hjoerring = await signIn(browser, server.baseUrl, "redaktoer.hjoerring@regionssvar.dk");
    await openReply(aalborg.page, "Nordjylland");
    await openReply(hjoerring.page, "Nordjylland");

    await typeInField(aalborg.page, "i1.hjemmel.tekst", "Aalborg foreslår hjemmel i serviceloven.");
    await typeInField(hjoerring.page, "i1.tilknytning.sammenhaeng", "Hjørring beskriver sammenhængen.");

    await hjoerring.page.locator('[data-field="i1.hjemmel.tekst"]', { hasText: "Aalborg foreslår hjemmel i serviceloven." }).waitFor();
    await aalborg.page.locator('[data-field="i1.tilknytning.sammenhaeng"]', { hasText: "Hjørring beskriver sammenhængen." }).waitFor();

    // the other's caret, labelled with name and municipality (stamped by the server)
    const caret = hjoerring.page.locator(".collaboration-carets__label", { hasText: "Aalborg" });
    await caret.waitFor();
    expect(await caret.textContent()).toMatch(/Aalborg Kommune/);
    await aalborg.page.getByText("Alle ændringer er gemt").waitFor();
    await screenshot(hjoerring.page, "collab-two-municipalities");
    await aalborg.context.close();
    await hjoerring.context.close();
  });
});
