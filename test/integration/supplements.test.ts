/**
 * "Supplerende svar" (issue 18, item 5): after submission a correction is a new reply linked to the
 * sealed one, from its sealed text and with its people, approved and sealed on its own. Once
 * submitted it names the reply it supplements in its seal and letter, and speaks for the region
 * in the national overview and the comparison in place of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { approvers, coordinatorOf, fillReply, replyIdOf } from "../helpers/replyStates.js";
import { pdfText } from "../helpers/exported.js";

const REGION = "nordjylland";
const ORIGINAL = replyIdOf(REGION);
const SUPPLEMENT = `${ORIGINAL}-supplerende-1`;
const AGENCY = "styrelsen@regionssvar.dk";
let server: TestServer;
let coordinator: Session;
let kommuner: Awaited<ReturnType<typeof approvers>>;

const api = (who: Session, method: string, path: string, body?: unknown) => callApi(server, who, method, path, body);

/** Freezes, approves in every kommune and submits one reply; its forseglingsHash. */
async function approveAndSubmit(documentId: string): Promise<string> {
  const path = `/api/documents/${documentId}/workflow/request-approval`;
  let frozen = await api(coordinator, "POST", path, {});
  if (frozen.status === 409)
    frozen = await api(coordinator, "POST", path, { acknowledgedWarnings: frozen.body.error.details.warnings.map((w: { ruleId: string }) => w.ruleId) });
  expect(frozen.status).toBe(200);
  for (const k of kommuner) {
    const body = {
      beslutning: { organ: "kommunalbestyrelse", moedeDato: "2025-06-10", punkt: "3", udfald: "godkendt" },
      indholdsHash: frozen.body.indholdsHash,
    };
    expect((await api(k.session, "POST", `/api/documents/${documentId}/approvals`, body)).status).toBe(200);
  }
  const submitted = await api(coordinator, "POST", `/api/documents/${documentId}/workflow/submit`);
  expect(submitted.status).toBe(200);
  return submitted.body.forseglingsHash as string;
}

beforeAll(async () => {
  server = await startServer();
  await fillReply(server, REGION);
  coordinator = await login(server, coordinatorOf(REGION));
  kommuner = await approvers(server, REGION);
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("supplerende svar", () => {
  it("is made only from a submitted reply, by its coordinator", async () => {
    expect((await api(coordinator, "POST", `/api/documents/${ORIGINAL}/supplements`)).status).toBe(409);
    await approveAndSubmit(ORIGINAL);
    expect((await api(kommuner[0]!.session, "POST", `/api/documents/${ORIGINAL}/supplements`)).status).toBe(403);
    const created = await api(coordinator, "POST", `/api/documents/${ORIGINAL}/supplements`);
    expect(created.body).toEqual({ documentId: SUPPLEMENT });
    expect((await api(coordinator, "POST", `/api/documents/${ORIGINAL}/supplements`)).body.error.code).toBe("supplement_open");
  });

  it("starts from the sealed text, with the same people, linked both ways", async () => {
    const supplement = (await api(kommuner[0]!.session, "GET", `/api/documents/${SUPPLEMENT}`)).body.document;
    expect(supplement).toMatchObject({ state: "udkast", title: "Supplerende svar 1 – Region Nordjylland", role: "redaktoer" });
    expect(supplement.supplements).toEqual({ id: ORIGINAL, title: expect.any(String), state: "indsendt" });
    expect((await api(coordinator, "GET", `/api/documents/${ORIGINAL}`)).body.document.supplementedBy.map((s: { id: string }) => s.id)).toEqual([SUPPLEMENT]);
    // The sealed text is complete, so the supplement is too, before anyone types.
    expect((await api(coordinator, "GET", `/api/documents/${SUPPLEMENT}/completeness`)).body.ok).toBe(true);
    const audit = (await server.store.listAudit()).filter((e) => e.event === "supplement.created");
    expect(audit.map((e) => [e.documentId, e.details.supplements])).toEqual([[SUPPLEMENT, ORIGINAL]]);
  });

  it("is approved and sealed on its own, names the sealed reply, and takes its place for the agency", async () => {
    const originalSeal = (await api(coordinator, "GET", `/api/documents/${ORIGINAL}/final`)).body;
    await approveAndSubmit(SUPPLEMENT);
    const final = (await api(coordinator, "GET", `/api/documents/${SUPPLEMENT}/final`)).body;
    expect(final.record.supplerer).toEqual({ documentId: ORIGINAL, dato: originalSeal.record.dato, forseglingsHash: originalSeal.forseglingsHash });
    expect(final.verification).toMatchObject({ indholdsHash: true, forseglingsHash: true });
    const pdf = (await api(coordinator, "GET", `/api/documents/${SUPPLEMENT}/final.pdf`)).body as ArrayBuffer;
    expect((await pdfText(Buffer.from(pdf))).text.replace(/\s+/g, " ")).toContain("Dette er et supplerende svar.");

    const agency = await login(server, AGENCY);
    const overview = (await api(agency, "GET", "/api/overview")).body;
    const rows = overview.rows.filter((r: { regionId: string }) => r.regionId === REGION);
    expect(rows.map((r: { documentId: string; supplement: boolean; superseded: boolean }) => [r.documentId, r.supplement, r.superseded])).toEqual(
      expect.arrayContaining([
        [ORIGINAL, false, true],
        [SUPPLEMENT, true, false],
      ]),
    );
    // The same unit, counted once.
    expect(overview.nationalCapacity).toBe(rows.find((r: { documentId: string }) => r.documentId === SUPPLEMENT).capacity);
    const comparison = (await api(agency, "GET", "/api/overview/comparison")).body;
    expect(comparison.columns.find((c: { regionId: string }) => c.regionId === REGION).documentId).toBe(SUPPLEMENT);
  });
});
