/**
 * Migration 0006 (issue 15, item 9): a second factor (TOTP) per account, and password resets by
 * mail. The TOTP secret being set up is kept apart until a code proves the app has it; the last
 * time step used is kept so a code works once. Reset tokens are stored hashed and used once.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function createAccountSecurityTables(db: Kysely<Tables>): Promise<void> {
  await db.schema.alterTable("users").addColumn("totp_secret", "text").execute();
  await db.schema.alterTable("users").addColumn("totp_pending_secret", "text").execute();
  await db.schema.alterTable("users").addColumn("totp_last_step", "bigint").execute();
  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
}
