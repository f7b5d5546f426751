/**
 * Approval, freeze and seal through the real server: the text freezes under live typing, offline
 * edits after the freeze are refused and kept, approvals bind to the frozen hash, submission
 * needs every kommune, and the sealed version is verifiable and can no longer change.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol/messages.js";
import { municipalitiesOf } from "../../shared/regions.js";
import { writeReplyContent } from "../../shared/content/write.js";
import { extractReplyContent } from "../../shared/content/extract.js";
import { canonicalContent } from "../../shared/content/canonical.js";
import { sha256Canonical } from "../../server/workflow/content-hash.js";
import { hashPassword } from "../../server/auth/passwords.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { connectClient, login, type Session, type TestClient } from "../helpers/clients.js";
import { appendText, fieldText } from "../helpers/ydoc.js";
import { completeReplyContentAsOf as completeReplyContent } from "../helpers/completeReply.js";
import { waitFor, sleep } from "../helpers/wait.js";
import { callApi } from "../helpers/api.js";
import { storedDoc } from "../helpers/stored.js";

const REGION = "nordjylland";
const DOC = `svar-${REGION}`;
const COORDINATOR = "koordinator.nordjylland@regionssvar.dk";
const EDITOR = "redaktoer.aalborg@regionssvar.dk";
const PASSWORD = "en lang adgangskode til test af godkendelser";

let server: TestServer;
const clients: TestClient[] = [];
const track = (c: TestClient) => (clients.push(c), c);
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

const api = (session: Session, method: string, path: string, body?: unknown) => callApi(server, session, method, path, body);

/** Gives every kommune of the region an editor (the demo has three), returns their e-mails. */
async function editorsForEveryKommune(): Promise<string[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const emails: string[] = [];
  for (const m of municipalitiesOf(REGION)) {
    const email = `godkender.${m.code}@test.dk`;
    const id = randomUUID();
    await server.store.insertUser({
      id,
      email,
      name: `Godkender ${m.name}`,
      organisationId: `kommune-${m.code}`,
      passwordHash,
      createdAt: new Date().toISOString(),
    });
    await server.store.upsertMembership({ documentId: DOC, userId: id, role: "redaktoer" });
    emails.push(email);
  }
  return emails;
}

/** Fills the whole reply over the websocket, as editors would. */
async function fillReply(session: Session): Promise<TestClient> {
  const writer = track(connectClient(server, session, DOC));
  await waitFor(() => writer.provider.synced);
  writeReplyContent(writer.doc, completeReplyContent(REGION));
  await waitFor(() => writer.counter.saved >= writer.counter.sent);
  return writer;
}

async function requestApproval(coordinator: Session) {
  const first = await api(coordinator, "POST", `/api/documents/${DOC}/workflow/request-approval`, {});
  if (first.status === 409 && first.body.error.code === "warnings_unacknowledged") {
    const warnings = first.body.error.details.warnings.map((w: { ruleId: string }) => w.ruleId);
    return api(coordinator, "POST", `/api/documents/${DOC}/workflow/request-approval`, { acknowledgedWarnings: warnings });
  }
  return first;
}

/** A complete reply; an editor writes offline, the reply is frozen, and the edit arrives after the freeze. */
async function refuseAnOfflineEdit(): Promise<{ coordinator: Session; editor: Session }> {
  server = await startServer();
  const coordinator = await login(server, COORDINATOR);
  await fillReply(coordinator);
  const editor = await login(server, EDITOR);
  const offline = track(connectClient(server, editor, DOC));
  await waitFor(() => offline.provider.synced);
  offline.provider.disconnect();
  appendText(offline.doc, "i1.hjemmel.tekst", " Skrevet offline i toget.");
  expect((await requestApproval(coordinator)).status).toBe(200);
  offline.provider.connect();
  await waitFor(() => offline.closeCodes.includes(CloseCode.DOCUMENT_FROZEN));
  return { coordinator, editor };
}

describe("approval workflow", () => {
  it("refuses to send an incomplete reply for approval and says what is missing", async () => {
    server = await startServer();
    const res = await api(await login(server, COORDINATOR), "POST", `/api/documents/${DOC}/workflow/request-approval`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("incomplete");
    expect(res.body.error.details.findings.length).toBeGreaterThan(10);
    expect((await server.store.getDocument(DOC))?.state).toBe("udkast");
  });

  it("freezes the text under live typing: nothing is accepted after the freeze and the hash is stable", async () => {
    server = await startServer();
    const coordinator = await login(server, COORDINATOR);
    await fillReply(coordinator);
    const editor = await login(server, EDITOR);
    const typists = Array.from({ length: 10 }, () => track(connectClient(server, editor, DOC)));
    await waitFor(() => typists.every((t) => t.provider.synced));
    let typing = true;
    const loops = typists.map(async (t, i) => {
      for (let n = 0; typing && n < 500; n++) {
        if (t.provider.wsconnected) appendText(t.doc, "i1.indsats.tekst", ` t${i}-${n}`);
        await sleep(2);
      }
    });
    await waitFor(() => typists.every((t) => t.counter.saved > 3));
    const frozen = await requestApproval(coordinator);
    typing = false;
    await Promise.all(loops);
    expect(frozen.status).toBe(200);
    const hash = frozen.body.indholdsHash as string;

    // after the acknowledgement nothing more is accepted: every typist that kept typing was closed
    const late = track(connectClient(server, editor, DOC));
    await waitFor(() => late.provider.synced);
    appendText(late.doc, "i1.indsats.tekst", " efter frysning");
    await waitFor(() => late.closeCodes.includes(CloseCode.DOCUMENT_FROZEN));
    const stored = await storedDoc(server.store, DOC);
    expect(fieldText(stored, "i1.indsats.tekst")).not.toContain("efter frysning");
    expect(sha256Canonical(canonicalContent(extractReplyContent(stored), REGION))).toBe(hash);
    expect((await api(coordinator, "GET", `/api/documents/${DOC}/workflow`)).body).toMatchObject({ state: "til_godkendelse", frozenHash: hash });
  });

  it("refuses offline edits that arrive after the freeze and keeps them for the user", async () => {
    const { editor } = await refuseAnOfflineEdit();
    const kept = await waitFor(async () => {
      const res = await api(editor, "GET", `/api/documents/${DOC}/rejected-changes`);
      return res.body.changes.length > 0 ? res.body.changes : null;
    });
    expect(JSON.stringify(kept)).toContain("Skrevet offline i toget.");
  });

  it("shows a refused change against the text as it was when refused, not as it is today", async () => {
    const { coordinator, editor } = await refuseAnOfflineEdit();
    await waitFor(async () => (await api(editor, "GET", `/api/documents/${DOC}/rejected-changes`)).body.changes.length > 0);
    // Reopened, and the field rewritten since.
    expect((await api(coordinator, "POST", `/api/documents/${DOC}/workflow/reopen`, { reason: "Rettelser" })).status).toBeLessThan(300);
    const writer = track(connectClient(server, coordinator, DOC));
    await waitFor(() => writer.provider.synced);
    appendText(writer.doc, "i1.hjemmel.tekst", " Tilføjet efter genåbningen.");
    await waitFor(() => writer.counter.sent > 0 && writer.counter.saved >= writer.counter.sent);
    const kept = (await api(editor, "GET", `/api/documents/${DOC}/rejected-changes`)).body.changes;
    const yours = JSON.stringify(kept);
    expect(yours).toContain("Skrevet offline i toget.");
    expect(yours).not.toContain("Tilføjet efter genåbningen.");
  });

  it("binds approvals to the frozen hash, needs every kommune, then seals a verifiable final version", async () => {
    server = await startServer();
    const coordinator = await login(server, COORDINATOR);
    await fillReply(coordinator);
    const emails = await editorsForEveryKommune();
    const frozen = await requestApproval(coordinator);
    expect(frozen.status).toBe(200);
    const hash = frozen.body.indholdsHash as string;

    const first = await login(server, emails[0]!, PASSWORD);
    const stale = await api(first, "POST", `/api/documents/${DOC}/approvals`, {
      grundlag: "Byrådsbeslutning 12.05.2025, pkt. 7",
      indholdsHash: "0".repeat(64),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("hash_mismatch");

    for (const [i, email] of emails.entries()) {
      const session = await login(server, email, PASSWORD);
      if (i === emails.length - 1) {
        const early = await api(coordinator, "POST", `/api/documents/${DOC}/workflow/submit`);
        expect(early.status).toBe(409);
      }
      const res = await api(session, "POST", `/api/documents/${DOC}/approvals`, { grundlag: `Kommunalbestyrelsens beslutning ${i + 1}`, indholdsHash: hash });
      expect(res.status, email).toBe(200);
    }
    const approved = await api(coordinator, "GET", `/api/documents/${DOC}/workflow`);
    expect(approved.body.state).toBe("godkendt");

    const submitted = await api(coordinator, "POST", `/api/documents/${DOC}/workflow/submit`);
    expect(submitted.status).toBe(200);
    const final = await api(coordinator, "GET", `/api/documents/${DOC}/final`);
    expect(final.body).toMatchObject({ indholdsHash: hash, verification: { indholdsHash: true, forseglingsHash: true } });
    // The advarsler the coordinator accepted are in the sealed record, worded as the check words them.
    const accepted = final.body.record.accepteredeAdvarsler as { regel: string; besked: string }[];
    expect(accepted.map((w) => w.regel)).toEqual(approved.body.acknowledgedWarnings);
    expect(accepted.every((w) => w.besked.length > 0)).toBe(true);
    const pdf = await api(coordinator, "GET", `/api/documents/${DOC}/final.pdf`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(pdf.body as ArrayBuffer)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const docx = await api(coordinator, "GET", `/api/documents/${DOC}/final.docx`);
    expect(
      Buffer.from(docx.body as ArrayBuffer)
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    // nothing can change the sealed reply: no route, no message
    expect((await api(coordinator, "POST", `/api/documents/${DOC}/workflow/reopen`, { reason: "Vi vil ændre noget" })).status).toBe(409);
    expect((await api(coordinator, "POST", `/api/documents/${DOC}/workflow/submit`)).status).toBe(409);
    const editor = track(connectClient(server, await login(server, EDITOR), DOC));
    await waitFor(() => editor.provider.synced);
    appendText(editor.doc, "i1.hjemmel.tekst", " Ændring efter indsendelse.");
    await waitFor(() => editor.closeCodes.includes(CloseCode.DOCUMENT_FROZEN));
    expect((await api(coordinator, "GET", `/api/documents/${DOC}/final`)).body.forseglingsHash).toBe(final.body.forseglingsHash);
  });

  it("sends a reply back to draft with a reason, discarding approvals", async () => {
    server = await startServer();
    const coordinator = await login(server, COORDINATOR);
    await fillReply(coordinator);
    const frozen = await requestApproval(coordinator);
    const aalborg = await login(server, EDITOR);
    expect(
      (await api(aalborg, "POST", `/api/documents/${DOC}/approvals`, { grundlag: "Byrådet 1.5.2025", indholdsHash: frozen.body.indholdsHash })).status,
    ).toBe(200);
    expect((await api(coordinator, "POST", `/api/documents/${DOC}/workflow/reopen`, { reason: "Finansieringen skal ændres" })).status).toBe(204);
    const status = (await api(coordinator, "GET", `/api/documents/${DOC}/workflow`)).body;
    expect(status.state).toBe("udkast");
    expect(status.approvals.every((a: { approval: unknown }) => a.approval === null)).toBe(true);
    const writer = track(connectClient(server, aalborg, DOC));
    await waitFor(() => writer.provider.synced);
    appendText(writer.doc, "i3.finansiering.drift", " Ny finansiering.");
    await waitFor(() => writer.counter.saved >= writer.counter.sent && writer.counter.sent > 0);
    expect(writer.closeCodes).toEqual([]);
  });
});
