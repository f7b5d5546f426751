/**
 * A municipality editor fills one item (the document header), watches its progress turn
 * complete in the panel, clicks a missing finding, and the editor brings that field into view.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/e2e.js";
import { screenshot } from "../helpers/browser.js";
import { openReply, signIn } from "../helpers/pages.js";

const suite = browserSuite();

describe("completeness in the editor", () => {
  it("turns an item complete while typing and jumps to a missing field", async () => {
    const { context, page } = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    await openReply(page, "Nordjylland");
    const headerProgress = page.locator(".progress-item", { hasText: "Dokumenthoved" });
    await expect.poll(() => headerProgress.locator(".progress-item__text").textContent()).not.toMatch(/^5 af 5/);

    await page.getByLabel("Kontaktpersonens navn").fill("Mette Nielsen");
    await page.getByLabel("Kontaktpersonens organisation").fill("Aalborg Kommune, Sundhed og Kultur");
    await page.getByLabel("Kontaktpersonens e-mail").fill("mette.nielsen@aalborg.dk");
    await expect.poll(() => headerProgress.locator(".progress-item__text").textContent(), { timeout: 10_000 }).toMatch(/^5 af 5/);

    const finding = page.locator("button.finding", { hasText: "Forventet driftsstart" }).first();
    await finding.click();
    const target = page.locator('[data-field="i4.driftsstart"]').first();
    await expect
      .poll(() =>
        target.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight + r.height;
        }),
      )
      .toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field="i4.driftsstart"]') !== null)).toBe(true);
    await screenshot(page, "completeness-jump");
    await context.close();
  });
});
