/**
 * Changes made offline that reach a reply frozen meanwhile are refused and kept for their author
 * (issue 14): the page says so once, and never that they "wait" (they will not be sent later).
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "../helpers/e2e.js";
import { openReply, signIn, typeInField } from "../helpers/pages.js";
import { cuttableNetwork } from "../helpers/network.js";
import { fillReply, requestApproval } from "../helpers/replyStates.js";

const suite = browserSuite();

describe("a change refused by a frozen reply", () => {
  it("is told once, as not saved, with where to find it", async () => {
    await fillReply(suite.server, "nordjylland");
    const { page, context } = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    const network = await cuttableNetwork(page);
    await openReply(page, "Nordjylland");
    await page.getByText("Alle ændringer er gemt").waitFor();

    network.cut();
    await page
      .getByText(/^Offline/)
      .first()
      .waitFor({ timeout: 15_000 });
    await typeInField(page, "i1.hjemmel.tekst", " Skrevet i toget.");
    await requestApproval(suite.server, "nordjylland");
    network.heal();

    await page
      .getByText(/blev ikke gemt, fordi svaret er låst/)
      .first()
      .waitFor({ timeout: 30_000 });
    const text = await page.locator("main").innerText();
    expect(text.match(/blev ikke gemt/g)?.length).toBe(1);
    expect(text).not.toMatch(/ændring(er)? venter/);
    await context.close();
  });
});
