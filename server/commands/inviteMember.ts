/**
 * A coordinator invites a person to the region's reply with a role. A new person gets an account
 * without a password and a single-use invitation link (valid INVITATION_TTL_DAYS); a person who
 * already has an account in the same organisation is added at once.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Principal } from "../auth/principal.js";
import { hashToken } from "../auth/sessions.js";
import { recordAudit } from "../audit/record.js";
import { AppError, conflict } from "../errors.js";
import type { DocumentRole, DocumentRow, OrganisationRow, Store } from "../storage/types.js";

export const INVITATION_TTL_DAYS = 7;

/** Which organisations may hold which role (a kommune approves; only editors edit). */
export function roleFitsOrganisation(role: DocumentRole, organisation: OrganisationRow): boolean {
  switch (role) {
    case "redaktoer":
      return organisation.kind === "kommune";
    case "koordinator":
      return organisation.kind === "sekretariat";
    default:
      return true;
  }
}

export interface InviteMemberInput {
  inviter: Principal; // a koordinator of `document` (checked by the route)
  document: DocumentRow;
  email: string; // lower-cased
  name: string;
  organisationId: string; // an organisation of the document's region (never the agency: see scripts/agency.ts)
  role: DocumentRole;
}

export async function inviteMember(store: Store, input: InviteMemberInput): Promise<{ token: string | null; expiresAt: string | null }> {
  const organisation = await store.getOrganisation(input.organisationId);
  // Only the region's own organisations: agency access is granted by an operator, never through
  // an invitation (a coordinator could otherwise make an account that reads every region).
  if (!organisation || organisation.regionId !== input.document.regionId) {
    throw new AppError(400, "bad_organisation", "Der kan kun inviteres personer fra regionens egne organisationer.");
  }
  if (!roleFitsOrganisation(input.role, organisation)) {
    throw new AppError(400, "bad_role", "Rollen passer ikke til organisationen (kun kommuner kan være redaktører, kun sekretariatet koordinator).");
  }
  const now = new Date();
  let user = await store.getUserByEmail(input.email);
  if (user && user.organisationId !== organisation.id) throw conflict("other_organisation", "Personen er oprettet i en anden organisation.");
  if (!user) {
    user = { id: randomUUID(), email: input.email, name: input.name, organisationId: organisation.id, passwordHash: null, createdAt: now.toISOString() };
    await store.insertUser(user);
  }
  const audit = { actorUserId: input.inviter.user.id, documentId: input.document.id };
  if (user.passwordHash) {
    await store.upsertMembership({ documentId: input.document.id, userId: user.id, role: input.role });
    await recordAudit(store, { ...audit, event: "member.added", details: { userId: user.id, role: input.role } });
    return { token: null, expiresAt: null };
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000).toISOString();
  await store.insertInvitation({
    id: randomUUID(),
    tokenHash: hashToken(token),
    email: user.email,
    userId: user.id,
    documentId: input.document.id,
    role: input.role,
    createdBy: input.inviter.user.id,
    createdAt: now.toISOString(),
    expiresAt,
    usedAt: null,
    linkShown: true,
    revokedAt: null,
  });
  await recordAudit(store, { ...audit, event: "invitation.created", details: { userId: user.id, email: user.email, role: input.role, expiresAt } });
  return { token, expiresAt };
}
