/**
 * The agency's comparison page in a real browser: reached from the national overview, the empty
 * state while no region has submitted, then the submitted reply's column beside the columns of
 * the regions not submitted, no serious axe violation, and the XLSX download.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/e2e.js";
import { signIn } from "../helpers/pages.js";
import { seriousViolations } from "../helpers/axe.js";
import { screenshot } from "../helpers/browser.js";
import { submittedReply } from "../helpers/replyStates.js";

const UI_TIMEOUT = 30_000;
const suite = browserSuite({ setupTimeoutMs: 120_000 });

describe("the comparison page", () => {
  it("shows the empty state, then the submitted reply side by side, and downloads the XLSX", async () => {
    const { page, context } = await signIn(suite.browser, suite.server.baseUrl, "styrelsen@regionssvar.dk");
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Nationalt overblik" }).click();
    await page.getByRole("link", { name: "Sammenlign svarene" }).click();
    await page.getByRole("heading", { name: "Ingen regioner har indsendt endnu" }).waitFor();
    expect(await page.getByRole("table").count()).toBe(0);

    await submittedReply(suite.server, "midtjylland");
    await page.reload();
    const table = page.getByRole("table", { name: "Regionernes indsendte svar side om side" });
    await table.waitFor();
    await expect(table.getByRole("columnheader", { name: "Region Midtjylland" }).isVisible()).resolves.toBe(true);
    const places = table.locator('tr[data-row="pladser"]');
    expect(await places.locator("td").allTextContents()).toEqual(["–Ikke indsendt", "–Ikke indsendt", "–Ikke indsendt", "14", "–Ikke indsendt"]);
    await expect(table.getByRole("rowheader", { name: "Forventede kvinder pr. år" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("comparison-national").textContent()).resolves.toContain("Samlet 25 kvinder pr. år");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "page-sammenligning");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hent som Excel (XLSX)" }).click()]);
    expect(download.suggestedFilename()).toBe("regionssvar-sammenligning.xlsx");
    await context.close();
  });
});
