/**
 * Single sign-on in a real browser (issue 17): the sign-in page offers the organisation's login,
 * the browser goes through a real OpenID provider's login and consent pages and comes back signed
 * in, with no access to a reply yet ("Mine svar" says whom to ask). A refused sign-in comes back
 * to the sign-in page with a Danish message. Both pages are checked with axe.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { tempDataDir } from "../helpers/server.js";
import { screenshot } from "../helpers/browser.js";
import { browserSuite } from "../helpers/e2e.js";
import { seriousViolations } from "../helpers/axe.js";
import { startOidcProvider, writeProvidersFile, type TestProvider } from "../helpers/oidc.js";
import { freePort } from "../helpers/ports.js";

const PROVIDER = "kommune-login";
let idp: TestProvider;
let temp: { dir: string; remove: () => void };
const suite = browserSuite({
  server: async () => {
    const port = await freePort();
    idp = await startOidcProvider({ redirectUris: [`http://127.0.0.1:${port}/api/auth/oidc/${PROVIDER}/callback`] });
    temp = tempDataDir();
    const file = writeProvidersFile(temp.dir, [
      {
        id: PROVIDER,
        name: "Aalborg Kommune (Entra ID)",
        issuer: idp.issuer,
        clientId: "regionssvar",
        clientSecret: "hemmelighed-til-test",
        emailDomains: { "aalborg.dk": "kommune-851" },
        allowInsecureHttp: true,
      },
    ]);
    return { port, config: { OIDC_PROVIDERS_FILE: file } };
  },
});
afterAll(async () => {
  await idp?.close();
  temp?.remove();
});

async function throughProviderPages(page: Page, sub: string): Promise<void> {
  await page.getByRole("link", { name: "Log ind med Aalborg Kommune (Entra ID)" }).click();
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("x");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

describe("single sign-on in the browser", () => {
  it("signs a first-time person in through the provider, with no access to a reply yet", async () => {
    idp.accounts.set("karen", { email: "karen@aalborg.dk", email_verified: true, name: "Karen Entra" });
    const context = await suite.browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${suite.server.baseUrl}/login`);
    await page.getByRole("heading", { name: "Log ind med din organisations login" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "login-sso");
    await throughProviderPages(page, "karen");
    await page.waitForURL(`${suite.server.baseUrl}/`);
    await page.locator(".app-header__user-name", { hasText: "Karen Entra" }).waitFor();
    await page.getByText("Du har endnu ikke adgang til et svar", { exact: false }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a refused sign-in in Danish on the sign-in page", async () => {
    idp.accounts.set("unverified", { email: "ulla@aalborg.dk", email_verified: false, name: "Ulla" });
    const context = await suite.browser.newContext({ locale: "da-DK" });
    const page = await context.newPage();
    await page.goto(`${suite.server.baseUrl}/login`);
    await throughProviderPages(page, "unverified");
    await page.waitForURL(/\/login\?fejl=email_not_verified/);
    await page.getByRole("alert").getByText("Din e-mailadresse er ikke bekræftet hos dit login.", { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
