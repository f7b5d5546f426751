/**
 * Bilag as files (issue 18): PDF, DOCX or XLSX told from their bytes, a size and count limit,
 * added and removed by editors while the reply is a draft, downloaded as files (never served as a
 * page), named with their SHA-256 in the sealed record and letter, verified by /final, and
 * delivered with the whole submission in one zip.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzipSync, zipSync, strToU8 } from "fflate";
import { startServer, type TestServer } from "../helpers/server.js";
import { login, type Session } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { approveAll, coordinatorOf, fillReply, replyIdOf, requestApproval, submitReply } from "../helpers/replyStates.js";
import { pdfText } from "../helpers/exported.js";

const REGION = "nordjylland";
const DOC = replyIdOf(REGION);
let server: TestServer;
let coordinator: Session;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const officeFile = (entry: string) => Buffer.from(zipSync({ "[Content_Types].xml": strToU8("<Types/>"), [entry]: strToU8("<x/>") }));

/** Adds a file as the browser does: raw bytes, the name URL-encoded in X-Filename, the CSRF header. */
async function upload(who: Session | null, filename: string, bytes: Buffer, options: { type?: string; csrf?: boolean } = {}) {
  const headers: Record<string, string> = {
    origin: server.origin,
    "content-type": options.type ?? "application/octet-stream",
    "x-filename": encodeURIComponent(filename),
  };
  if (who) headers.cookie = who.cookie;
  if (who && options.csrf !== false) headers["x-csrf-token"] = who.csrfToken;
  const response = await fetch(`${server.baseUrl}/api/documents/${DOC}/attachments`, { method: "POST", headers, body: new Uint8Array(bytes) });
  return {
    status: response.status,
    body: (await response.json()) as { attachments?: { id: string; filename: string; sha256: string }[]; error?: { message: string } },
  };
}

beforeAll(async () => {
  server = await startServer();
  await fillReply(server, REGION);
  coordinator = await login(server, coordinatorOf(REGION));
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe("bilag files", () => {
  it("takes PDF, DOCX and XLSX told from their bytes, and refuses anything else", async () => {
    expect((await upload(coordinator, "Referat byrådet.pdf", PDF)).status).toBe(200);
    expect((await upload(coordinator, "Samarbejdsaftale æøå.docx", officeFile("word/document.xml"))).status).toBe(200);
    const listed = await upload(coordinator, "Budget.xlsx", officeFile("xl/workbook.xml"));
    expect(listed.body.attachments!.map((a) => a.filename)).toEqual(["Referat byrådet.pdf", "Samarbejdsaftale æøå.docx", "Budget.xlsx"]);
    for (const [name, bytes] of [
      ["side.pdf", Buffer.from("<html><script>alert(1)</script></html>")],
      ["aftale.pdf", officeFile("word/document.xml")],
      ["arkiv.docx", Buffer.from(zipSync({ "a.txt": strToU8("x") }))],
      ["tom.pdf", Buffer.alloc(0)],
    ] as const) {
      const refused = await upload(coordinator, name, bytes);
      expect(refused.status, name).toBe(400);
    }
    expect((await upload(coordinator, "stor.pdf", Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))).status).toBe(413);
  });

  it("is added only by editors, with the CSRF token, as raw bytes", async () => {
    const commenter = await login(server, "familieambulatorium.nordjylland@regionssvar.dk");
    expect((await upload(commenter, "x.pdf", PDF)).status).toBe(403);
    expect((await upload(coordinator, "x.pdf", PDF, { csrf: false })).status).toBe(403);
    expect((await upload(coordinator, "x.pdf", PDF, { type: "multipart/form-data; boundary=x" })).status).toBe(415);
    expect((await upload(coordinator, "x.pdf", PDF, { type: "text/plain" })).status).toBe(415);
  });

  it("downloads as a file, never as a page", async () => {
    const [first] = (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/attachments`)).body.attachments;
    const response = await fetch(`${server.baseUrl}/api/documents/${DOC}/attachments/${first.id}`, { headers: { cookie: coordinator.cookie } });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Referat byr_det.pdf"; filename*=UTF-8''Referat%20byr%C3%A5det.pdf`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("is removed while a draft, and locked with the text", async () => {
    const list = (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/attachments`)).body.attachments;
    const budget = list.find((a: { filename: string }) => a.filename === "Budget.xlsx");
    expect((await callApi(server, coordinator, "DELETE", `/api/documents/${DOC}/attachments/${budget.id}`)).status).toBe(204);
    expect((await callApi(server, coordinator, "GET", `/api/documents/${DOC}/attachments`)).body.attachments).toHaveLength(2);
    const hash = await requestApproval(server, REGION);
    expect((await upload(coordinator, "sent.pdf", PDF)).status).toBe(409);
    expect((await callApi(server, coordinator, "DELETE", `/api/documents/${DOC}/attachments/${list[0].id}`)).status).toBe(409);
    await approveAll(server, REGION, hash);
    await submitReply(server, REGION);
  });

  it("is named with its SHA-256 in the seal and the letter, verified by /final, and delivered in one zip", async () => {
    const final = (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final`)).body;
    expect(final.record.bilag.map((b: { filnavn: string }) => b.filnavn)).toEqual(["Referat byrådet.pdf", "Samarbejdsaftale æøå.docx"]);
    expect(final.verification.bilag).toBe(true);
    const pdf = (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final.pdf`)).body as ArrayBuffer;
    const letter = (await pdfText(Buffer.from(pdf))).text.replace(/\s+/g, "");
    expect(letter).toContain("Referatbyrådet.pdf(PDF,0,1MB)–SHA-256".replace(/\s+/g, ""));

    const zip = unzipSync(new Uint8Array((await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final.zip`)).body as ArrayBuffer));
    expect(Object.keys(zip).sort()).toEqual([
      "bilag/01-Referat byrådet.pdf",
      "bilag/02-Samarbejdsaftale æøå.docx",
      "regionssvar-nordjylland-forseglet-record.json",
      "regionssvar-nordjylland.docx",
      "regionssvar-nordjylland.pdf",
    ]);
    expect(Buffer.from(zip["bilag/01-Referat byrådet.pdf"]!).equals(PDF)).toBe(true);

    // A stored file changed behind the seal's back is caught.
    const db = (server.store as unknown as { kysely: import("kysely").Kysely<import("../../server/storage/schema.js").Tables> }).kysely;
    await db
      .updateTable("attachments")
      .set({ data: new Uint8Array(Buffer.from("%PDF-forfalsket")) })
      .where("id", "=", final.record.bilag[0].id)
      .execute();
    expect((await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final`)).body.verification.bilag).toBe(false);
  });
});
