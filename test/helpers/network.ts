/**
 * A page's collaboration websocket routed through the test, so a test can take the network away
 * the way a real loss does: nothing passes either way and nothing closes; new connections fail
 * meanwhile. `heal()` lets everything through again.
 */
import type { Page, WebSocketRoute } from "playwright-core";

export async function cuttableNetwork(page: Page): Promise<{ cut: () => void; heal: () => void }> {
  let down = false;
  await page.routeWebSocket(/\/collab\//, (ws: WebSocketRoute) => {
    if (down) return void ws.close({ code: 1006, reason: "network down" });
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (!down) server.send(message);
    });
    server.onMessage((message) => {
      if (!down) ws.send(message);
    });
  });
  // The route takes effect in documents loaded after it.
  await page.reload();
  await page.getByRole("heading", { name: "Mine svar" }).waitFor();
  return { cut: () => void (down = true), heal: () => void (down = false) };
}
