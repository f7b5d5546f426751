/**
 * A lost network closes nothing: the page must notice by itself (issue 14). The page's websocket
 * is routed through the test, which stops passing frames either way without closing anything,
 * as a dead network does, and refuses new connections meanwhile. The page says "Offline" within
 * a few seconds (y-websocket alone waited 30), the other page drops the person from its presence
 * list, and when the network is back the text typed meanwhile is saved.
 */
import { describe, it } from "vitest";
import { browserSuite } from "../helpers/e2e.js";
import { openReply, signIn, typeInField } from "../helpers/pages.js";
import { cuttableNetwork } from "../helpers/network.js";

const suite = browserSuite();

describe("offline signal", () => {
  it("says Offline within seconds of a silent network loss, and recovers", async () => {
    const a = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    const network = await cuttableNetwork(a.page);
    const b = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.hjoerring@regionssvar.dk");
    await openReply(a.page, "Nordjylland");
    await openReply(b.page, "Nordjylland");
    const presenceOfA = b.page.locator(".presence__person", { hasText: "Aalborg" }).first();
    await presenceOfA.waitFor();
    await a.page.getByText("Alle ændringer er gemt").waitFor();

    network.cut();
    // Deadlines are hang guards: with y-websocket's own 30 s timeout these would run out.
    await a.page
      .getByText(/^Offline/)
      .first()
      .waitFor({ timeout: 12_000 });
    await presenceOfA.waitFor({ state: "detached", timeout: 12_000 });
    await typeInField(a.page, "i1.hjemmel.tekst", "Skrevet uden net.");

    network.heal();
    await a.page.getByText("Alle ændringer er gemt").waitFor({ timeout: 30_000 });
    await b.page.locator('[data-field="i1.hjemmel.tekst"]', { hasText: "Skrevet uden net." }).waitFor();
    await a.context.close();
    await b.context.close();
  });
});
