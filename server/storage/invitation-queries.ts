/** Queries of invitations, for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import { MemberRole } from "../../shared/vocabulary.js";
import type { InvitationRow } from "./types.js";
import { decode } from "./decode.js";

type Db = Kysely<Tables>;

export function invitationFromRow(r: Tables["invitations"]): InvitationRow {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    email: r.email,
    userId: r.user_id,
    documentId: r.document_id,
    role: decode(MemberRole, r.role, "invitations.role"),
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    linkShown: Number(r.link_shown) === 1,
    revokedAt: r.revoked_at,
  };
}

export async function insertInvitation(db: Db, i: InvitationRow): Promise<void> {
  await db
    .insertInto("invitations")
    .values({
      id: i.id,
      token_hash: i.tokenHash,
      email: i.email,
      user_id: i.userId,
      document_id: i.documentId,
      role: i.role,
      created_by: i.createdBy,
      created_at: i.createdAt,
      expires_at: i.expiresAt,
      used_at: i.usedAt,
      link_shown: i.linkShown ? 1 : 0,
      revoked_at: i.revokedAt,
    })
    .execute();
}

export async function getInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const r = await db.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
  return r && invitationFromRow(r);
}

export async function listOpenInvitations(db: Db, documentId: string, now: string): Promise<InvitationRow[]> {
  const rows = await db
    .selectFrom("invitations")
    .selectAll()
    .where("document_id", "=", documentId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at")
    .execute();
  return rows.map(invitationFromRow);
}

export async function useInvitation(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ used_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function voidOpenInvitations(db: Db, userId: string, at: string): Promise<number> {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getInvitation(db: Db, id: string): Promise<InvitationRow | undefined> {
  const r = await db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirst();
  return r && invitationFromRow(r);
}

export async function getAcceptedInvitationOf(db: Db, userId: string): Promise<InvitationRow | undefined> {
  const r = await db
    .selectFrom("invitations")
    .selectAll()
    .where("user_id", "=", userId)
    .where("used_at", "is not", null)
    .where("revoked_at", "is", null)
    .orderBy("used_at")
    .executeTakeFirst();
  return r && invitationFromRow(r);
}

export async function revokeInvitation(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
