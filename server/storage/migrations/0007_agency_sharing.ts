/**
 * Migration 0007 (issue 18, item 6): a region's coordinator may share the draft with the agency
 * before submission. 0/1 in both dialects; every existing reply starts not shared.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function addAgencySharing(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .alterTable("documents")
    .addColumn("shared_with_agency", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
