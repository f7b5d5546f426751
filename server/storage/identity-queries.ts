/** Queries of single sign-on (issue 17): linked identities and sign-ins in progress, for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import type { IdentityRow, OidcPendingRow } from "./types.js";

type Db = Kysely<Tables>;

export async function getIdentity(db: Db, provider: string, subject: string): Promise<IdentityRow | undefined> {
  const r = await db.selectFrom("user_identities").selectAll().where("provider", "=", provider).where("subject", "=", subject).executeTakeFirst();
  return r && { provider: r.provider, subject: r.subject, userId: r.user_id, createdAt: r.created_at };
}

export async function listIdentitiesOfUser(db: Db, userId: string): Promise<IdentityRow[]> {
  const rows = await db.selectFrom("user_identities").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
  return rows.map((r) => ({ provider: r.provider, subject: r.subject, userId: r.user_id, createdAt: r.created_at }));
}

export async function insertIdentity(db: Db, row: IdentityRow): Promise<void> {
  await db.insertInto("user_identities").values({ provider: row.provider, subject: row.subject, user_id: row.userId, created_at: row.createdAt }).execute();
}

export async function putOidcPending(db: Db, row: OidcPendingRow): Promise<void> {
  // Sign-ins abandoned at the provider are cleaned up by the next one.
  await db.deleteFrom("oidc_pending").where("expires_at", "<=", new Date().toISOString()).execute();
  await db
    .insertInto("oidc_pending")
    .values({
      state_hash: row.stateHash,
      provider: row.provider,
      code_verifier: row.codeVerifier,
      nonce: row.nonce,
      return_to: row.returnTo,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Returns the sign-in in progress and deletes it in one step: a state can be used once. */
export async function takeOidcPending(db: Db, stateHash: string): Promise<OidcPendingRow | undefined> {
  return db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom("oidc_pending").selectAll().where("state_hash", "=", stateHash).executeTakeFirst();
    if (!r) return undefined;
    const deleted = await tx.deleteFrom("oidc_pending").where("state_hash", "=", stateHash).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return undefined;
    return { stateHash: r.state_hash, provider: r.provider, codeVerifier: r.code_verifier, nonce: r.nonce, returnTo: r.return_to, expiresAt: r.expires_at };
  });
}
