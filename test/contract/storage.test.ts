/**
 * One storage contract, every backend: the same suite runs against embedded SQLite and a real
 * PostgreSQL database. A backend that passes it can carry the product.
 */
import { beforeEach, expect, it } from "vitest";
import { isUniqueViolation } from "../../server/storage/unique-violation.js";
import { StoredRowError } from "../../server/storage/decode.js";
import type { MailRow } from "../../server/storage/types.js";
import * as Y from "yjs";
import type { Store } from "../../server/storage/types.js";
import { verifyAuditChain } from "../../server/audit/chain.js";
import { describeContract, now } from "../helpers/contract.js";
import { replayStored } from "../helpers/stored.js";

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describeContract("storage contract", (seeded) => {
  let store: Store;
  beforeEach(() => {
    store = seeded();
  });

  it("migrates idempotently", async () => {
    await store.migrate();
    expect(await store.countUsers()).toBe(1);
  });

  it("finds users by e-mail case-insensitively and keeps organisations", async () => {
    expect((await store.getUserByEmail("person@example.dk"))?.id).toBe("u1");
    expect((await store.getOrganisation("org-1"))?.kommunekode).toBe("851");
    expect(await store.listOrganisations("nordjylland")).toHaveLength(1);
  });

  it("keeps sessions and revokes them", async () => {
    await store.insertSession({ id: "s1", userId: "u1", createdAt: now(), expiresAt: now(), revokedAt: null });
    await store.insertSession({ id: "s2", userId: "u1", createdAt: now(), expiresAt: now(), revokedAt: null });
    await store.revokeSession("s1", now());
    expect((await store.getSession("s1"))?.revokedAt).not.toBeNull();
    expect(await store.revokeUserSessions("u1", now())).toEqual(["s2"]);
    expect(await store.revokeUserSessions("u1", now())).toEqual([]);
  });

  it("keeps memberships with one role per user and document", async () => {
    await store.upsertMembership({ documentId: "d1", userId: "u1", role: "laeser" });
    await store.upsertMembership({ documentId: "d1", userId: "u1", role: "redaktoer" });
    expect((await store.getMembership("d1", "u1"))?.role).toBe("redaktoer");
    expect(await store.listMembershipsOfUser("u1")).toHaveLength(1);
    await store.removeMembership("d1", "u1");
    expect(await store.getMembership("d1", "u1")).toBeUndefined();
  });

  it("uses an invitation exactly once", async () => {
    await store.insertInvitation({
      id: "inv1",
      tokenHash: "th1",
      email: "person@example.dk",
      userId: "u1",
      documentId: "d1",
      role: "kommentator",
      createdBy: "u1",
      createdAt: now(),
      expiresAt: "2999-01-01T00:00:00.000Z",
      usedAt: null,
      linkShown: true,
      revokedAt: null,
    });
    expect((await store.getInvitationByTokenHash("th1"))?.role).toBe("kommentator");
    expect(await store.listOpenInvitations("d1", now())).toHaveLength(1);
    const uses = await Promise.all([store.useInvitation("inv1", now()), store.useInvitation("inv1", now())]);
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await store.listOpenInvitations("d1", now())).toHaveLength(0);
    expect(await store.getAcceptedInvitationOf("u1")).toMatchObject({ id: "inv1", linkShown: true });
  });

  it("revokes and voids open invitations, which then can no longer be used", async () => {
    const invitation = {
      tokenHash: "",
      email: "p@example.dk",
      userId: "u1",
      documentId: "d1",
      role: "laeser" as const,
      createdBy: "u1",
      createdAt: now(),
      expiresAt: "2999-01-01T00:00:00.000Z",
      usedAt: null,
      linkShown: false,
      revokedAt: null,
    };
    await store.insertInvitation({ ...invitation, id: "inv2", tokenHash: "th2" });
    await store.insertInvitation({ ...invitation, id: "inv3", tokenHash: "th3" });
    expect(await store.revokeInvitation("inv2", now())).toBe(true);
    expect(await store.revokeInvitation("inv2", now())).toBe(false);
    expect((await store.getInvitation("inv2"))?.revokedAt).not.toBeNull();
    expect(await store.useInvitation("inv2", now())).toBe(false);
    expect(await store.voidOpenInvitations("u1", now())).toBe(1);
    expect(await store.useInvitation("inv3", now())).toBe(false);
    expect(await store.listOpenInvitations("d1", now())).toEqual([]);
  });

  it("keeps a mail outbox: deduplicated, claimed once across instances, retried, listed per document", async () => {
    const mail = (id: string, extra: Partial<MailRow> = {}): MailRow => ({
      id,
      kind: "approval_requested",
      dedupeKey: null,
      toUserId: "u1",
      toEmail: "person@example.dk",
      documentId: "d1",
      subject: "Emne",
      text: "Tekst",
      html: "<p>Tekst</p>",
      createdAt: now(),
      sentAt: null,
      attempts: 0,
      nextAttemptAt: "2000-01-01T00:00:00.000Z",
      lastError: null,
      ...extra,
    });
    await store.enqueueMail([mail("m1", { dedupeKey: "k" }), mail("m2")]);
    await store.enqueueMail([mail("m3", { dedupeKey: "k" })]);
    const lease = "2999-01-01T00:00:00.000Z";
    const [first, second] = await Promise.all([store.claimDueMail(now(), lease, 10), store.claimDueMail(now(), lease, 10)]);
    expect([...first!, ...second!].map((m) => m.id).sort()).toEqual(["m1", "m2"]);
    await store.markMailSent("m1", now());
    await store.markMailFailed("m2", 1, "2000-01-02T00:00:00.000Z", "454 try later");
    const again = await store.claimDueMail(now(), lease, 10);
    expect(again.map((m) => [m.id, m.attempts, m.lastError])).toEqual([["m2", 1, "454 try later"]]);
    const listed = await store.listMail(["d1"], 10);
    expect(listed.map((m) => m.id).sort()).toEqual(["m1", "m2"]);
    expect(listed.find((m) => m.id === "m1")?.sentAt).not.toBeNull();
    expect(await store.listMail(["other"], 10)).toEqual([]);
  });

  it("links single sign-on identities to users and uses a sign-in in progress once", async () => {
    await store.insertIdentity({ provider: "entra-aalborg", subject: "sub-1", userId: "u1", createdAt: now() });
    await expect(store.insertIdentity({ provider: "entra-aalborg", subject: "sub-1", userId: "u1", createdAt: now() })).rejects.toSatisfy(isUniqueViolation);
    expect(await store.getIdentity("entra-aalborg", "sub-1")).toMatchObject({ userId: "u1" });
    expect(await store.getIdentity("other", "sub-1")).toBeUndefined();
    expect((await store.listIdentitiesOfUser("u1")).map((i) => i.provider)).toEqual(["entra-aalborg"]);
    const pending = { stateHash: "s1", provider: "entra-aalborg", codeVerifier: "v", nonce: "n", returnTo: "/", expiresAt: "2999-01-01T00:00:00.000Z" };
    await store.putOidcPending(pending);
    const [a, b] = await Promise.all([store.takeOidcPending("s1"), store.takeOidcPending("s1")]);
    expect([a, b].filter(Boolean)).toEqual([pending]);
    await store.insertSession({
      id: "sso-session",
      userId: "u1",
      createdAt: now(),
      expiresAt: "2999-01-01T00:00:00.000Z",
      revokedAt: null,
      sso: { provider: "entra-aalborg", idToken: "eyJ" },
    });
    expect((await store.getSession("sso-session"))?.sso).toEqual({ provider: "entra-aalborg", idToken: "eyJ" });
  });

  it("keeps each person's mail opt-outs", async () => {
    await store.setMailOptOut("u1", "mention", true);
    await store.setMailOptOut("u1", "mention", true);
    await store.setMailOptOut("u1", "deadline", true);
    expect(await store.listMailOptOuts("u1")).toEqual(["deadline", "mention"]);
    await store.setMailOptOut("u1", "deadline", false);
    expect(await store.listMailOptOuts("u1")).toEqual(["mention"]);
  });

  it("appends updates of several documents in one commit and loads them in order", async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const first = textUpdate(a, "hej ");
    const second = textUpdate(a, "med dig");
    await store.appendUpdates([
      { documentId: "d1", update: first },
      { documentId: "d2", update: textUpdate(b, "B") },
      { documentId: "d1", update: second },
    ]);
    const state = await store.loadDocumentState("d1");
    expect(state.updates).toEqual([first, second]); // the batch's order, byte for byte
    expect(replayStored(state).getText("t").toString()).toBe("hej med dig");
    expect(
      replayStored(await store.loadDocumentState("d2"))
        .getText("t")
        .toString(),
    ).toBe("B");
  });

  it("stores nothing of a batch whose transaction fails", async () => {
    const before = (await store.loadDocumentState("d2")).updates.length;
    await expect(
      store.appendUpdates([
        { documentId: "d2", update: new Uint8Array([0, 0]) },
        { documentId: "no-such-document", update: new Uint8Array([0, 0]) },
      ]),
    ).rejects.toThrow();
    expect((await store.loadDocumentState("d2")).updates.length).toBe(before);
  });

  it("seeds exactly once, also when called concurrently", async () => {
    const seed = new Uint8Array([0, 0]);
    const results = await Promise.all(Array.from({ length: 10 }, () => store.seedIfEmpty("d3", seed)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.loadDocumentState("d3")).updates).toHaveLength(1);
    expect(await store.seedIfEmpty("d1", seed)).toBe(false);
  });

  it("compacts into a snapshot without losing updates appended meanwhile", async () => {
    const doc = replayStored(await store.loadDocumentState("d2"));
    const items = Array.from({ length: 30 }, (_, i) => ({ documentId: "d2", update: textUpdate(doc, `${i},`) }));
    await store.appendUpdates(items);
    const expected = replayStored(await store.loadDocumentState("d2"))
      .getText("t")
      .toString();
    const [merged] = await Promise.all([store.compact("d2"), store.appendUpdates([{ documentId: "d2", update: textUpdate(doc, "sidst") }])]);
    expect(merged).toBeGreaterThan(0);
    const state = await store.loadDocumentState("d2");
    expect(state.snapshot).not.toBeNull();
    expect(replayStored(state).getText("t").toString()).toBe(`${expected}sidst`);
    expect(await store.compact("d2")).toBeGreaterThanOrEqual(0);
    expect(
      replayStored(await store.loadDocumentState("d2"))
        .getText("t")
        .toString(),
    ).toBe(`${expected}sidst`);
  });

  it("moves the workflow state only from an expected state", async () => {
    expect(await store.transitionState("d3", ["udkast"], "til_godkendelse", now())).toBe(true);
    expect(await store.transitionState("d3", ["udkast"], "til_godkendelse", now())).toBe(false);
    expect((await store.getDocument("d3"))?.state).toBe("til_godkendelse");
    await store.saveWorkflow({ documentId: "d3", frozenVersionId: "v1", acknowledgedWarnings: ["I4.ORDEN"], internalDeadline: null, updatedAt: now() });
    expect((await store.getWorkflow("d3")).acknowledgedWarnings).toEqual(["I4.ORDEN"]);
    await store.insertVersion({
      id: "v1",
      documentId: "d3",
      name: "Sendt til godkendelse",
      kind: "auto",
      createdBy: null,
      createdAt: now(),
      stateUpdate: new Uint8Array([1, 2]),
      contentJson: "{}",
      indholdsHash: "h",
    });
    expect((await store.getVersion("v1"))?.stateUpdate).toEqual(new Uint8Array([1, 2]));
    expect(await store.listVersions("d3")).toHaveLength(1);
  });

  it("keeps one valid approval per kommune", async () => {
    const approval = {
      id: "a1",
      documentId: "d3",
      kommunekode: "851",
      userId: "u1",
      createdAt: now(),
      grundlag: "Byrådsbeslutning",
      indholdsHash: "h",
      discardedAt: null,
      flag: null,
      decision: null,
    };
    await store.insertApproval(approval);
    // The approve command tells "already approved" from a real failure by this error alone.
    await expect(store.insertApproval({ ...approval, id: "a2" })).rejects.toSatisfy(isUniqueViolation);
    expect(await store.discardApprovals("d3", now())).toBe(1);
    await store.insertApproval({ ...approval, id: "a3" });
    expect((await store.listApprovals("d3")).map((a) => a.id)).toEqual(["a3"]);
  });

  it("never changes or deletes a seal, not even by a direct query", async () => {
    const seal = {
      documentId: "d3",
      recordJson: "{}",
      indholdsHash: "h",
      forseglingsHash: "s",
      sealedAt: now(),
      pdf: new Uint8Array([1]),
      docx: new Uint8Array([2]),
    };
    await store.insertSeal(seal);
    await expect(store.insertSeal({ ...seal, forseglingsHash: "second" })).rejects.toSatisfy(isUniqueViolation);
    const db = (store as unknown as { kysely: import("kysely").Kysely<import("../../server/storage/schema.js").Tables> }).kysely;
    await expect(db.updateTable("seals").set({ seal_hash: "forged" }).where("document_id", "=", "d3").execute()).rejects.toThrow();
    await expect(db.deleteFrom("seals").where("document_id", "=", "d3").execute()).rejects.toThrow();
    expect((await store.getSeal("d3"))?.forseglingsHash).toBe("s");
  });

  it("parses rows instead of casting them: a value written by hand that the code does not know is refused", async () => {
    const db = (store as unknown as { kysely: import("kysely").Kysely<import("../../server/storage/schema.js").Tables> }).kysely;
    await store.upsertMembership({ documentId: "d1", userId: "u1", role: "laeser" });
    await db.updateTable("memberships").set({ role: "admin" }).where("document_id", "=", "d1").where("user_id", "=", "u1").execute();
    await expect(store.getMembership("d1", "u1")).rejects.toThrow(StoredRowError);
    await expect(store.getMembership("d1", "u1")).rejects.toThrow(/memberships\.role/);
    await store.upsertMembership({ documentId: "d1", userId: "u1", role: "laeser" });
    expect((await store.getMembership("d1", "u1"))?.role).toBe("laeser");
  });

  it("keeps a hash-chained audit log whose tampering is detected", async () => {
    for (const event of ["auth.login", "role.changed", "auth.logout"]) {
      await store.appendAudit({ at: now(), actorUserId: "u1", event, documentId: null, details: { n: event } });
    }
    const entries = await store.listAudit();
    expect(verifyAuditChain(entries).ok).toBe(true);
    const tampered = entries.map((e, i) => (i === 1 ? { ...e, details: { n: "forged" } } : e));
    expect(verifyAuditChain(tampered)).toMatchObject({ ok: false, brokenAt: entries[1]!.seq });
  });
});
