/**
 * A coordinator changes a member's role, or removes the member (role null). The change is
 * stored, audited, and applied at once to the member's open connections (downgraded or closed).
 */
import type { Principal } from "../auth/principal.js";
import { recordAudit } from "../audit/record.js";
import type { CollabService } from "../collab/service.js";
import { AppError, notFound } from "../errors.js";
import type { MemberRole, DocumentRow, Store } from "../storage/types.js";
import { roleFitsOrganisation } from "./inviteMember.js";

export interface ChangeMemberRoleInput {
  actor: Principal; // a koordinator of `document`
  document: DocumentRow;
  userId: string;
  role: MemberRole | null; // null removes the member
}

export async function changeMemberRole(store: Store, collab: CollabService, input: ChangeMemberRoleInput): Promise<void> {
  if (input.userId === input.actor.user.id) throw new AppError(400, "own_role", "Du kan ikke ændre din egen rolle.");
  const membership = await store.getMembership(input.document.id, input.userId);
  if (!membership) throw notFound("Personen er ikke med i svaret.");
  const user = await store.getUser(input.userId);
  const organisation = user && (await store.getOrganisation(user.organisationId));
  if (input.role && organisation && !roleFitsOrganisation(input.role, organisation)) {
    throw new AppError(400, "bad_role", "Rollen passer ikke til personens organisation.");
  }
  if (input.role === null) await store.removeMembership(input.document.id, input.userId);
  else await store.upsertMembership({ documentId: input.document.id, userId: input.userId, role: input.role });
  collab.setRole(input.document.id, input.userId, input.role);
  await recordAudit(store, {
    actorUserId: input.actor.user.id,
    documentId: input.document.id,
    event: input.role === null ? "member.removed" : "role.changed",
    details: { userId: input.userId, from: membership.role, to: input.role },
  });
}
