/**
 * An approval records the kommune's political decision (issue 18): the body, the meeting, the
 * agenda item, the minutes and the outcome. "Approved with reservations" prints the reservation;
 * "not approved" blocks submission; the coordinator may register a decision on a kommune's behalf
 * with the evidence, which the letter flags and the audit log records. The letter's approvals
 * table shows the decision, not the click.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { approvers, coordinatorOf, replyAwaitingApproval, replyIdOf } from "../helpers/replyStates.js";
import { pdfText } from "../helpers/exported.js";

const REGION = "nordjylland";
const DOC = replyIdOf(REGION);
let server: TestServer;
let hash: string;
let coordinator: Session;
let kommuner: Awaited<ReturnType<typeof approvers>>;

const decision = (udfald: string, extra: Record<string, string> = {}) => ({ organ: "byraad", moedeDato: "2025-05-19", punkt: "7", udfald, ...extra });
const approve = (who: Session, body: unknown) => callApi(server, who, "POST", `/api/documents/${DOC}/approvals`, body);
const status = async () => (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/workflow`)).body;
const rowOf = async (code: string) => (await status()).approvals.find((a: { kommunekode: string }) => a.kommunekode === code).approval;

beforeAll(async () => {
  server = await startServer();
  hash = await replyAwaitingApproval(server, REGION);
  coordinator = await login(server, coordinatorOf(REGION));
  kommuner = await approvers(server, REGION);
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("the decision behind an approval", () => {
  it("is checked field by field, in Danish", async () => {
    const refused = await approve(kommuner[0]!.session, { beslutning: decision("godkendt_med_forbehold", { referat: "ftp://x" }), indholdsHash: hash });
    expect(refused.status).toBe(400);
    const messages = (refused.body.error.details as { path: string[]; message: string }[]).map((d) => [d.path.join("."), d.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["beslutning.referat", "Angiv et link til referatet, der begynder med https://."],
        ["beslutning.forbehold", "Skriv forbeholdet, som det står i beslutningen."],
      ]),
    );
  });

  it("records the decision with its reservation, and shows it as the letter will print it", async () => {
    const [first] = kommuner;
    const body = {
      beslutning: decision("godkendt_med_forbehold", { forbehold: "Under forudsætning af statslig medfinansiering.", referat: "https://example.dk/referat" }),
      indholdsHash: hash,
    };
    expect((await approve(first!.session, body)).status).toBe(200);
    expect(await rowOf(first!.code)).toMatchObject({
      udfald: "godkendt_med_forbehold",
      grundlag:
        "Byrådet, møde 19. maj 2025, pkt. 7: Godkendt med forbehold: Under forudsætning af statslig medfinansiering. Referat: https://example.dk/referat",
    });
  });

  it("lets only the coordinator register a decision on a kommune's behalf, flagged and audited", async () => {
    const [, second] = kommuner;
    const onBehalf = {
      kommunekode: second!.code,
      beslutning: decision("godkendt"),
      dokumentation: "Referat modtaget pr. mail fra kommunens sekretariat 20.05.2025",
      indholdsHash: hash,
    };
    expect((await callApi(server, second!.session, "POST", `/api/documents/${DOC}/approvals/on-behalf`, onBehalf)).status).toBe(403);
    expect((await callApi(server, coordinator, "POST", `/api/documents/${DOC}/approvals/on-behalf`, { ...onBehalf, kommunekode: "101" })).status).toBe(403);
    expect((await callApi(server, coordinator, "POST", `/api/documents/${DOC}/approvals/on-behalf`, onBehalf)).status).toBe(200);
    expect((await rowOf(second!.code)).bemaerkning).toMatch(/^Registreret af koordinatoren .* på kommunens vegne\. Dokumentation: Referat modtaget pr\. mail/);
    const audit = (await server.store.listAudit()).filter((e) => e.event === "approval.registered_on_behalf");
    expect(audit.map((e) => e.details.kommunekode)).toEqual([second!.code]);
  });

  it("counts a decision not to approve as a no: the reply is not approved by all and cannot be submitted", async () => {
    const [, , third, ...rest] = kommuner;
    expect((await approve(third!.session, { beslutning: decision("ikke_godkendt"), indholdsHash: hash })).status).toBe(200);
    for (const k of rest) expect((await approve(k.session, { beslutning: decision("godkendt"), indholdsHash: hash })).status).toBe(200);
    expect((await status()).state).toBe("til_godkendelse");
    expect((await rowOf(third!.code)).udfald).toBe("ikke_godkendt");
  });

  it("prints the decisions in the sealed letter once every kommune has approved", async () => {
    const [, , third] = kommuner;
    // Back to draft discards every decision; the kommuner decide again on the text as it now stands.
    expect((await callApi(server, coordinator, "POST", `/api/documents/${DOC}/workflow/reopen`, { reason: "Thisted vil have forbehold" })).status).toBe(204);
    const again = (await callApi(server, coordinator, "POST", `/api/documents/${DOC}/workflow/request-approval`, {})).body;
    const frozen = again.indholdsHash ?? (await status()).frozenHash;
    const warnings = again.error?.details?.warnings?.map((w: { ruleId: string }) => w.ruleId);
    const newHash = warnings
      ? (await callApi(server, coordinator, "POST", `/api/documents/${DOC}/workflow/request-approval`, { acknowledgedWarnings: warnings })).body.indholdsHash
      : frozen;
    for (const k of kommuner) {
      const body =
        k.code === third!.code
          ? { beslutning: decision("godkendt_med_forbehold", { forbehold: "Thisted deltager fra 2029." }), indholdsHash: newHash }
          : { beslutning: decision("godkendt"), indholdsHash: newHash };
      expect((await approve(k.session, body)).status).toBe(200);
    }
    expect((await callApi(server, coordinator, "POST", `/api/documents/${DOC}/workflow/submit`)).status).toBe(200);
    const final = (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final`)).body;
    expect(final.record.approvals.find((a: { kommunekode: string }) => a.kommunekode === third!.code).beslutning).toMatchObject({
      udfald: "godkendt_med_forbehold",
    });
    const pdf = (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final.pdf`)).body as ArrayBuffer;
    const text = (await pdfText(Buffer.from(pdf))).text.replace(/\s+/g, "");
    expect(text).toContain("Byrådet,møde19.maj2025,pkt.7:Godkendtmedforbehold:Thisteddeltagerfra2029.".replace(/\s+/g, ""));
  });
});
