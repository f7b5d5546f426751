/**
 * The invited person sets a password from the single-use link: the invitation is consumed
 * atomically (a second use fails even when both arrive together), the password is checked
 * against the policy first, the membership is created and a session starts.
 */
import type { Store, InvitationRow } from "../storage/types.js";
import { hashPassword } from "../auth/passwords.js";
import { checkPassword } from "../auth/password-policy.js";
import { hashToken } from "../auth/sessions.js";
import { recordAudit } from "../audit/record.js";
import { AppError } from "../errors.js";

export const invitationGone = () => new AppError(410, "invitation_gone", "Invitationen er udløbet eller allerede brugt. Bed koordinatoren om en ny.");

/** The invitation of a token if it can still be used. */
export async function openInvitation(store: Store, token: string, now = new Date()): Promise<InvitationRow> {
  const invitation = await store.getInvitationByTokenHash(hashToken(token));
  if (!invitation || invitation.usedAt !== null || invitation.revokedAt !== null || invitation.expiresAt <= now.toISOString()) throw invitationGone();
  return invitation;
}

export async function acceptInvitation(store: Store, input: { token: string; password: string }): Promise<{ userId: string; documentId: string }> {
  const invitation = await openInvitation(store, input.token);
  // An invitation only ever sets the first password: an active account is never re-passworded
  // through a link (a second link, or one the inviter kept, would otherwise take it over).
  const user = await store.getUser(invitation.userId);
  if (!user || user.passwordHash !== null) {
    await store.voidOpenInvitations(invitation.userId, new Date().toISOString());
    throw new AppError(410, "account_active", "Kontoen er allerede aktiv. Log ind med din adgangskode.");
  }
  const refusal = await checkPassword(input.password, invitation.email);
  if (refusal) throw new AppError(400, "weak_password", refusal);
  const passwordHash = await hashPassword(input.password);
  const at = new Date().toISOString();
  if (!(await store.useInvitation(invitation.id, at))) throw invitationGone();
  // One link per person: accepting one voids the others.
  await store.voidOpenInvitations(invitation.userId, at);
  await store.setUserPassword(invitation.userId, passwordHash);
  await store.upsertMembership({ documentId: invitation.documentId, userId: invitation.userId, role: invitation.role });
  await recordAudit(store, {
    actorUserId: invitation.userId,
    documentId: invitation.documentId,
    event: "invitation.accepted",
    details: { role: invitation.role },
  });
  return { userId: invitation.userId, documentId: invitation.documentId };
}
