/**
 * Migration 0009 (issue 18): bilag as files. PDF, DOCX or XLSX, stored with their SHA-256; removed
 * only while the reply is a draft, and then only marked removed (a sealed reply names its files).
 */
import { sql, type Kysely } from "kysely";
import type { Dialect, Tables } from "../schema.js";

export async function createAttachmentTable(db: Kysely<Tables>, dialect: Dialect): Promise<void> {
  const blob = sql.raw(dialect === "sqlite" ? "blob" : "bytea");
  await db.schema
    .createTable("attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("data", blob, (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addColumn("removed_at", "text")
    .execute();
  await db.schema.createIndex("attachments_document").on("attachments").column("document_id").execute();
}
