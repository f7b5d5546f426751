/**
 * Open invitations can be managed (issue 17): a new link (tokens are stored hashed, so an old
 * link cannot be shown again; the new one voids it), and revocation. Both are audited.
 */
import type { Principal } from "../auth/principal.js";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors.js";
import type { DocumentRow, InvitationRow, Store } from "../storage/types.js";
import { issueInvitation, type InvitationIssued } from "./inviteMember.js";

const invitationNotOpen = () => new AppError(404, "invitation_not_open", "Invitationen er ikke længere åben (den er brugt, tilbagekaldt eller udløbet).");

async function openInvitationOf(store: Store, document: DocumentRow, invitationId: string): Promise<InvitationRow> {
  const invitation = await store.getInvitation(invitationId);
  if (!invitation || invitation.documentId !== document.id || invitation.usedAt || invitation.revokedAt || invitation.expiresAt <= new Date().toISOString())
    throw invitationNotOpen();
  return invitation;
}

/** Voids the open invitation and issues a new one for the same person and role. */
export async function renewInvitation(
  store: Store,
  input: { actor: Principal; document: DocumentRow; invitationId: string; linkShown: boolean },
): Promise<InvitationIssued> {
  const old = await openInvitationOf(store, input.document, input.invitationId);
  if (!(await store.revokeInvitation(old.id, new Date().toISOString()))) throw invitationNotOpen();
  return issueInvitation(
    store,
    { userId: old.userId, email: old.email, documentId: old.documentId, role: old.role, linkShown: input.linkShown },
    input.actor.user.id,
    "invitation.renewed",
  );
}

export async function revokeInvitation(store: Store, input: { actor: Principal; document: DocumentRow; invitationId: string }): Promise<void> {
  const invitation = await openInvitationOf(store, input.document, input.invitationId);
  if (!(await store.revokeInvitation(invitation.id, new Date().toISOString()))) throw invitationNotOpen();
  await recordAudit(store, {
    actorUserId: input.actor.user.id,
    documentId: input.document.id,
    event: "invitation.revoked",
    details: { invitationId: invitation.id, userId: invitation.userId, email: invitation.email },
  });
}
