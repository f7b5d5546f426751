/**
 * Migration 0010 (issue 18, item 5): a "supplerende svar" is a reply of its own that names the
 * sealed reply it corrects and supplements.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function addSupplements(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable("documents").addColumn("supplements_document_id", "text").execute();
}
