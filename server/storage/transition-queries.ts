/**
 * One workflow step, with everything that belongs to it, in one transaction (issue 16): a reply it
 * creates with its people, the compare-and-set of the state, sharing with the agency, the approvals it discards, the workflow row, the versions it
 * records, an approval, the seal with its signature, and the audit events that describe it. A
 * crash leaves all of it or none of it. The audit events are appended last, because the audit
 * head is the one row every step shares: taking it last keeps PostgreSQL's row locks in one order.
 */
import type { Kysely } from "kysely";
import type { Dialect, Tables } from "./schema.js";
import type { ApprovalRow, MembershipRow, NewDocument, SealRow, SealSignatureRow, VersionRow, WorkflowRow, WorkflowState } from "./types.js";
import { appendAuditIn, type AuditInput } from "./audit-queries.js";
import { discardApprovals, getWorkflow, insertApproval, insertSeal, insertVersion, saveWorkflow, transitionState } from "./workflow-queries.js";
import { putSealSignature } from "./security-queries.js";
import { insertDocument, setAgencySharing, upsertMembership } from "./document-queries.js";

export interface Transition {
  documentId: string;
  at: string;
  /** A new reply (a supplerende svar) and its people, created with the step; `document.id` is `documentId`. */
  create?: { document: NewDocument; memberships: MembershipRow[] };
  /** Compare-and-set of the state; without it the state is left as it is. */
  state?: { from: WorkflowState[]; to: WorkflowState };
  /** Discard every valid approval (they were given to a text that will change). */
  discardApprovals?: boolean;
  /** Share the draft with the agency, or stop sharing it. */
  agencySharing?: boolean;
  /** Fields of the workflow row to set. */
  workflow?: Partial<Pick<WorkflowRow, "frozenVersionId" | "acknowledgedWarnings">>;
  versions?: VersionRow[];
  /** A unique violation (the kommune has approved already) rolls the step back and is thrown. */
  approval?: ApprovalRow;
  /** A unique violation (already sealed) rolls the step back and is thrown. */
  seal?: { seal: SealRow; signature: SealSignatureRow };
  /** The events that record the step; a function when they name how many approvals were discarded. */
  audit: AuditInput[] | ((outcome: { discarded: number }) => AuditInput[]);
}

/** "committed: false" when the state was not one of `state.from`: nothing was written. */
export interface TransitionOutcome {
  committed: boolean;
  discarded: number;
}

class StateMoved extends Error {}

export async function commitTransition(db: Kysely<Tables>, dialect: Dialect, t: Transition): Promise<TransitionOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      if (t.create) {
        await insertDocument(tx, t.create.document);
        for (const m of t.create.memberships) await upsertMembership(tx, m);
      }
      if (t.state && !(await transitionState(tx, t.documentId, t.state.from, t.state.to, t.at))) throw new StateMoved();
      if (t.agencySharing !== undefined) await setAgencySharing(tx, t.documentId, t.agencySharing);
      const discarded = t.discardApprovals ? await discardApprovals(tx, t.documentId, t.at) : 0;
      if (t.workflow) await saveWorkflow(tx, { ...(await getWorkflow(tx, t.documentId)), ...t.workflow, updatedAt: t.at });
      for (const version of t.versions ?? []) await insertVersion(tx, version);
      if (t.approval) await insertApproval(tx, t.approval);
      if (t.seal) {
        await insertSeal(tx, t.seal.seal);
        await putSealSignature(tx, t.seal.signature);
      }
      for (const entry of typeof t.audit === "function" ? t.audit({ discarded }) : t.audit) await appendAuditIn(tx, dialect, entry);
      return { committed: true, discarded };
    });
  } catch (error) {
    if (error instanceof StateMoved) return { committed: false, discarded: 0 };
    throw error;
  }
}
