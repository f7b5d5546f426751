/**
 * Agency access, given and taken back by an operator (issue 15, item 1): a person of Social- og
 * Boligstyrelsen reads every region's reply only while a grant is active. Never through the app:
 * a region's coordinator cannot create an account that reads other regions.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Store, UserRow } from "../storage/types.js";
import { hashPassword } from "../auth/passwords.js";
import { recordAudit } from "../audit/record.js";
import { AGENCY_ORGANISATION_ID } from "../seed/demo.js";
import { normaliseEmail } from "../auth/login-limit.js";

export type GrantResult = { user: UserRow; createdWithPassword: string | null };

/** Grants read access to every reply; creates the agency account (with a one-time password) if needed. */
export async function grantAgencyAccess(store: Store, input: { email: string; name: string; operator: string }): Promise<GrantResult> {
  const email = normaliseEmail(input.email);
  let user = await store.getUserByEmail(email);
  let createdWithPassword: string | null = null;
  if (user && user.organisationId !== AGENCY_ORGANISATION_ID)
    throw new Error(`${email} belongs to another organisation; agency access is for Social- og Boligstyrelsen only`);
  if (!user) {
    createdWithPassword = randomBytes(12).toString("base64url");
    user = {
      id: randomUUID(),
      email,
      name: input.name,
      organisationId: AGENCY_ORGANISATION_ID,
      passwordHash: await hashPassword(createdWithPassword),
      createdAt: new Date().toISOString(),
    };
    await store.insertUser(user);
  }
  const at = new Date().toISOString();
  await store.putAgencyGrant({ userId: user.id, grantedAt: at, grantedBy: input.operator });
  await recordAudit(store, { actorUserId: null, event: "agency.granted", details: { userId: user.id, email, operator: input.operator } });
  return { user, createdWithPassword };
}

/** Revokes the grant and every session of the person: their pages and sockets lose access at once. */
export async function revokeAgencyAccess(store: Store, input: { email: string; operator: string }): Promise<{ revoked: boolean; sessions: string[] }> {
  const user = await store.getUserByEmail(normaliseEmail(input.email));
  if (!user) return { revoked: false, sessions: [] };
  const at = new Date().toISOString();
  const revoked = await store.revokeAgencyGrant(user.id, at);
  const sessions = await store.revokeUserSessions(user.id, at);
  await recordAudit(store, { actorUserId: null, event: "agency.revoked", details: { userId: user.id, operator: input.operator, sessions: sessions.length } });
  return { revoked, sessions };
}
