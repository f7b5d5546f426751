/** Queries of documents and memberships, for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import { MemberRole, WorkflowState } from "../../shared/vocabulary.js";
import type { DocumentRow, MembershipRow, NewDocument } from "./types.js";
import { decode } from "./decode.js";

type Db = Kysely<Tables>;

export function documentFromRow(r: Tables["documents"]): DocumentRow {
  return {
    id: r.id,
    regionId: r.region_id,
    title: r.title,
    templateId: r.template_id,
    templateVersion: Number(r.template_version),
    state: decode(WorkflowState, r.state, "documents.state"),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sharedWithAgency: Number(r.shared_with_agency ?? 0) === 1,
    supplementsDocumentId: r.supplements_document_id ?? null,
  };
}

export function membershipFromRow(r: Tables["memberships"]): MembershipRow {
  return { documentId: r.document_id, userId: r.user_id, role: decode(MemberRole, r.role, "memberships.role") };
}

export async function insertDocument(db: Db, d: NewDocument): Promise<void> {
  await db
    .insertInto("documents")
    .values({
      id: d.id,
      region_id: d.regionId,
      title: d.title,
      template_id: d.templateId,
      template_version: d.templateVersion,
      state: d.state,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
      supplements_document_id: d.supplementsDocumentId ?? null,
    })
    .execute();
}

export async function getDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const r = await db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
  return r && documentFromRow(r);
}

export async function listDocuments(db: Db): Promise<DocumentRow[]> {
  return (await db.selectFrom("documents").selectAll().orderBy("title").execute()).map(documentFromRow);
}

export async function setAgencySharing(db: Db, id: string, shared: boolean): Promise<void> {
  await db
    .updateTable("documents")
    .set({ shared_with_agency: shared ? 1 : 0 })
    .where("id", "=", id)
    .execute();
}

export async function setDocumentState(db: Db, id: string, state: WorkflowState, at: string): Promise<void> {
  await db.updateTable("documents").set({ state, updated_at: at }).where("id", "=", id).execute();
}

export async function upsertMembership(db: Db, m: MembershipRow): Promise<void> {
  await db
    .insertInto("memberships")
    .values({ document_id: m.documentId, user_id: m.userId, role: m.role })
    .onConflict((oc) => oc.columns(["document_id", "user_id"]).doUpdateSet({ role: m.role }))
    .execute();
}

export async function removeMembership(db: Db, documentId: string, userId: string): Promise<void> {
  await db.deleteFrom("memberships").where("document_id", "=", documentId).where("user_id", "=", userId).execute();
}

export async function getMembership(db: Db, documentId: string, userId: string): Promise<MembershipRow | undefined> {
  const r = await db.selectFrom("memberships").selectAll().where("document_id", "=", documentId).where("user_id", "=", userId).executeTakeFirst();
  return r && membershipFromRow(r);
}

export async function listMemberships(db: Db, documentId: string): Promise<MembershipRow[]> {
  return (await db.selectFrom("memberships").selectAll().where("document_id", "=", documentId).execute()).map(membershipFromRow);
}

export async function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipRow[]> {
  return (await db.selectFrom("memberships").selectAll().where("user_id", "=", userId).execute()).map(membershipFromRow);
}
