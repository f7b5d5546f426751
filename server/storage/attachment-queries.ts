/** Queries of the bilag files (issue 18), for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import type { AttachmentRow, AttachmentSummary } from "./types.js";
import { decode } from "./decode.js";
import { AttachmentKind } from "../../shared/validation/attachments.js";

type Db = Kysely<Tables>;
const bytes = (b: Uint8Array) => (b.constructor === Uint8Array ? b : new Uint8Array(b));

function summaryFromRow(r: Omit<Tables["attachments"], "data">): AttachmentSummary {
  return {
    id: r.id,
    documentId: r.document_id,
    filename: r.filename,
    kind: decode(AttachmentKind, r.kind, "attachments.kind"),
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  };
}

export async function insertAttachment(db: Db, a: AttachmentRow): Promise<void> {
  await db
    .insertInto("attachments")
    .values({
      id: a.id,
      document_id: a.documentId,
      filename: a.filename,
      kind: a.kind,
      size: a.size,
      sha256: a.sha256,
      data: a.data,
      uploaded_by: a.uploadedBy,
      uploaded_at: a.uploadedAt,
      removed_at: null,
    })
    .execute();
}

/** The files of a reply that are not removed, oldest first, without their bytes. */
export async function listAttachments(db: Db, documentId: string): Promise<AttachmentSummary[]> {
  const rows = await db
    .selectFrom("attachments")
    .select(["id", "document_id", "filename", "kind", "size", "sha256", "uploaded_by", "uploaded_at", "removed_at"])
    .where("document_id", "=", documentId)
    .where("removed_at", "is", null)
    .orderBy("uploaded_at")
    .orderBy("id")
    .execute();
  return rows.map(summaryFromRow);
}

/** One file with its bytes, removed or not (a sealed reply may name a file removed later by a reopen). */
export async function getAttachment(db: Db, id: string): Promise<(AttachmentRow & { removedAt: string | null }) | undefined> {
  const r = await db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirst();
  return r && { ...summaryFromRow(r), data: bytes(r.data), removedAt: r.removed_at };
}

export async function removeAttachment(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable("attachments").set({ removed_at: at }).where("id", "=", id).where("removed_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
