/**
 * The agency's side-by-side comparison of the submitted replies and its XLSX export, against a
 * real server: only sealed content appears (a draft's and a frozen but unsubmitted reply's do
 * not), a region not submitted is a column without content, the national capacity counts a
 * shared unit once, and no one but the agency may read it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { completeReplyContentAsOf, sharedUnitReply, withFields } from "../helpers/completeReply.js";
import { approveAll, coordinatorOf, fillReply, replyIdOf, requestApproval, submitReply } from "../helpers/replyStates.js";
import { ComparisonResponseSchema } from "../../shared/validation/responses.js";
import { REGIONS } from "../../shared/regions.js";

const AGENCY = "styrelsen@regionssvar.dk";
const DRAFT_KR = 31_415_926; // only in the drafts: must never reach the comparison
let server: TestServer;
let agency: Session;

const shared = sharedUnitReply;

beforeAll(async () => {
  server = await startServer();
  await fillReply(server, "nordjylland", shared("nordjylland", "midtjylland", { "i3.finansiering.etableringKr": 15_500_000 }));
  await approveAll(server, "nordjylland", await requestApproval(server, "nordjylland"));
  await submitReply(server, "nordjylland");
  // The same unit, still a draft; and a reply frozen for approval but not submitted.
  await fillReply(server, "midtjylland", shared("midtjylland", "nordjylland", { "i3.finansiering.driftKrPrAar": DRAFT_KR }));
  await fillReply(
    server,
    "syddanmark",
    withFields(completeReplyContentAsOf("syddanmark"), { "i1.organisering.kapacitet": 44, "i3.finansiering.etableringKr": DRAFT_KR }),
  );
  await requestApproval(server, "syddanmark");
  agency = await login(server, AGENCY);
}, 180_000);
afterAll(async () => {
  await server?.close();
});

describe("comparison of the submitted replies", () => {
  it("gives the agency one column per region, with content only from the sealed replies", async () => {
    const result = await callApi(server, agency, "GET", "/api/overview/comparison");
    expect(result.status).toBe(200);
    const comparison = ComparisonResponseSchema.parse(result.body);
    expect(comparison.columns.map((c) => c.regionId)).toEqual(REGIONS.regions.map((r) => r.id));
    expect(comparison.submittedCount).toBe(1);

    const nord = comparison.columns.find((c) => c.regionId === "nordjylland")!;
    expect(nord.documentId).toBe(replyIdOf("nordjylland"));
    expect(nord.sealedAt).not.toBeNull();
    expect(nord.values).toMatchObject({
      omfang: "Tværregional løsning (i samarbejde med kommuner i andre regioner)",
      partnere: ["Region Midtjylland"],
      tilknytning: "Afdeling på eksisterende tilbud",
      pladser: 16,
      kapacitet: 30,
      etableringKr: 15_500_000,
      driftKrPrAar: 28_000_000,
      driftsherre: "Kommunalt – delt mellem flere kommunalbestyrelser",
      finansieringsmodeller: ["Takstfinansiering", "Objektiv finansiering"],
    });
    expect(nord.values?.driftsstart).toMatch(/^\d{4}-09$/);
    expect(nord.values?.samarbejdsaftale).toMatch(/^\d{4}-12$/);

    for (const regionId of ["midtjylland", "syddanmark", "hovedstaden", "sjaelland"]) {
      expect(comparison.columns.find((c) => c.regionId === regionId)).toMatchObject({ documentId: null, sealedAt: null, values: null });
    }
    expect(JSON.stringify(result.body)).not.toContain(String(DRAFT_KR));
    // The shared unit counts once, and only as its submitted reply states it; the drafts' 44 do not count.
    expect(comparison).toMatchObject({ nationalCapacity: 30, nationalNeed: { min: 80, max: 100 } });
  });

  it("gives the same table as an XLSX file", async () => {
    const response = await fetch(`${server.baseUrl}/api/overview/comparison.xlsx`, { headers: { cookie: agency.cookie, origin: server.origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="regionssvar-sammenligning.xlsx"');

    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Sammenligning"]);
    const sheet = workbook.getWorksheet("Sammenligning")!;
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1); // exceljs rows are 1-based
      if (typeof values[0] === "string") rows.set(values[0], values.slice(1));
    });
    const header = (sheet.getRow(1).values as unknown[]).slice(2);
    expect(header).toHaveLength(5);
    expect(header).toContain("Region Nordjylland");
    const nord = header.indexOf("Region Nordjylland");
    const midt = header.indexOf("Region Midtjylland");
    expect(sheet.getCell("A2").font?.bold).toBe(true);
    expect(sheet.getCell("B1").font?.bold).toBe(true);

    expect(rows.get("Status")?.[nord]).toMatch(/^Indsendt \d{1,2}\. \S+ \d{4}$/);
    expect(rows.get("Status")?.[midt]).toBe("Ikke indsendt");
    expect(rows.get("Forventede kvinder pr. år")?.[nord]).toBe(30);
    expect(rows.get("Forventede kvinder pr. år")?.[midt] ?? null).toBeNull();
    expect(rows.get("Antal pladser")?.[nord]).toBe(16);
    expect(rows.get("Etableringsudgifter (kr.)")?.[nord]).toBe(15_500_000);
    expect(rows.get("Model")?.[nord]).toContain("Sammen med Region Midtjylland");
    expect(rows.get("Driftsherre")?.[nord]).toBe("Kommunalt – delt mellem flere kommunalbestyrelser");
    expect(rows.get("Forventet driftsstart")?.[nord]).toMatch(/^september \d{4}$/);
    expect(rows.get("Nationalt behov (kvinder pr. år)")?.[0]).toBe("80–100");
    expect(rows.get("Samlet kapacitet i de indsendte svar (kvinder pr. år)")?.[0]).toBe(30);
    expect([...rows.values()].flat()).not.toContain(DRAFT_KR);
  });

  it("refuses everyone but the agency", async () => {
    const coordinator = await login(server, coordinatorOf("nordjylland"));
    expect((await callApi(server, coordinator, "GET", "/api/overview/comparison")).status).toBe(403);
    expect((await callApi(server, coordinator, "GET", "/api/overview/comparison.xlsx")).status).toBe(403);
    expect((await callApi(server, null, "GET", "/api/overview/comparison")).status).toBe(401);
  });
});
