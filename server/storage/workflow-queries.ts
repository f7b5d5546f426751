/** Queries of the workflow tables (versions, approvals, seals, refused changes), for KyselyStore. */
import { sql, type Kysely } from "kysely";
import type { Dialect, Tables } from "./schema.js";
import { decode, decodeJson, StringList } from "./decode.js";
import { VersionKind } from "../../shared/vocabulary.js";
import { Decision } from "../../shared/validation/decision.js";
import type { ApprovalRow, RejectedUpdateRow, SealRow, VersionRow, VersionSummary, WorkflowRow, WorkflowState } from "./types.js";

type Db = Kysely<Tables>;
const bytes = (b: Uint8Array) => (b.constructor === Uint8Array ? b : new Uint8Array(b));

export async function transitionState(db: Db, documentId: string, from: WorkflowState[], to: WorkflowState, at: string): Promise<boolean> {
  const r = await db.updateTable("documents").set({ state: to, updated_at: at }).where("id", "=", documentId).where("state", "in", from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getWorkflow(db: Db, documentId: string): Promise<WorkflowRow> {
  const r = await db.selectFrom("workflow").selectAll().where("document_id", "=", documentId).executeTakeFirst();
  if (!r) return { documentId, frozenVersionId: null, acknowledgedWarnings: [], internalDeadline: null, updatedAt: new Date(0).toISOString() };
  return {
    documentId,
    frozenVersionId: r.frozen_version_id,
    acknowledgedWarnings: r.acknowledged_warnings ? decodeJson(StringList, r.acknowledged_warnings, "workflow.acknowledged_warnings") : [],
    internalDeadline: r.internal_deadline,
    updatedAt: r.updated_at,
  };
}

export async function saveWorkflow(db: Db, w: WorkflowRow): Promise<void> {
  const row = {
    document_id: w.documentId,
    frozen_version_id: w.frozenVersionId,
    acknowledged_warnings: JSON.stringify(w.acknowledgedWarnings),
    internal_deadline: w.internalDeadline,
    updated_at: w.updatedAt,
  };
  await db
    .insertInto("workflow")
    .values(row)
    .onConflict((oc) =>
      oc.column("document_id").doUpdateSet({
        frozen_version_id: row.frozen_version_id,
        acknowledged_warnings: row.acknowledged_warnings,
        internal_deadline: row.internal_deadline,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function insertVersion(db: Db, v: VersionRow): Promise<void> {
  await db
    .insertInto("document_versions")
    .values({
      id: v.id,
      document_id: v.documentId,
      name: v.name,
      kind: v.kind,
      created_by: v.createdBy,
      created_at: v.createdAt,
      state_update: v.stateUpdate,
      content_json: v.contentJson,
      content_hash: v.indholdsHash,
    })
    .execute();
}

export async function getVersion(db: Db, id: string): Promise<VersionRow | undefined> {
  const r = await db.selectFrom("document_versions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    documentId: r.document_id,
    name: r.name,
    kind: decode(VersionKind, r.kind, "document_versions.kind"),
    createdBy: r.created_by,
    createdAt: r.created_at,
    stateUpdate: bytes(r.state_update),
    contentJson: r.content_json,
    indholdsHash: r.content_hash,
  };
}

export async function listVersions(db: Db, documentId: string): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom("document_versions")
    .select(["id", "document_id", "name", "kind", "created_by", "created_at", "content_hash"])
    .where("document_id", "=", documentId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    name: r.name,
    kind: decode(VersionKind, r.kind, "document_versions.kind"),
    createdBy: r.created_by,
    createdAt: r.created_at,
    indholdsHash: r.content_hash,
  }));
}

export async function insertApproval(db: Db, a: ApprovalRow): Promise<void> {
  await db
    .insertInto("approvals")
    .values({
      id: a.id,
      document_id: a.documentId,
      kommunekode: a.kommunekode,
      user_id: a.userId,
      created_at: a.createdAt,
      grundlag: a.grundlag,
      content_hash: a.indholdsHash,
      discarded_at: a.discardedAt,
      flag: a.flag,
      decision_json: a.decision ? JSON.stringify(a.decision) : null,
    })
    .execute();
}

export async function listApprovals(db: Db, documentId: string): Promise<ApprovalRow[]> {
  const rows = await db
    .selectFrom("approvals")
    .selectAll()
    .where("document_id", "=", documentId)
    .where("discarded_at", "is", null)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    kommunekode: r.kommunekode,
    userId: r.user_id,
    createdAt: r.created_at,
    grundlag: r.grundlag,
    indholdsHash: r.content_hash,
    discardedAt: r.discarded_at,
    flag: r.flag,
    decision: r.decision_json ? decodeJson(Decision, r.decision_json, "approvals.decision_json") : null,
  }));
}

export async function discardApprovals(db: Db, documentId: string, at: string): Promise<number> {
  const r = await db
    .updateTable("approvals")
    .set({ discarded_at: at })
    .where("document_id", "=", documentId)
    .where("discarded_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertSeal(db: Db, s: SealRow): Promise<void> {
  await db
    .insertInto("seals")
    .values({
      document_id: s.documentId,
      record_json: s.recordJson,
      content_hash: s.indholdsHash,
      seal_hash: s.forseglingsHash,
      sealed_at: s.sealedAt,
      pdf: s.pdf,
      docx: s.docx,
    })
    .execute();
}

export async function getSeal(db: Db, documentId: string): Promise<SealRow | undefined> {
  const r = await db.selectFrom("seals").selectAll().where("document_id", "=", documentId).executeTakeFirst();
  return (
    r && {
      documentId,
      recordJson: r.record_json,
      indholdsHash: r.content_hash,
      forseglingsHash: r.seal_hash,
      sealedAt: r.sealed_at,
      pdf: bytes(r.pdf),
      docx: bytes(r.docx),
    }
  );
}

export async function insertRejectedUpdate(db: Db, r: RejectedUpdateRow): Promise<void> {
  await db
    .insertInto("rejected_updates")
    .values({ id: r.id, document_id: r.documentId, user_id: r.userId, created_at: r.createdAt, reason: r.reason, data: r.data })
    .execute();
}

export async function listRejectedUpdates(db: Db, documentId: string, userId: string): Promise<RejectedUpdateRow[]> {
  const rows = await db
    .selectFrom("rejected_updates")
    .selectAll()
    .where("document_id", "=", documentId)
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    userId: r.user_id,
    createdAt: r.created_at,
    reason: r.reason as "frozen",
    data: bytes(r.data),
  }));
}

/** How many refused updates are kept for a document (or one person of it), and their bytes. */
export async function rejectedUsage(db: Db, dialect: Dialect, documentId: string, userId: string | null): Promise<{ count: number; bytes: number }> {
  const size = dialect === "sqlite" ? sql<number>`coalesce(sum(length(data)), 0)` : sql<number>`coalesce(sum(octet_length(data)), 0)`;
  let query = db
    .selectFrom("rejected_updates")
    .select([sql<number>`count(*)`.as("count"), size.as("bytes")])
    .where("document_id", "=", documentId);
  if (userId !== null) query = query.where("user_id", "=", userId);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.count), bytes: Number(row.bytes) };
}
