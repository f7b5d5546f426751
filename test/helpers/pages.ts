/** Browser steps shared by the e2e tests, in the words a user would use. */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { TEST_PASSWORD } from "./server.js";

export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password = TEST_PASSWORD,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: "da-DK" });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.getByRole("heading", { name: "Mine svar" }).waitFor();
  return { context, page };
}

export async function openReply(page: Page, regionName: string): Promise<void> {
  await page
    .getByRole("link", { name: new RegExp(regionName) })
    .first()
    .click();
  await page.locator(".ProseMirror").waitFor();
}

/** Puts the caret at the end of a text field's editable content and types. */
export async function typeInField(page: Page, fieldId: string, text: string): Promise<void> {
  const editable = page.locator(`[data-field="${fieldId}"] p`).first();
  await editable.click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

/** The first `selector` textblock (p, li p, td p) inside a text field's editable content. */
export function fieldTextblock(page: Page, fieldId: string, selector = "p"): Locator {
  return page.locator(`#reply-editor [data-field="${fieldId}"] .text-field__content ${selector}`).first();
}

/** A textblock's text as its author sees it: without remote carets' labels or notices drawn inside it. */
export function typedText(block: Locator): Promise<string> {
  return block.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret, .caret-notice").forEach((n) => n.remove());
    return copy.textContent ?? "";
  });
}

/** Fills a kommune's decision in the approval form (client/features/approval/DecisionFields.tsx). */
export async function fillDecision(
  scope: Locator,
  decision: { organ: string; moedeDato: string; punkt: string; udfald: string; referat?: string; forbehold?: string },
): Promise<void> {
  await scope.getByRole("radio", { name: decision.organ, exact: true }).check();
  await scope.getByLabel(/^Dato for mødet eller beslutningen/).fill(decision.moedeDato);
  await scope.getByRole("textbox", { name: /^Punkt på dagsordenen/ }).fill(decision.punkt);
  if (decision.referat) await scope.getByRole("textbox", { name: /^Link til referatet/ }).fill(decision.referat);
  await scope.getByRole("radio", { name: decision.udfald, exact: true }).check();
  if (decision.forbehold) await scope.getByRole("textbox", { name: /^Forbeholdet/ }).fill(decision.forbehold);
}
