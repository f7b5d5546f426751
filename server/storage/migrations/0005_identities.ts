/**
 * Migration 0005 (issue 17): single sign-on. A person's identity at an OpenID provider (issuer
 * config id + `sub`) links to one user; a sign-in in progress keeps its PKCE verifier and nonce
 * here (keyed by the state's hash, single-use, short-lived), so any instance can finish it; a
 * session remembers the provider and id token for RP-initiated logout.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function createIdentityTables(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable("user_identities")
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_identities_pk", ["provider", "subject"])
    .execute();
  await db.schema.createIndex("user_identities_user").on("user_identities").column("user_id").execute();
  await db.schema
    .createTable("oidc_pending")
    .addColumn("state_hash", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("return_to", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.alterTable("sessions").addColumn("sso_provider", "text").execute();
  await db.schema.alterTable("sessions").addColumn("id_token", "text").execute();
}
