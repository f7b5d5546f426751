/**
 * Invalid input on every HTTP route: wrong types, missing fields, oversized strings, broken
 * JSON, odd ids. The server must answer every one with a 4xx and a JSON error body, never a
 * 5xx, and every API route the server registers must be in the list. Seeded and reproducible:
 * TEST_SEED=<n> replays a run; FUZZ_CASES raises the count (long form, RELIABILITY_LONG=1: 200).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { seededRandom } from "../helpers/random.js";

const SEED = Number(process.env.TEST_SEED ?? Date.now() % 1_000_000);
const CASES_PER_ROUTE = Number(process.env.FUZZ_CASES ?? (process.env.RELIABILITY_LONG === "1" ? 200 : 12));
const DOC = "svar-nordjylland";
const UUID = "123e4567-e89b-42d3-a456-426614174000";

const ROUTES: [string, string][] = [
  ["POST", "/api/auth/login"],
  ["GET", "/api/me"],
  ["GET", "/api/signing-key"],
  ["GET", "/api/documents"],
  ["GET", "/api/documents/:id"],
  ["GET", "/api/documents/:id/completeness"],
  ["GET", "/api/documents/:id/preview"],
  ["GET", "/api/documents/:id/people"],
  ["POST", "/api/documents/:id/invitations"],
  ["PATCH", "/api/documents/:id/members/:uuid"],
  ["DELETE", "/api/documents/:id/members/:uuid"],
  ["GET", "/api/invitations/:token"],
  ["POST", "/api/invitations/:token/accept"],
  ["GET", "/api/documents/:id/threads"],
  ["POST", "/api/documents/:id/threads"],
  ["POST", "/api/documents/:id/threads/:uuid/messages"],
  ["PATCH", "/api/documents/:id/threads/:uuid/messages/:uuid"],
  ["DELETE", "/api/documents/:id/threads/:uuid/messages/:uuid"],
  ["POST", "/api/documents/:id/threads/:uuid/resolve"],
  ["POST", "/api/documents/:id/threads/:uuid/reopen"],
  ["POST", "/api/documents/:id/threads/:uuid/read"],
  ["GET", "/api/documents/:id/workflow"],
  ["POST", "/api/documents/:id/workflow/request-approval"],
  ["POST", "/api/documents/:id/workflow/reopen"],
  ["POST", "/api/documents/:id/approvals"],
  ["POST", "/api/documents/:id/workflow/submit"],
  ["PUT", "/api/documents/:id/workflow/internal-deadline"],
  ["PUT", "/api/documents/:id/agency-sharing"],
  ["POST", "/api/documents/:id/approvals/on-behalf"],
  ["GET", "/api/documents/:id/attachments"],
  ["POST", "/api/documents/:id/attachments"],
  ["GET", "/api/documents/:id/attachments/:uuid"],
  ["DELETE", "/api/documents/:id/attachments/:uuid"],
  ["GET", "/api/documents/:id/final.zip"],
  ["POST", "/api/documents/:id/supplements"],
  ["GET", "/api/documents/:id/rejected-changes"],
  ["GET", "/api/documents/:id/final"],
  ["GET", "/api/documents/:id/final.pdf"],
  ["GET", "/api/documents/:id/final.docx"],
  ["GET", "/api/documents/:id/versions"],
  ["POST", "/api/documents/:id/versions"],
  ["GET", "/api/documents/:id/versions/:uuid"],
  ["GET", "/api/documents/:id/versions/:uuid/compare/:uuid"],
  ["POST", "/api/documents/:id/versions/:uuid/restore"],
  ["GET", "/api/overview"],
  ["GET", "/api/overview/comparison"],
  ["GET", "/api/overview/comparison.xlsx"],
  ["GET", "/api/health"],
  ["GET", "/api/auth/providers"],
  ["GET", "/api/auth/oidc/:id/start"],
  ["GET", "/api/auth/oidc/:id/callback"],
  ["GET", "/api/me/mail-preferences"],
  ["PUT", "/api/me/mail-preferences"],
  ["DELETE", "/api/documents/:id/invitations/:uuid"],
  ["POST", "/api/documents/:id/invitations/:uuid/renew"],
  ["POST", "/api/documents/:id/workflow/remind"],
  ["GET", "/api/outbox"],
  ["POST", "/api/auth/password-reset"],
  ["POST", "/api/auth/password-reset/:token"],
  ["GET", "/api/auth/totp"],
  ["POST", "/api/auth/totp/setup"],
  ["POST", "/api/auth/totp/enable"],
  ["POST", "/api/auth/totp/disable"],
  ["POST", "/api/auth/password"],
  ["POST", "/api/auth/logout-all"], // last two: they end the session the others use
  ["POST", "/api/auth/logout"],
];

let server: TestServer;
let coordinator: Session;
beforeAll(async () => {
  server = await startServer();
  coordinator = await login(server, "koordinator.nordjylland@regionssvar.dk");
});
afterAll(async () => server?.close());

function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 10);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() * 1e12 - 5e11;
    case 2:
      return "x".repeat(Math.floor(random() * 5000));
    case 3:
      return "<script>alert(1)</script>\u0000\uFFFF💥";
    case 4:
      return depth < 3 ? Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1)) : [];
    case 5:
      return depth < 3 ? { email: randomValue(random, depth + 1), role: randomValue(random, depth + 1), body: randomValue(random, depth + 1) } : {};
    case 6:
      return random() < 0.5;
    case 7:
      return "koordinator";
    case 8:
      return { __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } };
    default:
      return "";
  }
}

function randomId(random: () => number): string {
  const options = [DOC, UUID, "svar-hovedstaden", "..%2F..%2Fetc", "x".repeat(300), "%00", "ÆØÅ", "123", "-"];
  return encodeURIComponent(options[Math.floor(random() * options.length)]!).replace(/%25/g, "%");
}

/** Every "METHOD /path" the server registers under /api, read from Fastify's route tree. */
function registeredApiRoutes(): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of server.app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join("");
    for (const method of (m[3] ?? "").split(", ").filter((x) => x && x !== "HEAD")) if (path.startsWith("/api/")) routes.push(`${method} ${path}`);
  }
  return routes;
}

describe(`HTTP input battery (seed ${SEED})`, () => {
  it("covers every API route the server registers", () => {
    const normalise = (r: string) => r.replace(/:[A-Za-z]+/g, ":param");
    const covered = new Set(ROUTES.map(([m, p]) => normalise(`${m} ${p}`)));
    const missing = registeredApiRoutes().filter((r) => !covered.has(normalise(r)));
    expect(missing, "routes without invalid-input cases: add them to ROUTES").toEqual([]);
  });

  it("answers invalid input on every route with a 4xx JSON error, never a 5xx", async () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let requests = 0;
    for (const [method, template] of ROUTES) {
      for (let i = 0; i < CASES_PER_ROUTE; i++) {
        const path = template
          .replace(":id", i === 0 ? DOC : randomId(random))
          .replace(/:uuid/g, () => (random() < 0.5 ? UUID : randomId(random)))
          .replace(":token", randomId(random));
        const headers: Record<string, string> = { origin: server.origin, cookie: coordinator.cookie, "x-csrf-token": coordinator.csrfToken };
        let body: string | undefined;
        if (method !== "GET" && method !== "DELETE") {
          headers["content-type"] = random() < 0.9 ? "application/json" : "text/plain";
          body = random() < 0.15 ? "{not json" : JSON.stringify(randomValue(random));
        }
        const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
        requests++;
        const text = await response.text();
        if (response.status >= 500) failures.push(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
        else if (response.status >= 400 && !text.startsWith('{"error"'))
          failures.push(`${method} ${path} → ${response.status} without a JSON error: ${text.slice(0, 100)}`);
      }
    }
    console.log(`HTTP input battery: ${requests} requests over ${ROUTES.length} routes, seed ${SEED}, ${failures.length} failures`);
    expect(failures, `replay with TEST_SEED=${SEED}`).toEqual([]);
  }, 300_000);
});
