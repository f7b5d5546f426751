/**
 * One's own account in a real browser (issue 15, item 9): a forgotten password is reset from the
 * mailed link (a real SMTP server receives it), and a second factor is set up on "Min profil";
 * the next sign-in asks for the app's code. Pages are checked with axe.
 */
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { screenshot } from "../helpers/browser.js";
import { browserSuite } from "../helpers/e2e.js";
import { seriousViolations } from "../helpers/axe.js";
import { startSmtp, type TestSmtp } from "../helpers/smtp.js";

const EMAIL = "redaktoer.thisted@regionssvar.dk";
const NEW_PASSWORD = "mit nye lange kodeord til svaret";
let smtp: TestSmtp;
const suite = browserSuite({
  server: async () => {
    smtp = await startSmtp();
    return { config: { SMTP_URL: smtp.url, MAIL_POLL_MS: 100 } };
  },
});
afterAll(async () => {
  await smtp?.close();
});

describe("one's own account", () => {
  it("resets a forgotten password from the mail, then adds a second factor that the next sign-in asks for", async () => {
    const context = await suite.browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(`${suite.server.baseUrl}/login`);
    await page.getByRole("link", { name: "Glemt adgangskode?" }).click();
    await page.getByLabel("E-mail").fill(EMAIL);
    await page.getByRole("button", { name: "Send link" }).click();
    await page.getByRole("status").getByText("Hvis der findes en konto med den adresse", { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const [mail] = await smtp.waitForMails((m) => m.to === EMAIL && m.subject.startsWith("Nulstil"));
    const link = /(http:\/\/\S+\/nulstil\/[A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;

    await page.goto(link);
    await page.getByLabel("Ny adgangskode", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Gentag ny adgangskode").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Gem ny adgangskode" }).click();
    await page.getByText("Din adgangskode er gemt", { exact: false }).waitFor();
    await page.getByRole("link", { name: "Gå til Log ind" }).click();
    await page.getByLabel("E-mail").fill(EMAIL);
    await page.getByLabel("Adgangskode").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByRole("heading", { name: "Mine svar" }).waitFor();

    await page.getByRole("link", { name: "Min profil" }).click();
    await page.getByRole("button", { name: "Slå totrinsbekræftelse til" }).click();
    const secret = (await page.locator("code").textContent())!.trim();
    await page.getByLabel("Kode fra appen").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Bekræft og slå til" }).click();
    await page.getByRole("status").getByText("Totrinsbekræftelse er slået til.", { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "profile-totp");

    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await page.getByLabel("E-mail").fill(EMAIL);
    await page.getByLabel("Adgangskode").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.getByRole("alert").getByText("Skriv den sekscifrede kode", { exact: false }).waitFor();
    // The code of the next 30-second step: the one used at enrolment is spent.
    await page.getByLabel("Kode fra godkendelsesappen").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole("button", { name: "Log ind" }).click();
    // Back where the person was when they signed out.
    await page.getByRole("heading", { name: "Min profil", level: 1 }).waitFor();
    await page.getByText("Totrinsbekræftelse er slået til.").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
