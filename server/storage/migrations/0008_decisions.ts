/**
 * Migration 0008 (issue 18): the political decision behind an approval, as JSON
 * (shared/validation/decision.ts). Approvals from before have none; their grundlag says it in words.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function addApprovalDecisions(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable("approvals").addColumn("decision_json", "text").execute();
}
