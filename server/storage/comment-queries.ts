/** Queries of comment threads, messages and read marks, for KyselyStore. */
import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";
import { ThreadStatus } from "../../shared/vocabulary.js";
import type { CommentMessageRow, ThreadRow } from "./types.js";
import { decode, decodeJson, StringList } from "./decode.js";

type Db = Kysely<Tables>;

export function threadFromRow(r: Tables["comment_threads"]): ThreadRow {
  return {
    id: r.id,
    documentId: r.document_id,
    blockId: r.block_id,
    quote: r.quote,
    status: decode(ThreadStatus, r.status, "comment_threads.status"),
    createdBy: r.created_by,
    createdAt: r.created_at,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
  };
}

export function messageFromRow(r: Tables["comment_messages"]): CommentMessageRow {
  return {
    id: r.id,
    threadId: r.thread_id,
    authorId: r.author_id,
    body: r.body,
    mentions: decodeJson(StringList, r.mentions, "comment_messages.mentions"),
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
  };
}

const messageToRow = (m: CommentMessageRow): Tables["comment_messages"] => ({
  id: m.id,
  thread_id: m.threadId,
  author_id: m.authorId,
  body: m.body,
  mentions: JSON.stringify(m.mentions),
  created_at: m.createdAt,
  edited_at: m.editedAt,
  deleted_at: m.deletedAt,
});

export async function insertThread(db: Db, t: ThreadRow, first: CommentMessageRow): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("comment_threads")
      .values({
        id: t.id,
        document_id: t.documentId,
        block_id: t.blockId,
        quote: t.quote,
        status: t.status,
        created_by: t.createdBy,
        created_at: t.createdAt,
        resolved_by: t.resolvedBy,
        resolved_at: t.resolvedAt,
      })
      .execute();
    await tx.insertInto("comment_messages").values(messageToRow(first)).execute();
  });
}

export async function getThread(db: Db, id: string): Promise<ThreadRow | undefined> {
  const r = await db.selectFrom("comment_threads").selectAll().where("id", "=", id).executeTakeFirst();
  return r && threadFromRow(r);
}

export async function listThreads(db: Db, documentId: string): Promise<ThreadRow[]> {
  return (await db.selectFrom("comment_threads").selectAll().where("document_id", "=", documentId).orderBy("created_at").execute()).map(threadFromRow);
}

export async function setThreadStatus(db: Db, id: string, status: ThreadStatus, by: string | null, at: string | null): Promise<void> {
  await db.updateTable("comment_threads").set({ status, resolved_by: by, resolved_at: at }).where("id", "=", id).execute();
}

export async function insertMessage(db: Db, m: CommentMessageRow): Promise<void> {
  await db.insertInto("comment_messages").values(messageToRow(m)).execute();
}

export async function getMessage(db: Db, id: string): Promise<CommentMessageRow | undefined> {
  const r = await db.selectFrom("comment_messages").selectAll().where("id", "=", id).executeTakeFirst();
  return r && messageFromRow(r);
}

export async function listMessages(db: Db, documentId: string): Promise<CommentMessageRow[]> {
  const rows = await db
    .selectFrom("comment_messages")
    .innerJoin("comment_threads", "comment_threads.id", "comment_messages.thread_id")
    .selectAll("comment_messages")
    .where("comment_threads.document_id", "=", documentId)
    .orderBy("comment_messages.created_at")
    .execute();
  return rows.map(messageFromRow);
}

export async function editMessage(db: Db, id: string, body: string, mentions: string[], at: string): Promise<void> {
  await db
    .updateTable("comment_messages")
    .set({ body, mentions: JSON.stringify(mentions), edited_at: at })
    .where("id", "=", id)
    .execute();
}

export async function deleteMessage(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("comment_messages").set({ deleted_at: at, body: "" }).where("id", "=", id).execute();
}

export async function markThreadRead(db: Db, threadId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto("thread_reads")
    .values({ thread_id: threadId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(["thread_id", "user_id"]).doUpdateSet({ read_at: at }))
    .execute();
}

export async function listThreadReads(db: Db, documentId: string, userId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("thread_reads")
    .innerJoin("comment_threads", "comment_threads.id", "thread_reads.thread_id")
    .select(["thread_reads.thread_id", "thread_reads.read_at"])
    .where("comment_threads.document_id", "=", documentId)
    .where("thread_reads.user_id", "=", userId)
    .execute();
  return new Map(rows.map((r) => [r.thread_id, r.read_at]));
}
