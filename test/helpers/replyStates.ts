/**
 * Brings a region's reply into a workflow state without a browser, as the people involved would:
 * the coordinator fills it over Yjs and sends it for approval over HTTP, every kommune approves
 * over HTTP (an approver per kommune is created for that), and the coordinator submits. Used by
 * the browser tests that need a reply in a later state, and by `npm run screenshots`.
 */
import { randomUUID } from "node:crypto";
import { writeReplyContent } from "../../shared/content/write.js";
import { municipalitiesOf } from "../../shared/regions.js";
import { hashPassword } from "../../server/auth/passwords.js";
import { callApi } from "./api.js";
import { connectClient, login, type Session } from "./clients.js";
import type { ReplyContent } from "../../shared/template/types.js";
import { completeReplyContentAsOf } from "./completeReply.js";
import type { TestServer } from "./server.js";
import { waitFor } from "./wait.js";

const APPROVER_PASSWORD = "en lang adgangskode til testens godkendere";

export const replyIdOf = (regionId: string) => `svar-${regionId}`;
export const coordinatorOf = (regionId: string) => `koordinator.${regionId}@regionssvar.dk`;

/** Writes a reply (by default a complete one: no findings today) over Yjs and waits until the server has saved it. */
export async function fillReply(server: TestServer, regionId: string, content: ReplyContent = completeReplyContentAsOf(regionId)): Promise<void> {
  const session = await login(server, coordinatorOf(regionId));
  const writer = connectClient(server, session, replyIdOf(regionId));
  try {
    await waitFor(() => writer.provider.synced, { timeoutMs: 30_000, message: "writer synced" });
    writeReplyContent(writer.doc, content);
    await waitFor(() => writer.counter.sent > 0 && writer.counter.saved >= writer.counter.sent, { timeoutMs: 30_000, message: "reply saved" });
  } finally {
    writer.destroy();
  }
}

function expectOk(result: { status: number; body: unknown }, what: string): void {
  if (result.status < 200 || result.status > 204) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
}

/** Sends the reply for approval (acknowledging whatever advarsler the server names); the frozen text's hash. */
export async function requestApproval(server: TestServer, regionId: string): Promise<string> {
  const coordinator = await login(server, coordinatorOf(regionId));
  const path = `/api/documents/${replyIdOf(regionId)}/workflow/request-approval`;
  let result = await callApi(server, coordinator, "POST", path, { acknowledgedWarnings: [] });
  if (result.status === 409 && result.body?.error?.code === "warnings_unacknowledged") {
    const warnings = (result.body.error.details.warnings as { ruleId: string }[]).map((w) => w.ruleId);
    result = await callApi(server, coordinator, "POST", path, { acknowledgedWarnings: warnings });
  }
  expectOk(result, "request approval");
  return result.body.indholdsHash as string;
}

/** An approver (kommunal redaktør) for each kommune of the region, signed in over HTTP. */
export async function approvers(server: TestServer, regionId: string): Promise<{ code: string; kommune: string; session: Session }[]> {
  const passwordHash = await hashPassword(APPROVER_PASSWORD);
  return Promise.all(
    municipalitiesOf(regionId).map(async (m) => {
      const id = randomUUID();
      const email = `godkender.${m.code}@test.dk`;
      await server.store.insertUser({
        id,
        email,
        name: `Godkender ${m.name}`,
        organisationId: `kommune-${m.code}`,
        passwordHash,
        createdAt: new Date().toISOString(),
      });
      await server.store.upsertMembership({ documentId: replyIdOf(regionId), userId: id, role: "redaktoer" });
      return { code: m.code, kommune: m.name, session: await login(server, email, APPROVER_PASSWORD) };
    }),
  );
}

/** Every kommune approves the frozen text (→ godkendt). */
export async function approveAll(server: TestServer, regionId: string, frozenHash: string): Promise<void> {
  for (const [i, approver] of (await approvers(server, regionId)).entries()) {
    const result = await callApi(server, approver.session, "POST", `/api/documents/${replyIdOf(regionId)}/approvals`, {
      beslutning: { organ: "kommunalbestyrelse", moedeDato: `2025-05-${String(i + 3).padStart(2, "0")}`, punkt: String(i + 1), udfald: "godkendt" },
      indholdsHash: frozenHash,
    });
    expectOk(result, `approval by ${approver.kommune}`);
  }
}

export async function submitReply(server: TestServer, regionId: string): Promise<void> {
  const coordinator = await login(server, coordinatorOf(regionId));
  expectOk(await callApi(server, coordinator, "POST", `/api/documents/${replyIdOf(regionId)}/workflow/submit`), "submit");
}

/** The reply filled and frozen (til_godkendelse, no approvals yet); the frozen text's hash. */
export async function replyAwaitingApproval(server: TestServer, regionId: string): Promise<string> {
  await fillReply(server, regionId);
  return requestApproval(server, regionId);
}

/** The reply approved by every kommune and submitted (indsendt, sealed). */
export async function submittedReply(server: TestServer, regionId: string): Promise<void> {
  const hash = await replyAwaitingApproval(server, regionId);
  await approveAll(server, regionId, hash);
  await submitReply(server, regionId);
}

/** A pending invitation to the region's reply (a kommentator from the region's first kommune); its single-use link. */
export async function invitationLink(
  server: TestServer,
  regionId: string,
  person = { name: "Ny Kommentator", email: "ny.kommentator@test.dk" },
): Promise<string> {
  const coordinator = await login(server, coordinatorOf(regionId));
  const kommune = municipalitiesOf(regionId)[0]!;
  const result = await callApi(server, coordinator, "POST", `/api/documents/${replyIdOf(regionId)}/invitations`, {
    ...person,
    organisationId: `kommune-${kommune.code}`,
    role: "kommentator",
  });
  expectOk(result, "invitation");
  return result.body.link as string;
}
