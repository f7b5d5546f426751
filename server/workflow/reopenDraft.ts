/**
 * Back to udkast (from til_godkendelse or godkendt) with a written reason. All approvals are
 * discarded: they were given to a text that will now change.
 */
import type { Principal } from "../auth/principal.js";
import { recordAudit } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import { conflict } from "../errors.js";
import type { DocumentRow, Store } from "../storage/types.js";
import { createVersion } from "./versions.js";

export async function reopenDraft(store: Store, collab: CollabService, input: { actor: Principal; document: DocumentRow; reason: string }): Promise<void> {
  const { document } = input;
  const now = new Date().toISOString();
  if (!(await store.transitionState(document.id, ["til_godkendelse", "godkendt"], "udkast", now))) {
    throw conflict("wrong_state", "Kun et svar, der er til godkendelse eller godkendt, kan sendes tilbage til udkast.");
  }
  const discarded = await store.discardApprovals(document.id, now);
  const workflow = await store.getWorkflow(document.id);
  await store.saveWorkflow({ ...workflow, frozenVersionId: null, acknowledgedWarnings: [], updatedAt: now });
  await createVersion(store, collab, document, `Tilbage til udkast: ${input.reason}`, "auto", input.actor.user.id);
  collab.setWorkflowState(document.id, "udkast");
  await recordAudit(store, {
    actorUserId: input.actor.user.id,
    documentId: document.id,
    event: "workflow.reopened",
    details: { reason: input.reason, discardedApprovals: discarded },
  });
}
