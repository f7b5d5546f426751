/**
 * `npm run screenshots`: current screenshots of the main pages in docs/screenshots/ (PNG, 1280×720,
 * the reply also at tablet size 820×1180 and in print layout). Runs a throwaway server with the demo
 * data on a free port and Debian's Chromium (the same setup as the browser tests), brings three
 * regions' replies into different states first, and writes every page as a person would see it:
 *
 *   Nordjylland  udkast: partly filled (the completeness panel has findings), a comment thread
 *   Sjælland     til godkendelse, seen by Roskilde's editor (the approval form)
 *   Midtjylland  indsendt, sealed (the seal and the downloads)
 *
 * Nothing is mocked; a step that fails stops the script with the page's state in the message.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ensureClientBuilt } from "./client-build.mjs";
import { launchBrowser } from "../test/helpers/browser.js";
import { completeReplyContentAsOf, withField, withText } from "../test/helpers/completeReply.js";
import { fillDecision, openReply, signIn } from "../test/helpers/pages.js";
import { fillReply, invitationLink, replyAwaitingApproval, submittedReply } from "../test/helpers/replyStates.js";
import { startServer, type TestServer } from "../test/helpers/server.js";
import { login } from "../test/helpers/clients.js";

const OUT = "docs/screenshots";
const LAPTOP = { width: 1280, height: 720 };
const TABLET = { width: 820, height: 1180 };
const TIMEOUT = 60_000;

async function shoot(page: Page, name: string): Promise<void> {
  // No caret, hover or half-finished transition in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(OUT, `${name}.png`), animations: "disabled", caret: "hide" });
  console.log(`  ${OUT}/${name}.png`);
}

async function showPanel(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
  await page.getByRole("tabpanel", { name: new RegExp(`^${name}`) }).waitFor();
}

async function signedIn(browser: Browser, baseUrl: string, email: string, viewport = LAPTOP): Promise<Page> {
  const { page } = await signIn(browser, baseUrl, email, undefined, viewport);
  page.setDefaultTimeout(TIMEOUT);
  return page;
}

/** Adds a bilag file as the coordinator's browser would (raw bytes, the CSRF header). */
async function addBilag(server: TestServer, regionId: string, filename: string, bytes: Buffer): Promise<void> {
  const coordinator = await login(server, `koordinator.${regionId}@regionssvar.dk`);
  const response = await fetch(`${server.baseUrl}/api/documents/svar-${regionId}/attachments`, {
    method: "POST",
    headers: {
      origin: server.origin,
      cookie: coordinator.cookie,
      "x-csrf-token": coordinator.csrfToken,
      "content-type": "application/octet-stream",
      "x-filename": encodeURIComponent(filename),
    },
    body: new Uint8Array(bytes),
  });
  if (response.status !== 200) throw new Error(`bilag not added: ${response.status} ${await response.text()}`);
}

async function main(): Promise<void> {
  ensureClientBuilt();
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({ config: { SERVE_CLIENT: true, LOG_LEVEL: "error" } });
  const { browser, close } = await launchBrowser();
  try {
    // Nordjylland: the reply is mostly written, but the plan for the agreement (item 2), the number of places and the assumptions are missing.
    const complete = completeReplyContentAsOf("nordjylland");
    const partly = withField(withText(withText(complete, "i2.plan.tekst", undefined), "i4.forudsaetninger", undefined), "i1.organisering.pladser", undefined);
    await Promise.all([fillReply(server, "nordjylland", partly), replyAwaitingApproval(server, "sjaelland"), submittedReply(server, "midtjylland")]);
    const base = server.baseUrl;

    const anonymous = await browser.newPage({ viewport: LAPTOP, locale: "da-DK" });
    anonymous.setDefaultTimeout(TIMEOUT);
    await anonymous.goto(`${base}/login`);
    await anonymous.getByRole("button", { name: "Log ind" }).waitFor();
    await shoot(anonymous, "login");
    await anonymous.goto(`${base}/invitation/${(await invitationLink(server, "nordjylland")).split("/invitation/")[1]}`);
    await anonymous.getByRole("heading", { name: "Vælg din adgangskode" }).waitFor();
    await shoot(anonymous, "invitation");

    const coordinator = await signedIn(browser, base, "koordinator.nordjylland@regionssvar.dk");
    await shoot(coordinator, "my-replies");
    await coordinator.goto(`${base}/findes-ikke`);
    await coordinator.getByRole("heading", { name: "Siden findes ikke" }).waitFor();
    await shoot(coordinator, "not-found");
    await coordinator.goto(`${base}/`);
    await openReply(coordinator, "Nordjylland");
    await coordinator.getByText("Alle ændringer er gemt").waitFor();
    await coordinator.getByRole("tabpanel", { name: "Fuldstændighed" }).getByText(/fejl/).first().waitFor();
    await shoot(coordinator, "reply");

    // A comment thread on a sentence of item 1.2, made with the keyboard.
    const field = coordinator.locator('#reply-editor [data-field="i1.hjemmel.tekst"] p').first();
    await field.click();
    await coordinator.keyboard.press("End");
    await coordinator.keyboard.press("Shift+Home");
    await coordinator.keyboard.press("Control+Alt+M");
    await coordinator.getByRole("textbox", { name: "Kommentar", exact: true }).fill("Skal vi også nævne barnets lov § 32 her?");
    await coordinator.keyboard.press("Control+Enter");
    await coordinator.locator(".thread", { hasText: "barnets lov" }).waitFor();
    await shoot(coordinator, "reply-comments");

    await showPanel(coordinator, "Personer");
    await coordinator
      .getByRole("tabpanel", { name: "Personer" })
      .getByRole("heading", { name: /Med i svaret/ })
      .waitFor();
    await shoot(coordinator, "reply-people");

    await showPanel(coordinator, "Historik");
    const history = coordinator.getByRole("tabpanel", { name: "Historik" });
    await history.getByLabel(/^Navn på versionen/).fill("Efter KKR-mødet");
    await history.getByRole("button", { name: "Gem version" }).click();
    await history.getByRole("button", { name: "Vis versionen »Efter KKR-mødet«" }).click();
    await coordinator.frameLocator(".history__frame").getByRole("heading", { level: 1 }).waitFor();
    await shoot(coordinator, "reply-history-version");
    await coordinator.keyboard.press("Escape");

    await coordinator.emulateMedia({ media: "print" });
    await coordinator.evaluate(() => window.scrollTo(0, 0));
    await shoot(coordinator, "reply-print");
    await coordinator.emulateMedia({ media: "screen" });

    const tablet = await signedIn(browser, base, "redaktoer.aalborg@regionssvar.dk", TABLET);
    await openReply(tablet, "Nordjylland");
    await tablet.getByText("Alle ændringer er gemt").waitFor();
    await shoot(tablet, "reply-tablet");

    const roskilde = await signedIn(browser, base, "redaktoer.roskilde@regionssvar.dk");
    await openReply(roskilde, "Sjælland");
    await showPanel(roskilde, "Godkendelse");
    const decision = roskilde.getByRole("tabpanel", { name: "Godkendelse" });
    await fillDecision(decision, {
      organ: "Byrådet",
      moedeDato: "2025-05-19",
      punkt: "7",
      udfald: "Godkendt med forbehold",
      forbehold: "Under forudsætning af statslig medfinansiering.",
    });
    await decision.getByRole("button", { name: /^Godkend på vegne af/ }).scrollIntoViewIfNeeded();
    await shoot(roskilde, "reply-approval");

    const midtjylland = await signedIn(browser, base, "koordinator.midtjylland@regionssvar.dk");
    await openReply(midtjylland, "Midtjylland");
    await showPanel(midtjylland, "Godkendelse");
    await midtjylland.getByText("Forseglingen er kontrolleret ✓").scrollIntoViewIfNeeded();
    await shoot(midtjylland, "reply-submitted");

    // Bilag of the Nordjylland draft, added by the coordinator.
    await addBilag(server, "nordjylland", "Referat KKR Nordjylland 12.05.2025.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"));
    await showPanel(coordinator, "Bilag");
    await coordinator.getByRole("link", { name: "Referat KKR Nordjylland 12.05.2025.pdf" }).waitFor();
    await shoot(coordinator, "reply-bilag");

    const agency = await signedIn(browser, base, "styrelsen@regionssvar.dk");
    await agency.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Nationalt overblik" }).click();
    await agency.locator('tr[data-region="midtjylland"]').getByText("Indsendt", { exact: true }).waitFor();
    await shoot(agency, "national-overview");
    await agency.getByRole("link", { name: "Sammenlign svarene" }).click();
    await agency.getByRole("table").waitFor();
    await shoot(agency, "comparison");
  } finally {
    await close();
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
