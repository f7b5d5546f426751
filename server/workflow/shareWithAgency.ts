/**
 * "Del udkastet med styrelsen" (issue 18, item 6): before submission the agency sees only the
 * reply's state, completeness and deadline; the coordinator may let it read the draft early, and
 * take that back. Audited, in one transaction with the change. Taking it back closes the agency's
 * open sockets on the reply at once, on every instance.
 */
import type { Principal } from "../auth/principal.js";
import { auditEvent } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import { conflict } from "../errors.js";
import type { DocumentRow, Store } from "../storage/types.js";

export async function shareWithAgency(store: Store, collab: CollabService, input: { actor: Principal; document: DocumentRow; shared: boolean }): Promise<void> {
  const { document, actor, shared } = input;
  if (document.state === "indsendt") throw conflict("wrong_state", "Svaret er indsendt, så styrelsen kan allerede læse det.");
  await store.commitTransition({
    documentId: document.id,
    at: new Date().toISOString(),
    agencySharing: shared,
    audit: [auditEvent({ actorUserId: actor.user.id, documentId: document.id, event: shared ? "agency.draft_shared" : "agency.draft_unshared", details: {} })],
  });
  if (!shared) collab.revokeRole(document.id, "styrelse");
  // The approval panel, where the switch is, reloads the workflow status on this event.
  collab.broadcastEvent(document.id, { type: "approvals" });
}
