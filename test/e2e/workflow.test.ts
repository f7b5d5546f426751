/**
 * The whole workflow in real browsers, in Region Nordjylland: the reply is filled (over Yjs, as
 * co-writing editors would), the coordinator sends it for approval and acknowledges its advarsel,
 * three kommuner approve in their own browsers, the coordinator submits and downloads the sealed
 * PDF, and Social- og Boligstyrelsen's national overview shows it (screenshot).
 *
 * Nordjylland has 11 kommuner and every one must approve. The demo has editors for three of them
 * (Aalborg, Hjørring, Thisted), who approve through the browser; the other eight get an editor
 * here and approve through the HTTP API, so the test stays short while the rule stays real.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { municipalitiesOf } from "../../shared/regions.js";
import { writeReplyContent } from "../../shared/content/write.js";
import { hashPassword } from "../../server/auth/passwords.js";
import { screenshot } from "../helpers/browser.js";
import { browserSuite } from "../helpers/e2e.js";
import { fillDecision, openReply, signIn } from "../helpers/pages.js";
import { connectClient, login } from "../helpers/clients.js";
import { completeReplyContentAsOf, withText } from "../helpers/completeReply.js";
import { waitFor } from "../helpers/wait.js";
import { callApi } from "../helpers/api.js";

const REGION = "nordjylland";
const DOC = `svar-${REGION}`;
const COORDINATOR = "koordinator.nordjylland@regionssvar.dk";
const AGENCY = "styrelsen@regionssvar.dk";
const DEADLINE = "2025-05-31";
const BROWSER_APPROVERS = [
  {
    code: "851",
    email: "redaktoer.aalborg@regionssvar.dk",
    kommune: "Aalborg Kommune",
    decision: { organ: "Byrådet", moedeDato: "2025-05-12", punkt: "7", udfald: "Godkendt", referat: "https://aalborg.dk/referat/12-05-2025" },
    shown: "Byrådet, møde 12. maj 2025, pkt. 7: Godkendt.",
  },
  {
    code: "860",
    email: "redaktoer.hjoerring@regionssvar.dk",
    kommune: "Hjørring Kommune",
    decision: { organ: "Byrådet", moedeDato: "2025-05-14", punkt: "3", udfald: "Godkendt med forbehold", forbehold: "Forudsat statslig medfinansiering." },
    shown: "Byrådet, møde 14. maj 2025, pkt. 3: Godkendt med forbehold: Forudsat statslig medfinansiering.",
  },
  {
    code: "787",
    email: "redaktoer.thisted@regionssvar.dk",
    kommune: "Thisted Kommune",
    decision: { organ: "Kommunalbestyrelsen", moedeDato: "2025-05-15", punkt: "12", udfald: "Godkendt" },
    shown: "Kommunalbestyrelsen, møde 15. maj 2025, pkt. 12: Godkendt.",
  },
];
const API_PASSWORD = "en lang adgangskode til godkendere i testen";

const suite = browserSuite();

/** Fails the test on any uncaught error in a page (a crashed panel would otherwise just vanish). */
function watchErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
}

async function openPanel(page: Page, name: string): Promise<Locator> {
  await page.getByRole("tab", { name }).click();
  return page.getByRole("tabpanel", { name });
}

/** The reply, complete except for one advarsel (too few words on the assumptions), written over Yjs. */
async function fillReply(): Promise<void> {
  const session = await login(suite.server, COORDINATOR);
  const writer = connectClient(suite.server, session, DOC);
  try {
    await waitFor(() => writer.provider.synced);
    writeReplyContent(writer.doc, withText(completeReplyContentAsOf(REGION), "i4.forudsaetninger", "Tidsplanen forudsætter politisk tilslutning."));
    await waitFor(() => writer.counter.sent > 0 && writer.counter.saved >= writer.counter.sent);
  } finally {
    writer.destroy();
  }
}

/** An editor for each kommune without a demo account, signed in over HTTP. */
async function apiApprovers() {
  const passwordHash = await hashPassword(API_PASSWORD);
  const browserCodes = new Set(BROWSER_APPROVERS.map((a) => a.code));
  const others = municipalitiesOf(REGION).filter((m) => !browserCodes.has(m.code));
  return Promise.all(
    others.map(async (m) => {
      const id = randomUUID();
      const email = `godkender.${m.code}@test.dk`;
      await suite.server.store.insertUser({
        id,
        email,
        name: `Godkender ${m.name}`,
        organisationId: `kommune-${m.code}`,
        passwordHash,
        createdAt: new Date().toISOString(),
      });
      await suite.server.store.upsertMembership({ documentId: DOC, userId: id, role: "redaktoer" });
      return { kommune: m.officialName, session: await login(suite.server, email, API_PASSWORD) };
    }),
  );
}

describe("the approval workflow in the browser", () => {
  it("fill → send for approval → 11 approvals → submit → PDF → national overview", async () => {
    const errors: string[] = [];
    const [, approvers] = await Promise.all([fillReply(), apiApprovers()]);
    expect(approvers).toHaveLength(8);

    // --- the coordinator sends the reply for approval, acknowledging its advarsel -----------------
    const coordinator = await signIn(suite.browser, suite.server.baseUrl, COORDINATOR);
    watchErrors(coordinator.page, errors);
    await openReply(coordinator.page, "Nordjylland");
    await coordinator.page.getByText("Alle ændringer er gemt").waitFor();
    const panel = await openPanel(coordinator.page, "Godkendelse");
    await panel.getByRole("button", { name: "Send til godkendelse" }).click();

    const request = coordinator.page.getByRole("dialog", { name: "Send svaret til godkendelse?" });
    await request.getByText("Forudsætninger og usikkerheder").first().waitFor();
    const acknowledge = request.getByRole("checkbox", { name: "Jeg har set advarslen" });
    expect(await acknowledge.count()).toBe(1);
    // Confirming without the acknowledgement is refused in the dialog, with a reason.
    await request.getByRole("button", { name: "Lås teksten og send til godkendelse" }).click();
    await request.getByText("Sæt kryds ved alle advarsler for at fortsætte.").waitFor();
    await acknowledge.check();
    await request.getByRole("button", { name: "Lås teksten og send til godkendelse" }).click();
    await panel.getByText("Svaret er sendt til godkendelse. Teksten er låst.").waitFor();
    await panel.getByText("0 af 11 kommuner har godkendt").waitFor();

    const workflow = (await callApi(suite.server, await login(suite.server, COORDINATOR), "GET", `/api/documents/${DOC}/workflow`)).body;
    expect(workflow).toMatchObject({ state: "til_godkendelse", acknowledgedWarnings: ["I4.FORUDSAETNINGER"] });
    const frozenHash = workflow.frozenHash as string;
    expect(await panel.locator(".wf-frozen [data-hash]").getAttribute("data-hash")).toBe(frozenHash);

    // --- three kommuner approve in their browsers ----------------------------------------------
    for (const approver of BROWSER_APPROVERS) {
      const { context, page } = await signIn(suite.browser, suite.server.baseUrl, approver.email);
      watchErrors(page, errors);
      await openReply(page, "Nordjylland");
      const own = await openPanel(page, "Godkendelse");
      // The decision is required: an empty submission says so and sends nothing.
      await own.getByRole("button", { name: `Godkend på vegne af ${approver.kommune}` }).click();
      await own.getByText("Vælg, hvem der har truffet beslutningen.").waitFor();
      await fillDecision(own, approver.decision);
      await own.getByRole("button", { name: `Godkend på vegne af ${approver.kommune}` }).click();
      const confirm = page.getByRole("dialog", { name: `Godkend svaret på vegne af ${approver.kommune}?` });
      await confirm.getByText(frozenHash).waitFor(); // the exact text they approve, by its hash
      await confirm.getByText(approver.shown).waitFor(); // the decision as the letter prints it
      await confirm.getByRole("button", { name: "Godkend", exact: true }).click();
      await own.getByText(`${approver.kommune} har godkendt svaret.`).first().waitFor();
      await own.locator(`[data-kommune="${approver.code}"]`, { hasText: approver.shown }).waitFor();
      await context.close();
    }
    // The coordinator's panel follows the approvals live (suite.server event), with who and on what basis.
    await panel.getByText("3 af 11 kommuner har godkendt").waitFor();
    await panel.locator('[data-kommune="860"]', { hasText: "Byrådet, møde 14. maj 2025, pkt. 3: Godkendt med forbehold" }).waitFor();

    // --- the other eight through the API (no demo accounts for them) ----------------------------
    for (const [i, approver] of approvers.entries()) {
      const res = await callApi(suite.server, approver.session, "POST", `/api/documents/${DOC}/approvals`, {
        grundlag: `Kommunalbestyrelsens beslutning, pkt. ${i + 1}`,
        indholdsHash: frozenHash,
      });
      expect(res.status, approver.kommune).toBe(200);
    }

    // --- godkendt: the coordinator submits and downloads the sealed PDF --------------------------
    await panel.getByText("11 af 11 kommuner har godkendt").waitFor();
    await panel.getByRole("button", { name: "Indsend svaret" }).click();
    const submit = coordinator.page.getByRole("dialog", { name: "Indsend svaret til Social- og Boligstyrelsen?" });
    await submit.getByRole("button", { name: "Indsend og forsegl" }).click();
    await panel.getByText("Forseglingen er kontrolleret ✓").waitFor();
    await panel.getByText(frozenHash).first().waitFor({ state: "attached" }); // the sealed content hash is the approved one
    await screenshot(coordinator.page, "workflow-sealed");

    const [download] = await Promise.all([coordinator.page.waitForEvent("download"), panel.getByRole("link", { name: "Hent PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`regionssvar-${REGION}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await coordinator.context.close();

    // --- the agency's national overview ----------------------------------------------------------
    const agency = await signIn(suite.browser, suite.server.baseUrl, AGENCY);
    watchErrors(agency.page, errors);
    await agency.page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Nationalt overblik" }).click();
    await agency.page.getByRole("heading", { name: "Nationalt overblik", level: 1 }).waitFor();
    const row = agency.page.locator(`tr[data-region="${REGION}"]`);
    await row.getByText("Indsendt", { exact: true }).waitFor();
    await row.getByText("11 af 11").waitFor();
    await row.getByRole("link", { name: /Hent PDF for/ }).waitFor();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(new Date());
    if (today > DEADLINE) await row.getByText("Indsendt efter fristen").waitFor();
    expect(await agency.page.locator("tbody tr").count()).toBe(5);
    expect(await agency.page.getByTestId("national-capacity").textContent()).toMatch(/^25\b/);
    await screenshot(agency.page, "overview-national", { fullPage: true });
    await agency.context.close();

    expect(errors).toEqual([]);
  });
});
