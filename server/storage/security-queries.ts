/** Queries of agency grants and seal signatures (issue 15), for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import type { AgencyGrantRow, SealSignatureRow } from "./types.js";

type Db = Kysely<Tables>;

export async function getAgencyGrant(db: Db, userId: string): Promise<AgencyGrantRow | undefined> {
  const r = await db.selectFrom("agency_grants").selectAll().where("user_id", "=", userId).executeTakeFirst();
  return r && { userId: r.user_id, grantedAt: r.granted_at, grantedBy: r.granted_by, revokedAt: r.revoked_at };
}

/** Grants (again): a revoked grant becomes active with the new time and operator. */
export async function putAgencyGrant(db: Db, grant: Omit<AgencyGrantRow, "revokedAt">): Promise<void> {
  const row = { user_id: grant.userId, granted_at: grant.grantedAt, granted_by: grant.grantedBy, revoked_at: null };
  await db
    .insertInto("agency_grants")
    .values(row)
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ granted_at: row.granted_at, granted_by: row.granted_by, revoked_at: null }))
    .execute();
}

/** Returns true if an active grant was revoked. */
export async function revokeAgencyGrant(db: Db, userId: string, at: string): Promise<boolean> {
  const r = await db.updateTable("agency_grants").set({ revoked_at: at }).where("user_id", "=", userId).where("revoked_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Stores a seal's signed statement once; a second signature for the same seal is ignored. */
export async function putSealSignature(db: Db, row: SealSignatureRow): Promise<void> {
  await db
    .insertInto("seal_signatures")
    .values({ document_id: row.documentId, statement_json: row.statementJson, signature: row.signature, key_id: row.keyId })
    .onConflict((oc) => oc.column("document_id").doNothing())
    .execute();
}

export async function getSealSignature(db: Db, documentId: string): Promise<SealSignatureRow | undefined> {
  const r = await db.selectFrom("seal_signatures").selectAll().where("document_id", "=", documentId).executeTakeFirst();
  return r && { documentId: r.document_id, statementJson: r.statement_json, signature: r.signature, keyId: r.key_id };
}
