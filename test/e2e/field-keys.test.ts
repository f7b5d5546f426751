/**
 * The reply behaves like a form of text fields (issue 14): Ctrl/Cmd+A selects the field one is
 * writing in, and a refused change (typing over a selection that spans two fields would merge
 * them) is told beside the caret, not in a banner far above it.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSuite } from "../helpers/e2e.js";
import { fieldTextblock, openReply, signIn, typeInField, typedText } from "../helpers/pages.js";

const suite = browserSuite();
const textOf = (page: Page, field: string) => typedText(fieldTextblock(page, field));

describe("keys in a text field", () => {
  it("Ctrl+A selects the current field only, and a refusal appears beside the caret", async () => {
    const { page, context } = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    await openReply(page, "Nordjylland");
    await typeInField(page, "i1.hjemmel.tekst", "Første udkast.");
    await typeInField(page, "i1.tilknytning.sammenhaeng", "Gammel tekst der skal erstattes.");

    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Ny tekst.");
    await expect.poll(() => textOf(page, "i1.tilknytning.sammenhaeng")).toBe("Ny tekst.");
    expect(await textOf(page, "i1.hjemmel.tekst")).toBe("Første udkast.");

    // Typing over a selection that reaches into the field above would merge the two: refused, and said at the caret.
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+ArrowUp");
    await page.keyboard.type("x");
    const notice = page.locator("#reply-editor .caret-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/kan ikke slettes/);
    // The caret (the selection's head) is now at the start of the field above: the notice is right there.
    const noticeBox = (await notice.boundingBox())!;
    const caretBlock = (await fieldTextblock(page, "i1.hjemmel.tekst").boundingBox())!;
    expect(Math.abs(noticeBox.y - (caretBlock.y + caretBlock.height))).toBeLessThan(60);
    expect(Math.abs(noticeBox.x - caretBlock.x)).toBeLessThan(60);
    expect(await textOf(page, "i1.tilknytning.sammenhaeng")).toBe("Ny tekst.");
    expect(await textOf(page, "i1.hjemmel.tekst")).toBe("Første udkast.");
    await page.getByRole("status").filter({ hasText: "kan ikke slettes" }).first().waitFor({ state: "attached" });

    // Moving on clears it.
    await page.keyboard.press("End");
    await notice.waitFor({ state: "detached" });
    await context.close();
  });
});
