/**
 * Finishes or undoes workflow transitions that a crash interrupted. Each transition is a short
 * sequence of commits (the state first, so every instance freezes at once; then the frozen
 * version, approvals, seal), so kill -9 in between leaves records that disagree. The kill -9
 * battery (test/reliability/kill-*.test.ts) found these; this repairs each the way the
 * interrupted command would have ended:
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
import { recordAudit } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import type { DocumentRow, Store } from "../storage/types.js";
import { createVersion } from "./versions.js";
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
  const now = () => new Date().toISOString();
  const seal = await store.getSeal(document.id);
  if (seal) {
    if (document.state === "indsendt" || !old) return null;
    if (!(await store.transitionState(document.id, ["udkast", "til_godkendelse", "godkendt"], "indsendt", seal.sealedAt))) return null;
    await createVersion(store, collab, document, "Indsendt", "auto", null);
    collab.setWorkflowState(document.id, "indsendt");
    await audit(store, document.id, "submitted");
    return "submitted";
  }
  const workflow = await store.getWorkflow(document.id);
  if (document.state === "udkast") {
    const approvals = await store.listApprovals(document.id);
    if (!workflow.frozenVersionId && approvals.length === 0) return null;
    // Same end state as the reopen that was interrupted; safe even while one runs elsewhere.
    await store.discardApprovals(document.id, now());
    await store.saveWorkflow({ ...workflow, frozenVersionId: null, acknowledgedWarnings: [], updatedAt: now() });
    await audit(store, document.id, "reopen-finished");
    return "reopen-finished";
  }
  const version = workflow.frozenVersionId ? await store.getVersion(workflow.frozenVersionId) : undefined;
  if (!version) {
    if (!old) return null;
    if (!(await store.transitionState(document.id, [document.state], "udkast", now()))) return null;
    collab.setWorkflowState(document.id, "udkast");
    await audit(store, document.id, "request-undone");
    return "request-undone";
  }
  if (document.state === "til_godkendelse") {
    if (!(await allKommunerApproved(store, document, version.indholdsHash))) return null;
    if (!(await markApprovedByAll(store, collab, document))) return null;
    await audit(store, document.id, "approved-by-all");
    return "approved-by-all";
  }
  return null;
}

function audit(store: Store, documentId: string, repair: Repair["repair"]): Promise<unknown> {
  return recordAudit(store, { actorUserId: null, documentId, event: "workflow.recovered", details: { repair } });
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
