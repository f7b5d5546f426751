/**
 * People management in real browsers: the coordinator of Region Nordjylland invites a person from
 * Aalborg Kommune as kommentator and reads the single-use link from the page (no mail server in the
 * demo); in a second browser context the person opens the link, is refused a weak password with
 * the server's Danish reason, sets a good one and lands in the reply as "Kommentator". The
 * coordinator then sees the person in the list, changes the role and removes the person. Both
 * pages are checked with axe (no serious WCAG 2.1 AA violation) in their busiest state.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { screenshot } from "../helpers/browser.js";
import { browserSuite } from "../helpers/e2e.js";
import { openReply, signIn } from "../helpers/pages.js";
import { seriousViolations } from "../helpers/axe.js";

const COORDINATOR = "koordinator.nordjylland@regionssvar.dk";
const INVITEE = { name: "Ny Kommentator", email: "ny@aalborg.dk", organisation: "Aalborg Kommune" };
const PASSWORD = "en lang og god adgangskode til svaret";

const suite = browserSuite();

/** Fails the test on any uncaught error in a page (a crashed panel would otherwise just vanish). */
function watchErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
}

async function openPeople(page: Page): Promise<Locator> {
  await page.getByRole("tab", { name: "Personer" }).click();
  const panel = page.getByRole("tabpanel", { name: "Personer" });
  await panel.getByRole("heading", { name: /Med i svaret/ }).waitFor();
  return panel;
}

async function optionLabels(select: Locator): Promise<string[]> {
  return select.locator("option").allTextContents();
}

describe("people and invitations", () => {
  it("the coordinator invites a person who sets a password and lands in the reply with the role given", async () => {
    const errors: string[] = [];
    const coordinator = await signIn(suite.browser, suite.server.baseUrl, COORDINATOR);
    watchErrors(coordinator.page, errors);
    await openReply(coordinator.page, "Nordjylland");
    const panel = await openPeople(coordinator.page);

    // the coordinator cannot change their own role: no role control on their own row
    await expect(panel.getByRole("listitem").filter({ hasText: "(dig)" }).getByRole("combobox").count()).resolves.toBe(0);

    // an empty form is refused with Danish errors in a summary linked to the fields
    await panel.getByRole("button", { name: "Opret invitation" }).click();
    const summary = panel.getByRole("alert").filter({ hasText: "Invitationen blev ikke oprettet" });
    await summary.getByRole("link", { name: "Skriv personens navn." }).click();
    await expect(panel.getByLabel("Navn", { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await panel.getByLabel("Navn", { exact: true }).fill(INVITEE.name);
    await panel.getByLabel("E-mail", { exact: true }).fill(INVITEE.email);
    const organisation = panel.getByLabel("Organisation", { exact: true });
    const role = panel.getByLabel("Rolle", { exact: true });

    // only roles that fit the organisation are offered
    await organisation.selectOption({ label: "Familieambulatoriet, Aalborg Universitetshospital" });
    expect(await optionLabels(role)).toEqual(["Vælg rolle…", "Kommentator", "Læser"]);
    await organisation.selectOption({ label: INVITEE.organisation });
    expect(await optionLabels(role)).toEqual(["Vælg rolle…", "Kommunal redaktør", "Kommentator", "Læser"]);
    await role.selectOption({ label: "Kommentator" });
    await panel.getByRole("button", { name: "Opret invitation" }).click();

    // the single-use link is shown (no e-mail in the demo) and the invitation is listed as pending
    const linkField = panel.getByLabel("Invitationslink");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.baseUrl}/invitation/[A-Za-z0-9_-]{20,}$`));
    await panel.getByText("Der er ingen mailserver i denne installation", { exact: false }).waitFor();
    await panel.getByText(/Linket udløber \d+\. \w+ \d{4}/).waitFor();
    const pending = panel.getByRole("listitem").filter({ hasText: INVITEE.email });
    await pending.getByText("Afventer").waitFor();
    await pending.getByText(/^Udløber /).waitFor();
    await screenshot(coordinator.page, "people-invitation-created");
    expect(await seriousViolations(coordinator.page)).toEqual([]);

    // a second suite.browser context: the invited person opens the link
    const invitee = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "da-DK" });
    const page = await invitee.newPage();
    watchErrors(page, errors);
    await page.goto(link);
    await page.getByRole("heading", { name: "Vælg din adgangskode" }).waitFor();
    await page.getByText(`Du er inviteret som ${INVITEE.name}, ${INVITEE.organisation}.`).waitFor();
    await page.getByText("Mindst 15 tegn. Brug gerne en sætning af flere ord.").waitFor();
    await expect(page.locator(".invitation-facts").textContent()).resolves.toContain("Kommentator");

    const password = page.getByLabel("Vælg adgangskode");
    const repeat = page.getByLabel("Gentag adgangskode");

    // the two fields must match (checked before anything is sent)
    await password.fill(PASSWORD);
    await repeat.fill(`${PASSWORD}!`);
    await page.getByRole("button", { name: /Gem adgangskode/ }).click();
    await page
      .getByRole("alert")
      .getByRole("link", { name: /ikke ens/ })
      .waitFor();

    // a weak password is refused with the server's Danish reason, linked to the field
    await password.fill("kort kode");
    await repeat.fill("kort kode");
    await page.getByRole("button", { name: /Gem adgangskode/ }).click();
    const refusal = page.getByRole("alert").getByRole("link", { name: /mindst 15 tegn/ });
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe("Adgangskoden skal være på mindst 15 tegn (nu 9). Brug gerne flere ord.");
    await expect(password.getAttribute("aria-invalid")).resolves.toBe("true");
    await screenshot(page, "people-weak-password-refused");
    expect(await seriousViolations(page)).toEqual([]);
    await refusal.click();
    await expect(password.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // a good one: signed in, straight into the reply with the role given
    await password.fill(PASSWORD);
    await repeat.fill(PASSWORD);
    await page.getByRole("button", { name: /Gem adgangskode/ }).click();
    await page.waitForURL(`${suite.server.baseUrl}/svar/svar-nordjylland`);
    await page.locator(".ProseMirror").waitFor();
    await page.locator(".doc-header__facts dd", { hasText: /^Kommentator$/ }).waitFor();
    await page.locator(".app-header__user-name", { hasText: INVITEE.name }).waitFor();
    await screenshot(page, "people-invitee-in-reply");

    // the link is single-use
    const again = await suite.browser.newContext({ locale: "da-DK" });
    const againPage = await again.newPage();
    await againPage.goto(link);
    await againPage.getByText("Invitationen er udløbet eller allerede brugt. Bed koordinatoren om en ny.").waitFor();
    await again.close();

    // the coordinator sees the person, changes the role (applied at once) and removes the person
    await coordinator.page.reload();
    await coordinator.page.locator(".ProseMirror").waitFor();
    const panelAgain = await openPeople(coordinator.page);
    const row = panelAgain.getByRole("listitem").filter({ hasText: INVITEE.name });
    const rowRole = row.getByLabel(`Rolle for ${INVITEE.name}`);
    await expect(rowRole.inputValue()).resolves.toBe("kommentator");
    await rowRole.selectOption({ label: "Læser" });
    await panelAgain.getByRole("status").getByText(`${INVITEE.name} er nu læser.`, { exact: false }).waitFor();

    await row.getByRole("button", { name: `Fjern ${INVITEE.name} fra svaret` }).click();
    const dialog = coordinator.page.getByRole("dialog", { name: `Fjern ${INVITEE.name} fra svaret?` });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Fjern personen" }).click();
    await panelAgain.getByRole("status").getByText(`${INVITEE.name} er fjernet fra svaret.`).waitFor();
    await expect(panelAgain.getByRole("listitem").filter({ hasText: INVITEE.name }).count()).resolves.toBe(0);

    expect(errors).toEqual([]);
    await invitee.close();
    await coordinator.context.close();
  });

  it("the coordinator sends a new link, revokes an invitation, reads the outbox, and a person turns a kind of mail off", async () => {
    const errors: string[] = [];
    const email = "til.tilbagekald@aalborg.dk";
    const coordinator = await signIn(suite.browser, suite.server.baseUrl, COORDINATOR);
    watchErrors(coordinator.page, errors);
    await openReply(coordinator.page, "Nordjylland");
    const panel = await openPeople(coordinator.page);
    await panel.getByLabel("Navn", { exact: true }).fill("Til Tilbagekald");
    await panel.getByLabel("E-mail", { exact: true }).fill(email);
    await panel.getByLabel("Organisation", { exact: true }).selectOption({ label: INVITEE.organisation });
    await panel.getByLabel("Rolle", { exact: true }).selectOption({ label: "Læser" });
    await panel.getByRole("button", { name: "Opret invitation" }).click();
    const firstLink = await panel.getByLabel("Invitationslink").first().inputValue();

    // a new link: shown here (no mail suite.server), and the old one stops working
    await panel.getByRole("button", { name: `Send nyt link til ${email}` }).click();
    await panel.getByRole("status").getByText(`Der er lavet et nyt link til ${email}.`, { exact: false }).waitFor();
    const values = await panel.getByLabel("Invitationslink").evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value));
    expect(values.filter((v) => v !== firstLink)).toHaveLength(1);
    expect((await fetch(`${suite.server.baseUrl}/api/invitations/${firstLink.split("/invitation/")[1]}`)).status).toBe(410);

    // revoked after a confirmation
    await panel.getByRole("button", { name: `Tilbagekald invitationen til ${email}` }).click();
    const dialog = coordinator.page.getByRole("dialog", { name: `Tilbagekald invitationen til ${email}?` });
    await dialog.getByRole("button", { name: "Tilbagekald invitationen" }).click();
    await panel.getByRole("status").getByText(`Invitationen til ${email} er tilbagekaldt.`).waitFor();
    await panel.getByRole("listitem").filter({ hasText: email }).waitFor({ state: "detached" });

    // the outbox holds the invitation mails, readable by the coordinator
    await coordinator.page.getByRole("link", { name: "Udbakke" }).click();
    await coordinator.page.getByRole("heading", { name: "Udbakke", level: 1 }).waitFor();
    const mail = coordinator.page.getByRole("listitem").filter({ hasText: email }).first();
    await mail.getByText("Ligger i udbakken").waitFor();
    await mail.getByText(/Vis mailen/).click();
    await mail.getByText("Tag imod invitationen:", { exact: false }).waitFor();
    await screenshot(coordinator.page, "outbox");
    expect(await seriousViolations(coordinator.page)).toEqual([]);

    // mail preferences: a kind turned off stays off
    await coordinator.page.getByRole("link", { name: "Min profil" }).click();
    const mentions = coordinator.page.getByLabel("Når nogen nævner mig i en kommentar");
    await mentions.uncheck();
    await coordinator.page.getByRole("button", { name: "Gem valg" }).click();
    await coordinator.page.getByRole("status").getByText("Dine valg er gemt.").waitFor();
    await coordinator.page.reload();
    await expect(coordinator.page.getByLabel("Når nogen nævner mig i en kommentar").isChecked()).resolves.toBe(false);
    await expect(coordinator.page.getByLabel("Svar sendt til godkendelse").isChecked()).resolves.toBe(true);
    expect(await seriousViolations(coordinator.page)).toEqual([]);

    expect(errors).toEqual([]);
    await coordinator.context.close();
  });
});
