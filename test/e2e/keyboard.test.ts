/**
 * The reply without a mouse: only the keyboard (Tab, Enter, arrows, skip links, shortcuts), as a
 * person who cannot use a pointing device works. No click, no fill, no focus() from the test:
 *
 *   1. the coordinator of Region Nordjylland signs in, opens the reply, jumps to item 2 with the
 *      outline, tabs into its text field, writes, selects the sentence with Shift+Home and
 *      comments on it (Ctrl+Alt+M, Ctrl+Enter);
 *   2. Roskilde's editor opens Region Sjælland's reply, which waits for approval, jumps to the
 *      side panels with the skip link, picks "Godkendelse" with the arrow keys, writes the basis
 *      and approves in the confirmation dialog.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { TEST_PASSWORD } from "../helpers/server.js";
import { screenshot } from "../helpers/browser.js";
import { browserSuite } from "../helpers/e2e.js";
import { replyAwaitingApproval } from "../helpers/replyStates.js";
import { callApi } from "../helpers/api.js";
import { login } from "../helpers/clients.js";
import { seriousViolations } from "../helpers/axe.js";

/** Generous: two cores shared with other browser tests. */
const UI_TIMEOUT = 30_000;
/** More Tab presses than any path below needs; a path that needs more is a defect. */
const MAX_TABS = 60;

/** Region Sjælland's reply, sent for approval while the browser starts. */
let awaitingApproval: Promise<string>;
const suite = browserSuite({
  prepare: (server) => {
    awaitingApproval = replyAwaitingApproval(server, "sjaelland");
    awaitingApproval.catch(() => {}); // awaited in the test; a failure is reported there
  },
  setupTimeoutMs: 120_000,
});

async function newPage(): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "da-DK" });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  page.on("pageerror", (error) => {
    throw error;
  });
  return page;
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Waits (with a deadline) until `locator` has the focus. */
async function expectFocus(locator: Locator): Promise<void> {
  await expect.poll(() => isFocused(locator), { timeout: UI_TIMEOUT }).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `locator` has the focus. */
async function tabTo(page: Page, locator: Locator, options: { backwards?: boolean } = {}): Promise<number> {
  await locator.waitFor({ state: "attached" });
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
    if (await isFocused(locator)) return presses;
  }
  throw new Error(`no focus on ${locator} after ${MAX_TABS} presses of ${options.backwards ? "Shift+Tab" : "Tab"}`);
}

/** The text field holding the editor's caret while the editor has the focus, or null. */
function caretField(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const editor = document.getElementById("reply-editor");
    if (!editor || document.activeElement !== editor) return null;
    return document.querySelector(".node-textField.has-focus [data-text-field]")?.getAttribute("data-field") ?? null;
  });
}

/** Presses Tab until the caret is in the text field `fieldId`. */
async function tabIntoTextField(page: Page, fieldId: string): Promise<void> {
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    await page.keyboard.press("Tab");
    if ((await caretField(page)) === fieldId) return;
  }
  throw new Error(`the caret never reached ${fieldId} with Tab`);
}

/** From the sign-in page to "Mine svar", typing only. */
async function signInWithKeyboard(page: Page, email: string): Promise<void> {
  await page.goto(`${suite.server.baseUrl}/login`);
  await tabTo(page, page.getByLabel("E-mail"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expectFocus(page.getByLabel("Adgangskode"));
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Mine svar", level: 1 }).waitFor();
  // After the navigation the focus is at the start of the new page's content.
  await expectFocus(page.locator("main#indhold"));
}

async function openReplyWithKeyboard(page: Page, regionName: string): Promise<void> {
  await tabTo(page, page.getByRole("link", { name: new RegExp(regionName) }).first());
  await page.keyboard.press("Enter");
  await page.locator("#reply-editor").waitFor();
  await page.getByText("Alle ændringer er gemt").waitFor();
  await expectFocus(page.locator("main#indhold"));
}

describe("keyboard only", () => {
  it("signs in, writes into an item's text field and comments on the selected text", async () => {
    const page = await newPage();
    await signInWithKeyboard(page, "koordinator.nordjylland@regionssvar.dk");
    await openReplyWithKeyboard(page, "Nordjylland");

    // The outline jumps to item 2 (its heading gets the focus); Tab goes on through the item's
    // fields into its text about the plan for the cooperation agreement.
    await tabTo(page, page.getByRole("navigation", { name: "Punkter i svaret" }).getByRole("button", { name: "2. Samarbejdsaftale" }));
    await page.keyboard.press("Enter");
    await expectFocus(page.locator('[data-item="i2"] h2'));
    const field = "i2.plan.tekst";
    const sentence = "Arbejdsgruppen udarbejder et udkast til samarbejdsaftalen.";
    await tabIntoTextField(page, field);
    await page.keyboard.type(sentence);
    await page.locator(`#reply-editor [data-field="${field}"]`, { hasText: sentence }).waitFor();

    // Select the sentence and comment on it: Ctrl+Alt+M opens the draft with the focus in it.
    await page.keyboard.press("Shift+Home");
    await page.keyboard.press("Control+Alt+M");
    const draft = page.getByRole("textbox", { name: "Kommentar", exact: true });
    await expectFocus(draft);
    await expect(page.getByRole("tab", { name: /Kommentarer/ }).getAttribute("aria-selected")).resolves.toBe("true");
    const comment = "Skal familieambulatoriet med i arbejdsgruppen?";
    await page.keyboard.type(comment);
    await page.keyboard.press("Control+Enter");

    // The thread is listed (focus on it), anchored to the sentence, and stored on the suite.server.
    const thread = page.locator(".thread", { hasText: comment });
    await thread.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".thread") !== null), { timeout: UI_TIMEOUT }).toBe(true);
    await page.locator(`#reply-editor [data-field="${field}"] [data-comment-threads]`, { hasText: "samarbejdsaftalen" }).waitFor();
    await page.getByText("Alle ændringer er gemt").waitFor();
    const threads = await callApi(
      suite.server,
      await login(suite.server, "koordinator.nordjylland@regionssvar.dk"),
      "GET",
      "/api/documents/svar-nordjylland/threads",
    );
    expect(JSON.stringify(threads.body)).toContain(comment);
    // The panel with an open thread (accessibility.test.ts checks it empty).
    expect(await seriousViolations(page, { include: "#paneler" })).toEqual([]);
    await screenshot(page, "keyboard-comment");
    await page.context().close();
  });

  it("a kommunal redaktør approves the frozen reply on behalf of the kommune", async () => {
    const frozenHash = await awaitingApproval;
    const page = await newPage();
    await signInWithKeyboard(page, "redaktoer.roskilde@regionssvar.dk");
    await openReplyWithKeyboard(page, "Sjælland");

    // The second skip link leads to the side panels; the arrow keys pick the tab.
    const skipToPanels = page.getByRole("link", { name: "Spring til svarets paneler" });
    await tabTo(page, skipToPanels, { backwards: true });
    await page.keyboard.press("Enter");
    await expectFocus(page.locator("#paneler"));
    const approvalTab = page.getByRole("tab", { name: "Godkendelse" });
    await tabTo(page, page.getByRole("tab", { selected: true }));
    for (let i = 0; i < 5 && !(await isFocused(approvalTab)); i++) await page.keyboard.press("ArrowRight");
    await expect(approvalTab.getAttribute("aria-selected")).resolves.toBe("true");

    // Into the panel: the decision behind the approval, field by field, then the submit button.
    const panel = page.getByRole("tabpanel", { name: "Godkendelse" });
    await tabTo(page, panel.getByRole("radio", { name: "Kommunalbestyrelsen", exact: true }));
    await page.keyboard.press("ArrowDown"); // radios: the arrows choose ("Byrådet")
    await expect(panel.getByRole("radio", { name: "Byrådet", exact: true }).isChecked()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    const date = panel.getByLabel(/^Dato for mødet eller beslutningen/);
    await expectFocus(date);
    await page.keyboard.type("12052025"); // dd.mm.åååå
    // Headless Chromium orders a date's parts by its own language (mm/dd/åååå), not the page's: type them in its order.
    if ((await date.inputValue()) !== "2025-05-12") {
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.type("05122025");
    }
    await expect(date.inputValue()).resolves.toBe("2025-05-12");
    await tabTo(page, panel.getByRole("textbox", { name: /^Punkt på dagsordenen/ }));
    await page.keyboard.type("4");
    await tabTo(page, panel.getByRole("radio", { name: "Godkendt", exact: true })); // past the optional link to the minutes
    await page.keyboard.press("Space");
    await expect(panel.getByRole("radio", { name: "Godkendt", exact: true }).isChecked()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await expectFocus(panel.getByRole("button", { name: "Godkend på vegne af Roskilde Kommune" }));
    await page.keyboard.press("Enter");

    // The confirmation opens on "Annuller" (an accidental Enter never approves); Shift+Tab reaches "Godkend".
    const dialog = page.getByRole("dialog", { name: "Godkend svaret på vegne af Roskilde Kommune?" });
    await dialog.getByText(frozenHash).waitFor();
    await dialog.getByText("Byrådet, møde 12. maj 2025, pkt. 4: Godkendt.").waitFor();
    await expectFocus(dialog.getByRole("button", { name: "Annuller" }));
    await page.keyboard.press("Shift+Tab");
    await expectFocus(dialog.getByRole("button", { name: "Godkend", exact: true }));
    await page.keyboard.press("Enter");

    await panel.getByText("Roskilde Kommune har godkendt svaret.").first().waitFor();
    await panel.locator('[data-kommune="265"]', { hasText: "Byrådet, møde 12. maj 2025, pkt. 4: Godkendt." }).waitFor();
    await screenshot(page, "keyboard-approved");
    await page.context().close();
  });
});
