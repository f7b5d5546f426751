/**
 * Mail (issue 17) through a real SMTP server in the test process: the approval flow's mails reach
 * the right people and not those who turned a kind off, invitation links go only by mail and can
 * be renewed and revoked, an SMTP outage is retried without losing a mail or holding up the action,
 * and without a mail server the coordinator reads the outbox.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { municipalitiesOf } from "../../shared/regions.js";
import { DEMO_REGION_ID, demoAccounts } from "../../server/seed/demo.js";
import { mailDeadlines } from "../../server/mail/events.js";
import { startServer, type TestServer } from "../helpers/server.js";
import { login } from "../helpers/clients.js";
import { callApi } from "../helpers/api.js";
import { coordinatorOf, fillReply, replyIdOf, requestApproval, submitReply } from "../helpers/replyStates.js";
import { startSmtp, type ReceivedMail, type TestSmtp } from "../helpers/smtp.js";
import { waitFor } from "../helpers/wait.js";

const REGION = DEMO_REGION_ID;
const DOC = replyIdOf(REGION);
const editors = demoAccounts().filter((a) => a.regionId === REGION && a.role === "redaktoer");
const members = demoAccounts().filter((a) => a.regionId === REGION);
const AALBORG = "redaktoer.aalborg@regionssvar.dk";
const MORSOE = "kommune-773";

let server: TestServer | undefined;
let smtp: TestSmtp | undefined;
afterEach(async () => {
  await server?.close();
  await smtp?.close();
  server = smtp = undefined;
});

async function withSmtp(config: Record<string, unknown> = {}): Promise<{ server: TestServer; smtp: TestSmtp }> {
  smtp = await startSmtp();
  server = await startServer({ config: { SMTP_URL: smtp.url, MAIL_POLL_MS: 100, MAIL_RETRY_BASE_MS: 20, ...config } });
  return { server, smtp };
}

const subjectStarts = (prefix: string) => (m: ReceivedMail) => m.subject.startsWith(prefix);
const linkIn = (mail: ReceivedMail) => /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

async function approveAllAs(server: TestServer, hash: string): Promise<void> {
  for (const account of editors) {
    const editor = await login(server, account.email);
    const result = await callApi(server, editor, "POST", `/api/documents/${DOC}/approvals`, {
      grundlag: "Kommunalbestyrelsens beslutning",
      indholdsHash: hash,
    });
    expect(result.status, account.email).toBe(200);
  }
}

describe("mail through a real SMTP server", () => {
  it("tells the right people at each step of the approval flow, except kinds they turned off, with links and no reply text", async () => {
    const { server, smtp } = await withSmtp();
    const aalborg = await login(server, AALBORG);
    const put = await callApi(server, aalborg, "PUT", "/api/me/mail-preferences", { preferences: [{ kind: "approval_requested", enabled: false }] });
    expect(put.body.preferences).toContainEqual({ kind: "approval_requested", enabled: false });
    await fillReply(server, REGION);
    const hash = await requestApproval(server, REGION);
    const others = editors
      .filter((e) => e.email !== AALBORG)
      .map((e) => e.email)
      .sort();
    const requested = await smtp.waitForMails(subjectStarts("Til godkendelse"), others.length);
    await approveAllAs(server, hash);
    const approved = await smtp.waitForMails(subjectStarts("Godkendt af alle kommuner"), editors.length + 1);
    await submitReply(server, REGION);
    const submitted = await smtp.waitForMails(subjectStarts("Indsendt"), members.length);

    expect(requested.map((m) => m.to).sort()).toEqual(others);
    expect(approved.map((m) => m.to).sort()).toEqual([...editors.map((e) => e.email), coordinatorOf(REGION)].sort());
    expect(submitted.map((m) => m.to).sort()).toEqual(members.map((m) => m.email).sort());
    for (const mail of [...requested, ...approved, ...submitted]) {
      expect(mail.text).toContain(`${server.baseUrl}/svar/${DOC}`);
      expect(mail.html).toContain(`href="${server.baseUrl}/svar/${DOC}"`);
      expect(mail.text).not.toContain("Kommunalbestyrelserne i");
    }
  });

  it("sends the invitation link to the invited person only; a new link voids the old one, a revoked one stops working", async () => {
    const { server, smtp } = await withSmtp({ ORGANISATION_EMAIL_DOMAINS: { [MORSOE]: ["morsoe.dk"] } });
    const coordinator = await login(server, coordinatorOf(REGION));
    const invite = (email: string) =>
      callApi(server, coordinator, "POST", `/api/documents/${DOC}/invitations`, { email, name: "Ny Redaktør", organisationId: MORSOE, role: "redaktoer" });
    const outside = await invite("ny@gmail.com");
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toContain("morsoe.dk");

    const created = await invite("ny@morsoe.dk");
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ link: null, mailed: true });
    const [first] = await smtp.waitForMails((m) => m.to === "ny@morsoe.dk");
    const firstToken = linkIn(first!);
    expect((await callApi(server, null, "GET", `/api/invitations/${firstToken}`)).status).toBe(200);

    const people = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/people`);
    expect(people.body.linksByMail).toBe(true);
    const open = people.body.invitations.find((i: { email: string }) => i.email === "ny@morsoe.dk");
    const renewed = await callApi(server, coordinator, "POST", `/api/documents/${DOC}/invitations/${open.id}/renew`);
    expect(renewed.body).toMatchObject({ link: null, mailed: true });
    const mails = await smtp.waitForMails((m) => m.to === "ny@morsoe.dk", 2);
    const secondToken = linkIn(mails[1]!);
    expect((await callApi(server, null, "GET", `/api/invitations/${firstToken}`)).status).toBe(410);
    expect((await callApi(server, null, "GET", `/api/invitations/${secondToken}`)).status).toBe(200);
    // The stored copy of a sent invitation keeps no working link.
    const stored = (await server.store.listMail([DOC], 10)).filter((m) => m.kind === "invitation");
    expect(stored.every((m) => m.sentAt !== null && !m.text.includes(firstToken) && !m.text.includes(secondToken))).toBe(true);

    const current = (await callApi(server, coordinator, "GET", `/api/documents/${DOC}/people`)).body.invitations.find(
      (i: { email: string }) => i.email === "ny@morsoe.dk",
    );
    expect((await callApi(server, coordinator, "DELETE", `/api/documents/${DOC}/invitations/${current.id}`)).status).toBe(204);
    expect((await callApi(server, null, "GET", `/api/invitations/${secondToken}`)).status).toBe(410);
    expect((await callApi(server, coordinator, "DELETE", `/api/documents/${DOC}/invitations/${current.id}`)).status).toBe(404);
    const events = (await server.store.listAudit()).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(["invitation.created", "invitation.renewed", "invitation.revoked"]));
  });

  it("retries through an SMTP outage without holding up the action, and loses nothing", async () => {
    const { server, smtp } = await withSmtp();
    smtp.refuse = true;
    const coordinator = await login(server, coordinatorOf(REGION));
    const created = await callApi(server, coordinator, "POST", `/api/documents/${DOC}/invitations`, {
      email: "under.nedbrud@morsoe.dk",
      name: "Under Nedbrud",
      organisationId: MORSOE,
      role: "kommentator",
    });
    expect(created.status).toBe(201);
    await waitFor(() => smtp.refused >= 3, { message: "three refused attempts" });
    const [pending] = (await server.store.listMail([DOC], 10)).filter((m) => m.toEmail === "under.nedbrud@morsoe.dk");
    expect(pending).toMatchObject({ sentAt: null });
    expect(pending!.attempts).toBeGreaterThanOrEqual(2);
    expect(pending!.lastError).toMatch(/451/);
    smtp.refuse = false;
    const delivered = await smtp.waitForMails((m) => m.to === "under.nedbrud@morsoe.dk");
    expect(delivered).toHaveLength(1);
  });

  it("mails people newly mentioned in a comment, and the deadline warnings once, 7 and 2 days before", async () => {
    const { server, smtp } = await withSmtp();
    const coordinator = await login(server, coordinatorOf(REGION));
    const aalborgId = (await server.store.getUserByEmail(AALBORG))!.id;
    const thread = { threadId: randomUUID(), quote: "plan", blockId: null, body: "Kan Aalborg se på dette?", mentions: [aalborgId] };
    expect((await callApi(server, coordinator, "POST", `/api/documents/${DOC}/threads`, thread)).status).toBe(201);
    const [mention] = await smtp.waitForMails((m) => m.subject.includes("nævnte dig"));
    expect(mention!.to).toBe(AALBORG);
    expect(mention!.text).not.toContain("Kan Aalborg se på dette?");

    await callApi(server, coordinator, "PUT", `/api/documents/${DOC}/workflow/internal-deadline`, { internalDeadline: "2031-03-10" });
    const ctx = server.app.mail;
    await mailDeadlines(ctx, new Date("2031-03-03T08:00:00Z"));
    await mailDeadlines(ctx, new Date("2031-03-03T09:00:00Z"));
    await mailDeadlines(ctx, new Date("2031-03-05T09:00:00Z")); // 5 days before: nothing
    await mailDeadlines(ctx, new Date("2031-03-08T09:00:00Z"));
    const people = editors.length + 1;
    const warnings = await smtp.waitForMails(subjectStarts("Intern frist"), 2 * people);
    expect(warnings.filter((m) => m.subject.includes("om 7 dage"))).toHaveLength(people);
    expect(warnings.filter((m) => m.subject.includes("om 2 dage"))).toHaveLength(people);
    expect((await server.store.listMail([DOC], 500)).filter((m) => m.kind === "deadline")).toHaveLength(2 * people);
  });
});

describe("without a mail server (the demo)", () => {
  it("keeps mails in the outbox that the coordinator reads, and flags an approval from an account whose link the coordinator saw", async () => {
    server = await startServer();
    const coordinator = await login(server, coordinatorOf(REGION));
    const created = await callApi(server, coordinator, "POST", `/api/documents/${DOC}/invitations`, {
      email: "ny.redaktoer@morsoe.dk",
      name: "Ny Redaktør",
      organisationId: MORSOE,
      role: "redaktoer",
    });
    expect(created.body.link).toMatch(/\/invitation\//);
    const outbox = await callApi(server, coordinator, "GET", "/api/outbox");
    expect(outbox.body.mode).toBe("outbox");
    expect(outbox.body.mails[0]).toMatchObject({ kind: "invitation", to: "ny.redaktoer@morsoe.dk", sentAt: null });
    expect(outbox.body.mails[0].text).toContain(created.body.link);
    expect((await callApi(server, await login(server, AALBORG), "GET", "/api/outbox")).status).toBe(403);

    const token = (created.body.link as string).split("/invitation/")[1];
    const accepted = await callApi(server, null, "POST", `/api/invitations/${token}/accept`, { password: "en meget lang og god adgangskode 42" });
    expect(accepted.status).toBe(200);
    await fillReply(server, REGION);
    const hash = await requestApproval(server, REGION);
    const invited = await login(server, "ny.redaktoer@morsoe.dk", "en meget lang og god adgangskode 42");
    expect((await callApi(server, invited, "POST", `/api/documents/${DOC}/approvals`, { grundlag: "Byrådsbeslutning", indholdsHash: hash })).status).toBe(200);
    for (const account of editors.filter((e) => e.organisationId !== MORSOE)) {
      const editor = await login(server, account.email);
      expect((await callApi(server, editor, "POST", `/api/documents/${DOC}/approvals`, { grundlag: "Beslutning", indholdsHash: hash })).status).toBe(200);
    }
    await submitReply(server, REGION);
    const final = await callApi(server, coordinator, "GET", `/api/documents/${DOC}/final`);
    const flagged = final.body.record.approvals.filter((a: { bemaerkning?: string }) => a.bemaerkning);
    expect(flagged.map((a: { kommunekode: string }) => a.kommunekode)).toEqual(["773"]);
    expect(flagged[0].bemaerkning).toContain("invitationslink");
    expect(municipalitiesOf(REGION)).toHaveLength(final.body.record.approvals.length);
  });
});
