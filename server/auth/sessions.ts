/**
 * Server-side sessions. The cookie holds a random token; the database holds only its SHA-256,
 * so a leaked database does not hand out sessions.
 */
import { createHash, randomBytes } from "node:crypto";
import type { OrganisationRow, SessionRow, Store } from "../storage/types.js";
import type { Principal } from "./principal.js";

export function sessionCookieName(https: boolean): string {
  return https ? "__Host-rs_session" : "rs_session";
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  store: Store,
  userId: string,
  ttlHours: number,
  now = new Date(),
  sso: SessionRow["sso"] = null,
): Promise<{ token: string; sessionId: string }> {
  const token = randomBytes(32).toString("base64url");
  const sessionId = hashToken(token);
  await store.insertSession({
    id: sessionId,
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlHours * 3600_000).toISOString(),
    revokedAt: null,
    sso,
  });
  return { token, sessionId };
}

/** Read every region's replies: a person of the agency whose grant an operator has not revoked. */
export async function hasAgencyAccess(store: Store, organisation: OrganisationRow, userId: string): Promise<boolean> {
  if (organisation.kind !== "styrelse") return false;
  const grant = await store.getAgencyGrant(userId);
  return grant !== undefined && grant.revokedAt === null;
}

/** The principal of a session token, or null if the token is unknown, revoked or expired. */
export async function principalFromToken(store: Store, token: string | undefined, now = new Date()): Promise<Principal | null> {
  if (!token || token.length > 200) return null;
  const session = await store.getSession(hashToken(token));
  if (!session || session.revokedAt !== null || session.expiresAt <= now.toISOString()) return null;
  const user = await store.getUser(session.userId);
  if (!user) return null;
  const organisation = await store.getOrganisation(user.organisationId);
  if (!organisation) return null;
  return { user, organisation, sessionId: session.id, agencyAccess: await hasAgencyAccess(store, organisation, user.id) };
}
