/**
 * Two people from two municipalities co-write in two browsers: each sees the other's text and
 * the other's caret labelled with name and municipality, and the editor says "gemt".
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/e2e.js";
import { screenshot } from "../helpers/browser.js";
import { openReply, signIn, typeInField } from "../helpers/pages.js";

const suite = browserSuite();

describe("co-writing in two browsers", () => {
  it("shows each other's text and labelled carets", async () => {
    const aalborg = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    const hjoerring = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.hjoerring@regionssvar.dk");
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
