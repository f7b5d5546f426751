/**
 * A coordinator invites a person to the region's reply with a role. A new person gets an account
 * without a password and a single-use invitation link (valid INVITATION_TTL_DAYS), which goes to
 * them by mail; a person who already has an account in the same organisation is added at once.
 *
 * A kommune's consent (issue 15, item 3): where the kommune's e-mail domains are configured, the
 * address must be in one of them, and with a mail server the link goes only to that address, never
 * to the inviter. Without one (the demo) the inviter sees the link; the invitation remembers that,
 * and approvals from such an account are flagged in the seal.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Principal } from "../auth/principal.js";
import { hashToken } from "../auth/sessions.js";
import { recordAudit } from "../audit/record.js";
import { AppError, conflict } from "../errors.js";
import type { MemberRole, DocumentRow, InvitationRow, OrganisationRow, Store } from "../storage/types.js";
import { roleFitsKind } from "../../shared/policy.js";

export const INVITATION_TTL_DAYS = 7;

/** Which organisations may hold which role (shared/policy.ts). */
export function roleFitsOrganisation(role: MemberRole, organisation: OrganisationRow): boolean {
  return roleFitsKind(role, organisation.kind);
}

export interface InviteMemberInput {
  inviter: Principal; // a koordinator of `document` (checked by the route)
  document: DocumentRow;
  email: string; // lower-cased
  name: string;
  organisationId: string; // an organisation of the document's region (never the agency: see scripts/agency.ts)
  role: MemberRole;
  /** Whether the inviter is shown the link (no mail server) or it goes only by mail. */
  linkShown: boolean;
  /** The configured e-mail domains per organisation (ORGANISATION_EMAIL_DOMAINS). */
  emailDomains?: Record<string, string[]> | undefined;
  /** The organisation signs in only through single sign-on: no password link, the person is added at once. */
  ssoOnly?: boolean;
}

export interface InvitationIssued {
  invitation: InvitationRow;
  token: string;
}

export async function inviteMember(store: Store, input: InviteMemberInput): Promise<InvitationIssued | null> {
  const organisation = await store.getOrganisation(input.organisationId);
  // Only the region's own organisations: agency access is granted by an operator, never through
  // an invitation (a coordinator could otherwise make an account that reads every region).
  if (!organisation || organisation.regionId !== input.document.regionId) {
    throw new AppError(400, "bad_organisation", "Der kan kun inviteres personer fra regionens egne organisationer.");
  }
  if (!roleFitsOrganisation(input.role, organisation)) {
    throw new AppError(400, "bad_role", "Rollen passer ikke til organisationen (kun kommuner kan være redaktører, kun sekretariatet koordinator).");
  }
  const domains = input.emailDomains?.[organisation.id];
  if (domains && !domains.includes(input.email.split("@")[1] ?? "")) {
    throw new AppError(
      400,
      "bad_email_domain",
      `${organisation.name} bruger e-mailadresser på ${domains.join(" eller ")}. Invitationen skal sendes til en adresse der.`,
    );
  }
  const now = new Date();
  let user = await store.getUserByEmail(input.email);
  if (user && user.organisationId !== organisation.id) throw conflict("other_organisation", "Personen er oprettet i en anden organisation.");
  if (!user) {
    user = { id: randomUUID(), email: input.email, name: input.name, organisationId: organisation.id, passwordHash: null, createdAt: now.toISOString() };
    await store.insertUser(user);
  }
  // Someone who can sign in already (a password, or single sign-on) is added at once; so is anyone
  // of an SSO-only organisation, who will sign in through it (matched by the verified e-mail).
  if (user.passwordHash || input.ssoOnly || (await store.listIdentitiesOfUser(user.id)).length > 0) {
    await store.upsertMembership({ documentId: input.document.id, userId: user.id, role: input.role });
    await recordAudit(store, {
      actorUserId: input.inviter.user.id,
      documentId: input.document.id,
      event: "member.added",
      details: { userId: user.id, role: input.role },
    });
    return null;
  }
  return issueInvitation(
    store,
    { userId: user.id, email: user.email, documentId: input.document.id, role: input.role, linkShown: input.linkShown },
    input.inviter.user.id,
    "invitation.created",
  );
}

/** A new single-use link for a person without a password; the token exists only in the returned link. */
export async function issueInvitation(
  store: Store,
  who: Pick<InvitationRow, "userId" | "email" | "documentId" | "role" | "linkShown">,
  actorUserId: string,
  event: "invitation.created" | "invitation.renewed",
): Promise<InvitationIssued> {
  const now = new Date();
  const token = randomBytes(32).toString("base64url");
  const invitation: InvitationRow = {
    id: randomUUID(),
    tokenHash: hashToken(token),
    ...who,
    createdBy: actorUserId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000).toISOString(),
    usedAt: null,
    revokedAt: null,
  };
  await store.insertInvitation(invitation);
  await recordAudit(store, {
    actorUserId,
    documentId: who.documentId,
    event,
    details: { invitationId: invitation.id, userId: who.userId, email: who.email, role: who.role, expiresAt: invitation.expiresAt, linkShown: who.linkShown },
  });
  return { invitation, token };
}
