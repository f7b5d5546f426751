/**
 * WCAG 2.1 AA in a real browser: every page, every side panel of the reply page and the reply in
 * each workflow state has no serious or critical axe violation. Also: the reply at tablet width
 * reflows without horizontal scrolling and keeps its save state in view. Screenshots of the pages
 * are kept as artifacts (test-results/e2e); `npm run screenshots` makes the ones in docs/.
 *
 * Replies in later states are prepared over HTTP and Yjs while the first pages are checked:
 * Region Sjælland waits for approval, Region Midtjylland is submitted and sealed.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot } from "../helpers/browser.js";
import { browserSuite } from "../helpers/e2e.js";
import { fillDecision, openReply, signIn } from "../helpers/pages.js";
import { seriousViolations } from "../helpers/axe.js";
import { callApi } from "../helpers/api.js";
import { login } from "../helpers/clients.js";
import { invitationLink, replyAwaitingApproval, submittedReply } from "../helpers/replyStates.js";

/** Generous: two cores shared with other browser tests; axe on the whole reply takes a while. */
const UI_TIMEOUT = 30_000;
const SLOW_TEST = 120_000;
const COORDINATOR = "koordinator.nordjylland@regionssvar.dk";

let awaitingApproval: Promise<string>;
let submitted: Promise<void>;
const suite = browserSuite({
  prepare: (server) => {
    awaitingApproval = replyAwaitingApproval(server, "sjaelland");
    submitted = submittedReply(server, "midtjylland");
    // Awaited by the tests that need them; a failure is reported there.
    awaitingApproval.catch(() => {});
    submitted.catch(() => {});
  },
  setupTimeoutMs: SLOW_TEST,
});
afterAll(async () => {
  await Promise.allSettled([awaitingApproval, submitted]);
});

async function signedIn(email: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const { page } = await signIn(suite.browser, suite.server.baseUrl, email, undefined, viewport);
  page.setDefaultTimeout(UI_TIMEOUT);
  return page;
}

async function showPanel(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
  await page.getByRole("tabpanel", { name: new RegExp(`^${name}`) }).waitFor();
}

describe("accessibility (axe, WCAG 2.1 AA)", () => {
  it("the sign-in page", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "da-DK" });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(`${suite.server.baseUrl}/login`);
    await page.getByRole("button", { name: "Log ind" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "page-login");
    await context.close();
  });

  it(
    "Mine svar and the reply page with every side panel open",
    async () => {
      const page = await signedIn(COORDINATOR);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "page-mine-svar");
      await openReply(page, "Nordjylland");
      await page.getByText("Alle ændringer er gemt").waitFor();
      expect(await seriousViolations(page), "reply page").toEqual([]);
      // The rest of the page does not change with the tab: check each panel on its own.
      for (const tab of await page.getByRole("tab").all()) {
        await tab.click();
        const name = (await tab.textContent())?.trim() ?? "panel";
        expect(await seriousViolations(page, { include: "#paneler" }), `panel ${name}`).toEqual([]);
      }
      await screenshot(page, "page-svar");

      // "Send til godkendelse" on an empty reply: the errors that block it, each a link to its field.
      await showPanel(page, "Godkendelse");
      await page.getByRole("button", { name: "Send til godkendelse" }).click();
      await page.getByRole("heading", { name: "Svaret kan ikke sendes til godkendelse endnu" }).waitFor();
      expect(await seriousViolations(page, { include: "#paneler" }), "errors before approval").toEqual([]);

      // The history viewer: a version and a comparison of two, each in a dialog.
      await showPanel(page, "Historik");
      const history = page.getByRole("tabpanel", { name: "Historik" });
      for (const name of ["Første udkast", "Efter KKR-mødet"]) {
        await history.getByLabel(/^Navn på versionen/).fill(name);
        await history.getByRole("button", { name: "Gem version" }).click();
        await history.getByText(`Versionen »${name}« er gemt.`).waitFor();
      }
      await history.getByRole("button", { name: "Vis versionen »Efter KKR-mødet«" }).click();
      const viewer = page.getByRole("dialog", { name: "Version: Efter KKR-mødet" });
      await page.frameLocator(".history__frame").getByRole("heading", { level: 1 }).waitFor();
      // The version itself is shown in a sandboxed iframe without scripts, which axe cannot enter;
      // its HTML is checked on its own page below.
      expect(await seriousViolations(page, { include: "dialog[open]", exclude: [".history__frame"] }), "version dialog").toEqual([]);
      await screenshot(page, "page-historik-version");
      await viewer.getByRole("button", { name: "Luk" }).click();
      await history.getByRole("checkbox", { name: "Vælg »Første udkast« til sammenligning" }).check();
      await history.getByRole("checkbox", { name: "Vælg »Efter KKR-mødet« til sammenligning" }).check();
      await history.getByRole("button", { name: "Sammenlign valgte" }).click();
      await page.getByRole("dialog", { name: "Fra »Første udkast« til »Efter KKR-mødet«" }).getByText("Der er ingen forskel på de to versioner.").waitFor();
      expect(await seriousViolations(page, { include: "dialog[open]" }), "comparison dialog").toEqual([]);
      await page.context().close();

      // The version's HTML (what the sandboxed iframe shows) on a page of its own.
      const session = await login(suite.server, COORDINATOR);
      const versions = (await callApi(suite.server, session, "GET", "/api/documents/svar-nordjylland/versions")).body.versions as {
        id: string;
        name: string;
      }[];
      const version = versions.find((v) => v.name === "Efter KKR-mødet")!;
      const view = await callApi(suite.server, session, "GET", `/api/documents/svar-nordjylland/versions/${version.id}`);
      const context = await suite.browser.newContext({ locale: "da-DK" });
      const standalone = await context.newPage();
      await standalone.setContent(view.body.html as string);
      expect(await seriousViolations(standalone), "version HTML").toEqual([]);
      await context.close();
    },
    SLOW_TEST,
  );

  it("error pages: unknown address, unknown reply, a reply one has no access to", async () => {
    const page = await signedIn("redaktoer.aalborg@regionssvar.dk");
    await page.goto(`${suite.server.baseUrl}/findes-ikke`);
    await page.getByRole("heading", { name: "Siden findes ikke", level: 1 }).waitFor();
    expect(await seriousViolations(page), "404").toEqual([]);
    await screenshot(page, "page-findes-ikke");
    await page.goto(`${suite.server.baseUrl}/svar/svar-findes-ikke`);
    await page.getByText("Svaret findes ikke.").waitFor();
    expect(await seriousViolations(page), "unknown reply").toEqual([]);
    await page.goto(`${suite.server.baseUrl}/svar/svar-hovedstaden`);
    await page.getByRole("heading", { name: "Du har ikke adgang til dette svar.", level: 1 }).waitFor();
    expect(await seriousViolations(page), "no access").toEqual([]);
    await page.context().close();
  });

  it("the invitation page with a valid link, and with one that is used up", async () => {
    const link = await invitationLink(suite.server, "nordjylland");
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "da-DK" });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(link);
    await page.getByRole("heading", { name: "Vælg din adgangskode" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "page-invitation");
    await page.goto(`${suite.server.baseUrl}/invitation/ikke-et-gyldigt-link-0123456789`);
    await page.getByText("Bed koordinatoren om en ny.", { exact: false }).waitFor();
    expect(await seriousViolations(page), "used or expired invitation").toEqual([]);
    await context.close();
  });

  it(
    "a reply waiting for approval, as a kommune's editor, with the confirmation open",
    async () => {
      await awaitingApproval;
      const page = await signedIn("redaktoer.roskilde@regionssvar.dk");
      await openReply(page, "Sjælland");
      await showPanel(page, "Godkendelse");
      const panel = page.getByRole("tabpanel", { name: "Godkendelse" });
      await fillDecision(panel, {
        organ: "Byrådet",
        moedeDato: "2025-05-12",
        punkt: "4",
        udfald: "Godkendt med forbehold",
        forbehold: "Forudsat statslig medfinansiering.",
      });
      expect(await seriousViolations(page), "til godkendelse").toEqual([]);
      await screenshot(page, "page-svar-til-godkendelse");
      await panel.getByRole("button", { name: "Godkend på vegne af Roskilde Kommune" }).click();
      await page.getByRole("dialog", { name: "Godkend svaret på vegne af Roskilde Kommune?" }).waitFor();
      expect(await seriousViolations(page, { include: "dialog[open]" }), "approval confirmation").toEqual([]);
      await page.context().close();
    },
    SLOW_TEST,
  );

  it(
    "a submitted reply (the seal and the downloads) and the national overview",
    async () => {
      await submitted;
      const page = await signedIn("koordinator.midtjylland@regionssvar.dk");
      await openReply(page, "Midtjylland");
      await showPanel(page, "Godkendelse");
      await page.getByText("Forseglingen er kontrolleret ✓").waitFor();
      expect(await seriousViolations(page), "indsendt").toEqual([]);
      await screenshot(page, "page-svar-indsendt");
      await page.context().close();

      const agency = await signedIn("styrelsen@regionssvar.dk");
      await agency.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Nationalt overblik" }).click();
      await agency.locator('tr[data-region="midtjylland"]').getByText("Indsendt", { exact: true }).waitFor();
      await agency.locator('tr[data-region="sjaelland"]').getByText("Til godkendelse", { exact: true }).waitFor();
      expect(await seriousViolations(agency), "nationalt overblik").toEqual([]);
      await screenshot(agency, "page-overblik");
      await agency.context().close();
    },
    SLOW_TEST,
  );

  it("the reply on a tablet (820×1180): no horizontal scrolling, the save state in view, the panels one link away", async () => {
    const page = await signedIn("redaktoer.aalborg@regionssvar.dk", { width: 820, height: 1180 });
    await openReply(page, "Nordjylland");
    const saved = page.getByText("Alle ændringer er gemt");
    await saved.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expect(saved.isVisible()).resolves.toBe(true);
    const box = await saved.boundingBox();
    expect(box && box.y + box.height <= 1180).toBe(true);
    await page.getByRole("link", { name: /^Gå til panelerne/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: UI_TIMEOUT }).toBe("paneler");
    await expect(page.getByRole("tab", { name: "Fuldstændighed" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "page-svar-tablet");
    await page.context().close();
  });
});
