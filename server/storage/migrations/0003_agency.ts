/**
 * Migration 0003: agency access is a grant an operator gives and takes back (issue 15, item 1),
 * not something an organisation membership or an invitation implies.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function createAgencyTables(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable("agency_grants")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addColumn("granted_by", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
}
