/**
 * The coordinator sends the reply for approval while people are typing (issue 14): the frozen
 * text holds exactly a prefix of what each person typed, never a fragment twice (once it held
 * "sen-tsen-tekst-fra-aalborg…" although "sen-t" was typed once). Two people type in two fields
 * with human-like delays; the freeze comes at a different moment in each round.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSuite } from "../helpers/e2e.js";
import { openReply, signIn } from "../helpers/pages.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { fillReply, requestApproval } from "../helpers/replyStates.js";
import { plainText } from "../../shared/template/words.js";
import { extractReplyContent } from "../../shared/content/extract.js";
import { storedDoc } from "../reliability/support/stored.js";
import type { PMNodeJSON } from "../../shared/template/types.js";

const suite = browserSuite();
const REGION = "nordjylland";
const DOC = `svar-${REGION}`;
const TYPISTS = [
  { email: "redaktoer.aalborg@regionssvar.dk", field: "i1.indsats.tekst", text: " sen-tekst-fra-aalborg-om-indsatsen" },
  { email: "redaktoer.hjoerring@regionssvar.dk", field: "i1.kompetencer.tekst", text: " hjoerring-skriver-om-kompetencer" },
];

const content = (page: Page, field: string) => page.locator(`#reply-editor [data-field="${field}"] .text-field__content`);
const textLength = (page: Page, field: string) => content(page, field).evaluate((el) => (el.textContent ?? "").length);

/** Puts the caret at the very end of a field's last paragraph, as a click there would. */
async function caretAtEnd(page: Page, field: string): Promise<void> {
  await content(page, field).evaluate((el) => {
    const paragraphs = el.querySelectorAll("p");
    const range = document.createRange();
    range.selectNodeContents(paragraphs[paragraphs.length - 1]!);
    range.collapse(false);
    (el.closest("[contenteditable=true]") as HTMLElement | null)?.focus();
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

async function storedText(field: string): Promise<string> {
  const doc = await storedDoc(suite.server.store, DOC);
  const text = plainText(extractReplyContent(doc).texts[field] ?? []);
  doc.destroy();
  return text;
}

async function frozenText(field: string): Promise<string> {
  const workflow = await suite.server.store.getWorkflow(DOC);
  const version = await suite.server.store.getVersion(workflow.frozenVersionId!);
  const content = JSON.parse(version!.contentJson) as { texts: Record<string, PMNodeJSON[]> };
  return plainText(content.texts[field] ?? []);
}

describe("freezing while people type", () => {
  it("freezes exactly a prefix of what each person typed", async () => {
    await fillReply(suite.server, REGION);
    const coordinator = await login(suite.server, `koordinator.${REGION}@regionssvar.dk`);
    for (const [round, freezeAfter] of [4, 15].entries()) {
      const sessions = await Promise.all(TYPISTS.map((t) => signIn(suite.browser, suite.server.baseUrl, t.email)));
      const pages = sessions.map((s) => s.page);
      const before: string[] = [];
      for (const [i, t] of TYPISTS.entries()) {
        await openReply(pages[i]!, "Nordjylland");
        await caretAtEnd(pages[i]!, t.field);
        before.push(await storedText(t.field));
      }
      const startLength = await textLength(pages[0]!, TYPISTS[0]!.field);
      const typing = TYPISTS.map((t, i) => pages[i]!.keyboard.type(t.text, { delay: 35 + 10 * i }));
      await expect.poll(() => textLength(pages[0]!, TYPISTS[0]!.field), { timeout: 30_000 }).toBeGreaterThanOrEqual(startLength + freezeAfter);
      await requestApproval(suite.server, REGION);
      await Promise.all(typing);
      for (const [i, t] of TYPISTS.entries()) {
        const frozen = await frozenText(t.field);
        const stored = before[i]!;
        expect(frozen.startsWith(stored), `round ${round}: ${t.field} keeps its text`).toBe(true);
        const typed = frozen.slice(stored.length);
        expect(t.text.startsWith(typed), `round ${round}: ${t.field} froze ${JSON.stringify(typed)}, not a prefix of ${JSON.stringify(t.text)}`).toBe(true);
        if (i === 0) expect(typed.length, `round ${round}: what was typed before the freeze is in it`).toBeGreaterThan(0);
      }
      await Promise.all(sessions.map((s) => s.context.close()));
      expect((await callApi(suite.server, coordinator, "POST", `/api/documents/${DOC}/workflow/reopen`, { reason: `Runde ${round + 2}` })).status).toBeLessThan(
        300,
      );
    }
  });

  it("the send dialog shows who is typing, and the freeze waits for their pause", async () => {
    const coordinator = await signIn(suite.browser, suite.server.baseUrl, `koordinator.${REGION}@regionssvar.dk`);
    const typist = await signIn(suite.browser, suite.server.baseUrl, TYPISTS[0]!.email);
    await openReply(coordinator.page, "Nordjylland");
    await openReply(typist.page, "Nordjylland");
    await caretAtEnd(typist.page, TYPISTS[0]!.field);
    const sentence = " Denne sætning skal med hele vejen til punktum.";
    const typing = typist.page.keyboard.type(sentence, { delay: 60 });
    await expect.poll(() => textLength(typist.page, TYPISTS[0]!.field)).toBeGreaterThan(5);

    await coordinator.page.getByRole("tab", { name: "Godkendelse" }).click();
    await coordinator.page.getByRole("tabpanel", { name: "Godkendelse" }).getByRole("button", { name: "Send til godkendelse" }).click();
    const dialog = coordinator.page.getByRole("dialog", { name: "Send svaret til godkendelse?" });
    await dialog.getByText("skriver nu").waitFor();
    for (const box of await dialog.getByRole("checkbox").all()) await box.check();
    await dialog.getByRole("button", { name: "Lås teksten og send til godkendelse" }).click();
    await dialog.getByText(/Venter på, at .* holder en pause/).waitFor();
    await typing; // the sentence is finished; then the pause lets the freeze happen
    await coordinator.page.getByText("Svaret er sendt til godkendelse. Teksten er låst.").waitFor({ timeout: 30_000 });
    expect(await frozenText(TYPISTS[0]!.field)).toContain(sentence.trim());
    await coordinator.context.close();
    await typist.context.close();
  });
});
