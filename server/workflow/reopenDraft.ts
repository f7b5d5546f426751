/**
 * Back to udkast (from til_godkendelse or godkendt) with a written reason. All approvals are
 * discarded: they were given to a text that will now change. One transaction: the state, the
 * discarded approvals, the cleared workflow row, the version and the audit event.
 */
import type { Principal } from "../auth/principal.js";
import { auditEvent } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import { conflict } from "../errors.js";
import type { DocumentRow, Store } from "../storage/types.js";
import { buildVersion } from "./versions.js";

export async function reopenDraft(store: Store, collab: CollabService, input: { actor: Principal; document: DocumentRow; reason: string }): Promise<void> {
  const { document, actor } = input;
  // The text is frozen until the step commits, so the version built now is the text reopened.
  const version = await buildVersion(collab, document, `Tilbage til udkast: ${input.reason}`, "auto", actor.user.id);
  const { committed } = await store.commitTransition({
    documentId: document.id,
    at: new Date().toISOString(),
    state: { from: ["til_godkendelse", "godkendt"], to: "udkast" },
    discardApprovals: true,
    workflow: { frozenVersionId: null, acknowledgedWarnings: [] },
    versions: [version],
    audit: ({ discarded }) => [
      auditEvent({
        actorUserId: actor.user.id,
        documentId: document.id,
        event: "workflow.reopened",
        details: { reason: input.reason, discardedApprovals: discarded },
      }),
    ],
  });
  if (!committed) throw conflict("wrong_state", "Kun et svar, der er til godkendelse eller godkendt, kan sendes tilbage til udkast.");
  collab.setWorkflowState(document.id, "udkast");
}
