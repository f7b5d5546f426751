/**
 * Migration 0002: approval workflow, versions, seals and refused offline changes. Seals are
 * immutable in the database itself: triggers refuse every UPDATE and DELETE, so not even a bug
 * (or a hand-written query) can change a submitted reply.
 */
import { sql, type Kysely } from "kysely";
import type { Dialect, Tables } from "../schema.js";

export async function createWorkflowTables(db: Kysely<Tables>, dialect: Dialect): Promise<void> {
  const blob = sql.raw(dialect === "sqlite" ? "blob" : "bytea");
  await db.schema
    .createTable("document_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("state_update", blob, (c) => c.notNull())
    .addColumn("content_json", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("document_versions_doc").on("document_versions").columns(["document_id", "created_at"]).execute();
  await db.schema
    .createTable("workflow")
    .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id"))
    .addColumn("frozen_version_id", "text")
    .addColumn("acknowledged_warnings", "text")
    .addColumn("internal_deadline", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("approvals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("kommunekode", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("grundlag", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("discarded_at", "text")
    .execute();
  // one valid approval per kommune and document; discarded ones stay as history
  await db.schema
    .createIndex("approvals_one_per_kommune")
    .on("approvals")
    .columns(["document_id", "kommunekode"])
    .unique()
    .where(sql.ref("discarded_at"), "is", null)
    .execute();
  await db.schema
    .createTable("seals")
    .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id"))
    .addColumn("record_json", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("seal_hash", "text", (c) => c.notNull())
    .addColumn("sealed_at", "text", (c) => c.notNull())
    .addColumn("pdf", blob, (c) => c.notNull())
    .addColumn("docx", blob, (c) => c.notNull())
    .execute();
  if (dialect === "sqlite") {
    await sql`CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals BEGIN SELECT RAISE(ABORT, 'sealed versions are immutable'); END`.execute(db);
    await sql`CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals BEGIN SELECT RAISE(ABORT, 'sealed versions are immutable'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION seals_immutable() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'sealed versions are immutable'; END $$ LANGUAGE plpgsql`.execute(
      db,
    );
    await sql`CREATE TRIGGER seals_no_change BEFORE UPDATE OR DELETE ON seals FOR EACH ROW EXECUTE FUNCTION seals_immutable()`.execute(db);
  }
  await db.schema
    .createTable("rejected_updates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("data", blob, (c) => c.notNull())
    .execute();
}
