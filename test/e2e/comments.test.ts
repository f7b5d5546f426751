/**
 * Comment threads in two browsers: Aalborg comments on a sentence, Hjørring (another
 * municipality) sees the highlight and the thread live, replies; Aalborg resolves it and both see
 * it resolved. The completeness panel counts the open thread while it is open.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSuite } from "../helpers/e2e.js";
import { screenshot } from "../helpers/browser.js";
import { openReply, signIn, typeInField } from "../helpers/pages.js";

const suite = browserSuite();

const FIELD = "i1.hjemmel.tekst";
const SENTENCE = "Tilbuddet etableres efter serviceloven § 107.";
const FIRST_COMMENT = "Skal vi ikke henvise til § 13 b, stk. 3 her?";
const REPLY = "Enig, jeg retter det.";

const highlight = (page: Page) => page.locator(`#reply-editor [data-field="${FIELD}"] [data-comment-threads]`, { hasText: "serviceloven" });

async function showComments(page: Page): Promise<void> {
  await page.getByRole("tab", { name: /Kommentarer/ }).click();
  await page.getByRole("heading", { name: "Kommentarer", level: 2 }).waitFor();
}

describe("comment threads in the browser", () => {
  it("A comments, B sees the highlight and the thread live and replies, A resolves, both see it resolved", async () => {
    const a = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    const b = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.hjoerring@regionssvar.dk");
    await openReply(a.page, "Nordjylland");
    await openReply(b.page, "Nordjylland");
    await showComments(b.page);
    await b.page.getByText("Der er ingen kommentarer endnu.").waitFor();

    // A writes a sentence, selects it with the keyboard and starts a thread on it.
    await typeInField(a.page, FIELD, SENTENCE);
    await a.page.keyboard.press("Shift+Home");
    await a.page.getByRole("button", { name: /Kommentér den markerede tekst/ }).click();
    const draft = a.page.getByRole("textbox", { name: "Kommentar", exact: true });
    await draft.waitFor();
    await expect.poll(() => draft.evaluate((el) => el === document.activeElement)).toBe(true);
    await draft.fill(FIRST_COMMENT);
    await a.page.getByRole("button", { name: "Send kommentar" }).click();
    await a.page.locator(".thread", { hasText: FIRST_COMMENT }).waitFor();
    await highlight(a.page).waitFor();

    // B: the highlight in the text and the thread in the panel, without a reload.
    await highlight(b.page).waitFor();
    const threadB = b.page.locator(".thread", { hasText: "serviceloven" });
    await threadB.waitFor();
    await expect.poll(() => threadB.locator(".thread__unread").count()).toBe(1);
    await b.page.getByRole("tab", { name: /Fuldstændighed/ }).click();
    await b.page.locator(".progress-item__comments", { hasText: "1 åben kommentartråd" }).waitFor();
    await showComments(b.page);

    // B opens the thread (via the highlight, with the keyboard-reachable click target) and replies.
    await highlight(b.page).click();
    await threadB.locator(".message__body", { hasText: FIRST_COMMENT }).waitFor();
    await threadB.getByRole("textbox", { name: "Svar" }).fill(REPLY);
    await threadB.getByRole("button", { name: "Send svar" }).click();
    await threadB.locator(".message__body", { hasText: REPLY }).waitFor();
    await screenshot(b.page, "comments-thread");

    // A sees the reply live and resolves the thread.
    const threadA = a.page.locator(".thread", { hasText: FIRST_COMMENT });
    await threadA.locator(".message__body", { hasText: REPLY }).waitFor();
    await threadA.getByRole("button", { name: "Markér som løst" }).click();
    await threadA.getByRole("button", { name: "Genåbn" }).waitFor();

    // Both see it resolved: under "Løste", no longer under "Åbne", the author of the resolution named.
    for (const page of [a.page, b.page]) {
      await page.getByRole("button", { name: /^Løste \(1\)/ }).waitFor();
      await page.getByRole("button", { name: /^Åbne \(0\)/ }).waitFor();
      await page.getByRole("button", { name: /^Løste/ }).click();
      const resolved = page.locator(".thread--resolved", { hasText: "serviceloven" });
      await resolved.waitFor();
      expect(await resolved.locator(".thread__status").textContent()).toBe("Løst");
    }
    await b.page.getByRole("tab", { name: /Fuldstændighed/ }).click();
    await b.page.getByText("Ingen åbne kommentartråde.").waitFor();
    expect(await b.page.locator(".progress-item__comments").count()).toBe(0);

    await a.context.close();
    await b.context.close();
  });

  it("a kommentator (who cannot edit) anchors a comment on selected text, and the editors see it", async () => {
    const editor = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.rebild@regionssvar.dk");
    const commentator = await signIn(suite.browser, suite.server.baseUrl, "familieambulatorium.nordjylland@regionssvar.dk");
    await openReply(editor.page, "Nordjylland");
    await typeInField(editor.page, "i1.indsats.tekst", "Familieambulatoriet deltager i visitationen.");
    await openReply(commentator.page, "Nordjylland");
    const word = commentator.page.locator('#reply-editor [data-field="i1.indsats.tekst"]').getByText("visitationen", { exact: false });
    await word.waitFor();
    await word.click({ clickCount: 3 }); // the whole sentence
    await commentator.page.getByRole("button", { name: /Kommentér den markerede tekst/ }).click();
    await commentator.page.getByRole("textbox", { name: "Kommentar", exact: true }).fill("Vi vil gerne med i visitationsudvalget.");
    await commentator.page.getByRole("button", { name: "Send kommentar" }).click();
    await commentator.page.locator(".thread", { hasText: "visitationsudvalget" }).waitFor();
    // The anchor reached the server and the editor's page: the word is highlighted there.
    await editor.page.locator('#reply-editor [data-field="i1.indsats.tekst"] [data-comment-threads]', { hasText: "visitationen" }).waitFor();
    await editor.context.close();
    await commentator.context.close();
  });

  it("shows a thread whose text is deleted as such on every page at once, without a reload", async () => {
    const field = "i1.tilknytning.sammenhaeng";
    const a = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    const b = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.hjoerring@regionssvar.dk");
    await openReply(a.page, "Nordjylland");
    await openReply(b.page, "Nordjylland");
    await typeInField(a.page, field, "Denne sætning bliver slettet.");
    await a.page.keyboard.press("Shift+Home");
    await a.page.getByRole("button", { name: /Kommentér den markerede tekst/ }).click();
    const draft = a.page.getByRole("textbox", { name: "Kommentar", exact: true });
    await draft.waitFor();
    await draft.fill("Hvorfor denne sætning?");
    await a.page.getByRole("button", { name: "Send kommentar" }).click();
    for (const page of [a.page, b.page]) {
      await showComments(page);
      await page.locator(".thread", { hasText: "bliver slettet" }).waitFor();
    }

    // B deletes the whole text of the field.
    await b.page.locator(`#reply-editor [data-field="${field}"] .text-field__content p`).first().click();
    await b.page.keyboard.press("ControlOrMeta+a");
    await b.page.keyboard.press("Backspace");
    for (const page of [a.page, b.page]) {
      await page.locator(".thread--orphaned", { hasText: "bliver slettet" }).waitFor({ timeout: 10_000 });
      expect(await page.locator(".thread--orphaned .thread__orphaned").first().textContent()).toContain("Teksten er slettet");
    }
    await a.context.close();
    await b.context.close();
  });
});
