/**
 * Migration 0004 (issue 17): the mail outbox (every mail is stored before it is sent, and sent by
 * a retrying delivery loop, so an SMTP outage loses nothing and never blocks the action), each
 * person's opt-outs per kind of mail, and two facts about invitations: whether the inviter could
 * see the link (then the account's approvals are flagged, issue 15 item 3), and revocation.
 */
import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

export async function createMailTables(db: Kysely<Tables>): Promise<void> {
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    // Deduplicates mails a timer or a retried action could enqueue twice ("deadline 7 days").
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("to_user_id", "text")
    .addColumn("to_email", "text", (c) => c.notNull())
    .addColumn("document_id", "text")
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("mail_outbox_due").on("mail_outbox").columns(["sent_at", "next_attempt_at"]).execute();
  await db.schema.createIndex("mail_outbox_document").on("mail_outbox").columns(["document_id", "created_at"]).execute();
  await db.schema
    .createTable("mail_opt_outs")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("mail_opt_outs_pk", ["user_id", "kind"])
    .execute();
  await db.schema
    .alterTable("invitations")
    .addColumn("link_shown", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("invitations").addColumn("revoked_at", "text").execute();
  await db.schema.alterTable("approvals").addColumn("flag", "text").execute();
}
