/**
 * Finishes or undoes workflow transitions that a crash interrupted. Each step commits in one
 * transaction (store.commitTransition), but two transitions take two steps: "send til
 * godkendelse" commits the state first, so every instance freezes at once, and the frozen version
 * after; the last approval and "approved by all" are separate steps. kill -9 in between leaves
 * records that disagree; the kill -9 battery (test/reliability/kill-*.test.ts) found these. Seals
 * and reopenings made before their steps were single transactions can disagree too. This repairs
 * each the way the interrupted command would have ended, each repair in one transaction:
 *
 *   til_godkendelse/godkendt without a frozen version → back to udkast (the request never finished)
 *   udkast still pointing at a frozen version, or with valid approvals → finish the reopen
 *   til_godkendelse with every kommune's approval of the frozen hash → godkendt
 *   a seal, state not indsendt → indsendt (the seal is the record; the state follows it)
 *
 * An interrupted transition is only told from one still running on another instance by its age:
 * with one instance (no REDIS_URL) nothing else can be running at start, so the start-up pass
 * repairs at once; otherwise a record is repaired once it is older than ABANDONED_AFTER_MS,
 * far longer than any transition takes (freezing all instances times out after 5 s).
 */
import type { FastifyBaseLogger } from "fastify";
import { auditEvent } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import type { AuditInput, DocumentRow, Store, Transition } from "../storage/types.js";
import { buildVersion } from "./versions.js";
import { allKommunerApproved, markApprovedByAll } from "./approved-by-all.js";

/** A transition whose records still disagree after this long was interrupted. */
export const ABANDONED_AFTER_MS = 60_000;
/** How often a running server looks for interrupted transitions (another instance may have died). */
export const RECOVERY_INTERVAL_MS = 30_000;

export interface Repair {
  documentId: string;
  repair: "request-undone" | "reopen-finished" | "approved-by-all" | "submitted";
}

/**
 * Repairs every interrupted transition; `minAgeMs` 0 repairs all (only when no other instance
 * can be in the middle of one).
 */
export async function recoverWorkflows(store: Store, collab: CollabService, minAgeMs: number): Promise<Repair[]> {
  const repairs: Repair[] = [];
  for (const document of await store.listDocuments()) {
    const repair = await recoverDocument(store, collab, document, minAgeMs);
    if (repair) repairs.push({ documentId: document.id, repair });
  }
  return repairs;
}

async function recoverDocument(store: Store, collab: CollabService, document: DocumentRow, minAgeMs: number): Promise<Repair["repair"] | null> {
  const old = Date.now() - Date.parse(document.updatedAt) >= minAgeMs;
  const seal = await store.getSeal(document.id);
  if (seal) {
    if (document.state === "indsendt" || !old) return null;
    const version = await buildVersion(collab, document, "Indsendt", "auto", null);
    const step: RepairStep = { state: { from: ["udkast", "til_godkendelse", "godkendt"], to: "indsendt" }, versions: [version] };
    if (!(await repair(store, document, "submitted", step, seal.sealedAt))) return null;
    collab.setWorkflowState(document.id, "indsendt");
    return "submitted";
  }
  const workflow = await store.getWorkflow(document.id);
  if (document.state === "udkast") {
    const approvals = await store.listApprovals(document.id);
    if (!workflow.frozenVersionId && approvals.length === 0) return null;
    // Same end state as the reopen that was interrupted; safe even while one runs elsewhere.
    await repair(store, document, "reopen-finished", { discardApprovals: true, workflow: { frozenVersionId: null, acknowledgedWarnings: [] } });
    return "reopen-finished";
  }
  const version = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  if (!version) {
    if (!old) return null;
    if (!(await repair(store, document, "request-undone", { state: { from: [document.state], to: "udkast" } }))) return null;
    collab.setWorkflowState(document.id, "udkast");
    return "request-undone";
  }
  if (document.state === "til_godkendelse") {
    if (!(await allKommunerApproved(store, document, version.indholdsHash))) return null;
    if (!(await markApprovedByAll(store, collab, document, recovered(document.id, "approved-by-all")))) return null;
    return "approved-by-all";
  }
  return null;
}

type RepairStep = Omit<Transition, "documentId" | "at" | "audit">;

function recovered(documentId: string, repair: Repair["repair"]): AuditInput {
  return auditEvent({ actorUserId: null, documentId, event: "workflow.recovered", details: { repair } });
}

/** One repair and its audit event, in one transaction; false when the state had moved on. */
async function repair(store: Store, document: DocumentRow, kind: Repair["repair"], step: RepairStep, at = new Date().toISOString()): Promise<boolean> {
  return (await store.commitTransition({ ...step, documentId: document.id, at, audit: [recovered(document.id, kind)] })).committed;
}

/**
 * Runs the start-up pass (before the server listens) and then a pass every
 * RECOVERY_INTERVAL_MS; returns the function that stops the timer.
 */
export async function startWorkflowRecovery(store: Store, collab: CollabService, log: FastifyBaseLogger, singleInstance: boolean): Promise<() => void> {
  const pass = async (minAgeMs: number) => {
    const repairs = await recoverWorkflows(store, collab, minAgeMs);
    for (const r of repairs) log.warn(r, "repaired a workflow transition interrupted by a crash");
  };
  await pass(singleInstance ? 0 : ABANDONED_AFTER_MS);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pass(ABANDONED_AFTER_MS)
      .catch((err: unknown) => log.warn({ err }, "workflow recovery pass failed"))
      .finally(() => (running = false));
  }, RECOVERY_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
