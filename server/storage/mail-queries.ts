/** Queries of the mail outbox and opt-outs (issue 17), for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import type { MailKind, MailRow } from "./types.js";
import { MailKind as MailKindSchema } from "../../shared/vocabulary.js";
import { decode } from "./decode.js";

type Db = Kysely<Tables>;

function mailFromRow(r: Tables["mail_outbox"]): MailRow {
  return {
    id: r.id,
    kind: decode(MailKindSchema, r.kind, "mail_outbox.kind"),
    dedupeKey: r.dedupe_key,
    toUserId: r.to_user_id,
    toEmail: r.to_email,
    documentId: r.document_id,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
  };
}

export async function enqueueMail(db: Db, mails: MailRow[]): Promise<void> {
  if (mails.length === 0) return;
  await db
    .insertInto("mail_outbox")
    .values(
      mails.map((m) => ({
        id: m.id,
        kind: m.kind,
        dedupe_key: m.dedupeKey,
        to_user_id: m.toUserId,
        to_email: m.toEmail,
        document_id: m.documentId,
        subject: m.subject,
        text_body: m.text,
        html_body: m.html,
        created_at: m.createdAt,
        sent_at: m.sentAt,
        attempts: m.attempts,
        next_attempt_at: m.nextAttemptAt,
        last_error: m.lastError,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

export async function claimDueMail(db: Db, now: string, leaseUntil: string, limit: number): Promise<MailRow[]> {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom("mail_outbox")
      .select("id")
      .where("sent_at", "is", null)
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit)
      .execute();
    const claimed: MailRow[] = [];
    for (const { id } of due) {
      // The guard on next_attempt_at makes the claim atomic across instances: only one update wins.
      const r = await tx
        .updateTable("mail_outbox")
        .set({ next_attempt_at: leaseUntil })
        .where("id", "=", id)
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", now)
        .returningAll()
        .executeTakeFirst();
      if (r) claimed.push(mailFromRow(r));
    }
    return claimed;
  });
}

export async function markMailSent(db: Db, id: string, at: string, redacted?: { text: string; html: string }): Promise<void> {
  const bodies = redacted ? { text_body: redacted.text, html_body: redacted.html } : {};
  await db
    .updateTable("mail_outbox")
    .set({ sent_at: at, last_error: null, ...bodies })
    .where("id", "=", id)
    .execute();
}

export async function markMailFailed(db: Db, id: string, attempts: number, nextAttemptAt: string, error: string): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ attempts, next_attempt_at: nextAttemptAt, last_error: error.slice(0, 500) })
    .where("id", "=", id)
    .execute();
}

export async function listMail(db: Db, documentIds: string[], limit: number): Promise<MailRow[]> {
  if (documentIds.length === 0) return [];
  const rows = await db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("document_id", "in", documentIds)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map(mailFromRow);
}

export async function listMailOptOuts(db: Db, userId: string): Promise<MailKind[]> {
  const rows = await db.selectFrom("mail_opt_outs").select("kind").where("user_id", "=", userId).orderBy("kind").execute();
  return rows.map((r) => decode(MailKindSchema, r.kind, "mail_opt_outs.kind"));
}

export async function setMailOptOut(db: Db, userId: string, kind: MailKind, optedOut: boolean): Promise<void> {
  if (optedOut)
    await db
      .insertInto("mail_opt_outs")
      .values({ user_id: userId, kind })
      .onConflict((oc) => oc.columns(["user_id", "kind"]).doNothing())
      .execute();
  else await db.deleteFrom("mail_opt_outs").where("user_id", "=", userId).where("kind", "=", kind).execute();
}
