/**
 * Migration 0003 (issue 15): agency access is a grant an operator gives and takes back (item 1),
 * not something an organisation membership or an invitation implies; a seal's signed statement
 * (item 8) lives beside the seal, which triggers keep immutable.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function createSecurityTables(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable("agency_grants")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addColumn("granted_by", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createTable("seal_signatures")
    .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id"))
    .addColumn("statement_json", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .execute();
}
