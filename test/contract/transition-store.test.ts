/**
 * The storage contract for one workflow step (store.commitTransition): every part commits
 * together, and a step whose state moved, or whose approval or seal already exists, writes nothing.
 */
import { beforeEach, expect, it } from "vitest";
import type { AuditInput, Store, VersionRow } from "../../server/storage/types.js";
import { isUniqueViolation } from "../../server/storage/unique-violation.js";
import { at, describeContract } from "../helpers/contract.js";

const version = (id: string, documentId: string): VersionRow => ({
  id,
  documentId,
  name: id,
  kind: "auto",
  createdBy: null,
  createdAt: at(1),
  stateUpdate: new Uint8Array([1]),
  contentJson: "{}",
  indholdsHash: "h",
});
const event = (documentId: string, name: string, details: Record<string, unknown> = {}): AuditInput => ({
  at: at(2),
  actorUserId: "u1",
  event: name,
  documentId,
  details,
});
const approval = (id: string, documentId: string) => ({
  id,
  documentId,
  kommunekode: "851",
  userId: "u1",
  createdAt: at(1),
  grundlag: "Byrådsbeslutning",
  indholdsHash: "h",
  discardedAt: null,
  flag: null,
  decision: {
    organ: "byraad" as const,
    delegeretTil: "",
    moedeDato: "2025-05-19",
    punkt: "7",
    referat: "https://aalborg.dk/referat/2025-05-19",
    udfald: "godkendt_med_forbehold" as const,
    forbehold: "Under forudsætning af statslig medfinansiering.",
  },
});
const seal = (documentId: string) => ({
  seal: { documentId, recordJson: "{}", indholdsHash: "h", forseglingsHash: "s", sealedAt: at(3), pdf: new Uint8Array([1]), docx: new Uint8Array([2]) },
  signature: { documentId, statementJson: "{}", signature: "c2ln", keyId: "k1" },
});

describeContract("workflow step contract", (seeded) => {
  let store: Store;
  let doc: string;
  let n = 0;
  beforeEach(async () => {
    store = seeded();
    doc = `t${++n}`;
    await store.insertDocument({
      id: doc,
      regionId: "nordjylland",
      title: doc,
      templateId: "t",
      templateVersion: 1,
      state: "til_godkendelse",
      createdAt: at(0),
      updatedAt: at(0),
    });
  });
  const eventsOf = async (documentId: string) => (await store.listAudit()).filter((e) => e.documentId === documentId).map((e) => e.event);

  it("commits the state, the discarded approvals, the workflow row, the versions and the audit events together", async () => {
    await store.insertApproval(approval(`${doc}-a`, doc));
    await store.saveWorkflow({ documentId: doc, frozenVersionId: "old", acknowledgedWarnings: ["X"], internalDeadline: "2026-05-20", updatedAt: at(0) });
    const outcome = await store.commitTransition({
      documentId: doc,
      at: at(5),
      state: { from: ["til_godkendelse", "godkendt"], to: "udkast" },
      discardApprovals: true,
      workflow: { frozenVersionId: null, acknowledgedWarnings: [] },
      versions: [version(`${doc}-v`, doc)],
      audit: ({ discarded }) => [event(doc, "workflow.reopened", { discarded })],
    });
    expect(outcome).toEqual({ committed: true, discarded: 1 });
    expect(await store.getDocument(doc)).toMatchObject({ state: "udkast", updatedAt: at(5) });
    expect(await store.listApprovals(doc)).toEqual([]);
    expect(await store.getWorkflow(doc)).toEqual({
      documentId: doc,
      frozenVersionId: null,
      acknowledgedWarnings: [],
      internalDeadline: "2026-05-20",
      updatedAt: at(5),
    });
    expect((await store.listVersions(doc)).map((v) => v.id)).toEqual([`${doc}-v`]);
    const audit = (await store.listAudit()).filter((e) => e.documentId === doc);
    expect(audit.map((e) => [e.event, e.details])).toEqual([["workflow.reopened", { discarded: 1 }]]);
  });

  it("writes nothing when the state is no longer one it may leave", async () => {
    const outcome = await store.commitTransition({
      documentId: doc,
      at: at(5),
      state: { from: ["godkendt"], to: "indsendt" },
      versions: [version(`${doc}-v`, doc)],
      seal: seal(doc),
      audit: [event(doc, "workflow.submitted")],
    });
    expect(outcome).toEqual({ committed: false, discarded: 0 });
    expect(await store.getDocument(doc)).toMatchObject({ state: "til_godkendelse", updatedAt: at(0) });
    expect(await store.listVersions(doc)).toEqual([]);
    expect(await store.getSeal(doc)).toBeUndefined();
    expect(await store.getSealSignature(doc)).toBeUndefined();
    expect(await eventsOf(doc)).toEqual([]);
  });

  it("commits an approval with its audit event, and rolls both back when the kommune has approved already", async () => {
    await store.commitTransition({ documentId: doc, at: at(1), approval: approval(`${doc}-a1`, doc), audit: [event(doc, "approval.given")] });
    const second = store.commitTransition({ documentId: doc, at: at(2), approval: approval(`${doc}-a2`, doc), audit: [event(doc, "approval.given")] });
    await expect(second).rejects.toSatisfy(isUniqueViolation);
    expect(await store.listApprovals(doc)).toEqual([approval(`${doc}-a1`, doc)]);
    expect(await eventsOf(doc)).toEqual(["approval.given"]);
  });

  it("seals once: a second seal rolls back its state change, version and audit event", async () => {
    await store.setDocumentState(doc, "godkendt", at(1));
    const step = (id: string) => ({
      documentId: doc,
      at: at(3),
      state: { from: ["godkendt", "indsendt"] as ("godkendt" | "indsendt")[], to: "indsendt" as const },
      seal: seal(doc),
      versions: [version(id, doc)],
      audit: [event(doc, "workflow.submitted")],
    });
    expect((await store.commitTransition(step(`${doc}-v1`))).committed).toBe(true);
    await expect(store.commitTransition(step(`${doc}-v2`))).rejects.toSatisfy(isUniqueViolation);
    expect((await store.listVersions(doc)).map((v) => v.id)).toEqual([`${doc}-v1`]);
    expect(await store.getSealSignature(doc)).toMatchObject({ signature: "c2ln" });
    expect(await eventsOf(doc)).toEqual(["workflow.submitted"]);
    // The audit chain stays whole across the rolled-back step.
    const all = await store.listAudit();
    all.slice(1).forEach((e, i) => expect(e.prevHash).toBe(all[i]!.hash));
  });
  it("creates a reply with its people in the step, and nothing of it when the step fails", async () => {
    const created = `${doc}-ny`;
    const step = (audit: AuditInput[]) => ({
      documentId: created,
      at: at(7),
      create: {
        document: {
          id: created,
          regionId: "nordjylland",
          title: created,
          templateId: "t",
          templateVersion: 1,
          state: "udkast" as const,
          createdAt: at(7),
          updatedAt: at(7),
          supplementsDocumentId: doc,
        },
        memberships: [{ documentId: created, userId: "u1", role: "koordinator" as const }],
      },
      audit,
    });
    // An audit entry that cannot be stored (its details are not JSON) fails the step: no reply, no membership.
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(store.commitTransition(step([event(created, "supplement.created", circular)]))).rejects.toThrow();
    expect(await store.getDocument(created)).toBeUndefined();
    expect(await store.getMembership(created, "u1")).toBeUndefined();
    expect((await store.commitTransition(step([event(created, "supplement.created")]))).committed).toBe(true);
    expect(await store.getDocument(created)).toMatchObject({ supplementsDocumentId: doc, sharedWithAgency: false });
    expect(await store.getMembership(created, "u1")).toEqual({ documentId: created, userId: "u1", role: "koordinator" });
    expect(await eventsOf(created)).toEqual(["supplement.created"]);
  });
});
