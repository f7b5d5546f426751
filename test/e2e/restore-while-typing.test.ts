/**
 * The coordinator restores a saved version while an editor writes in the same field (issue 14):
 * the editor's next keys go to the end of the field, not into the middle of the restored
 * sentence, and the page says the text was replaced.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSuite } from "../helpers/e2e.js";
import { fieldTextblock, openReply, signIn, typedText } from "../helpers/pages.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";

const suite = browserSuite();
const DOC = "svar-nordjylland";
const FIELD = "i1.hjemmel.tekst";
const paragraph = (page: Page) => fieldTextblock(page, FIELD);
const textOf = (page: Page) => typedText(paragraph(page));

describe("restore while someone types", () => {
  it("moves the typist's caret to the end of the field and tells them", async () => {
    const { page, context } = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    await openReply(page, "Nordjylland");
    await paragraph(page).click();
    await page.keyboard.type("Start gammel slut.");
    await page.getByText("Alle ændringer er gemt").waitFor();
    const coordinator = await login(suite.server, "koordinator.nordjylland@regionssvar.dk");
    const saved = await callApi(suite.server, coordinator, "POST", `/api/documents/${DOC}/versions`, { name: "Gammel" });
    expect(saved.status).toBeLessThan(300);

    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Start abc slut.");
    await page.keyboard.press("End");
    for (let i = 0; i < " slut.".length; i++) await page.keyboard.press("ArrowLeft");
    await page.getByText("Alle ændringer er gemt").waitFor();

    const versions = await callApi(suite.server, coordinator, "GET", `/api/documents/${DOC}/versions`);
    const gammel = (versions.body.versions as { id: string; name: string }[]).find((v) => v.name === "Gammel")!;
    expect((await callApi(suite.server, coordinator, "POST", `/api/documents/${DOC}/versions/${gammel.id}/restore`)).status).toBe(204);
    await page.getByText(/har gendannet versionen »Gammel«/).waitFor();
    await expect.poll(() => textOf(page)).toBe("Start gammel slut.");

    await page.keyboard.type("Ny.");
    await expect.poll(() => textOf(page)).toBe("Start gammel slut.Ny.");
    await context.close();
  });
});
