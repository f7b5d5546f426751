/**
 * A lost network closes nothing: the page must notice by itself (issue 14). The page's websocket
 * is routed through the test, which stops passing frames either way without closing anything,
 * as a dead network does, and refuses new connections meanwhile. The page says "Offline" within
 * a few seconds (y-websocket alone waited 30), the other page drops the person from its presence
 * list, and when the network is back the text typed meanwhile is saved.
 */
import { describe, it } from "vitest";
import type { WebSocketRoute } from "playwright-core";
import { browserSuite } from "../helpers/e2e.js";
import { openReply, signIn, typeInField } from "../helpers/pages.js";

const suite = browserSuite();

describe("offline signal", () => {
  it("says Offline within seconds of a silent network loss, and recovers", async () => {
    const a = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.aalborg@regionssvar.dk");
    let dead = false;
    await a.page.routeWebSocket(/\/collab\//, (ws: WebSocketRoute) => {
      if (dead) return void ws.close({ code: 1006, reason: "network down" });
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        if (!dead) server.send(message);
      });
      server.onMessage((message) => {
        if (!dead) ws.send(message);
      });
    });
    // The route takes effect in documents loaded after it.
    await a.page.reload();
    await a.page.getByRole("heading", { name: "Mine svar" }).waitFor();
    const b = await signIn(suite.browser, suite.server.baseUrl, "redaktoer.hjoerring@regionssvar.dk");
    await openReply(a.page, "Nordjylland");
    await openReply(b.page, "Nordjylland");
    const presenceOfA = b.page.locator(".presence__person", { hasText: "Aalborg" }).first();
    await presenceOfA.waitFor();
    await a.page.getByText("Alle ændringer er gemt").waitFor();

    dead = true;
    // Deadlines are hang guards: with y-websocket's own 30 s timeout these would run out.
    await a.page.getByText(/^Offline/).first().waitFor({ timeout: 12_000 });
    await presenceOfA.waitFor({ state: "detached", timeout: 12_000 });
    await typeInField(a.page, "i1.hjemmel.tekst", "Skrevet uden net.");

    dead = false;
    await a.page.getByText("Alle ændringer er gemt").waitFor({ timeout: 30_000 });
    await b.page.locator('[data-field="i1.hjemmel.tekst"]', { hasText: "Skrevet uden net." }).waitFor();
    await a.context.close();
    await b.context.close();
  });
});
