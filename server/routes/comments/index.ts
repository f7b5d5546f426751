/**
 * Comment threads of a reply. Bodies, authors and times live in the database, never in the
 * shared document (the text holds only a mark with the thread id). Every change is broadcast
 * to the document's open connections as a `threads` event; clients then refetch.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { inBackground, mailMentions, type MailContext } from "../../mail/events.js";
import { CreateThreadBody, EditMessageBody, MessageParams, ReplyBody, ThreadParams } from "../../../shared/validation/comments.js";
import type { CommentMessageDto, PersonRefDto, ThreadDto, ThreadListResponse } from "../../../shared/validation/comments.js";
import type { Store, DocumentRow, ThreadRow, CommentMessageRow } from "../../storage/types.js";
import type { CollabService } from "../../collab/service.js";
import { can } from "../../access/policy.js";
import { AppError, conflict, forbidden, notFound } from "../../errors.js";
import { principalOf } from "../../plugins/auth.js";
import type { Principal } from "../../auth/principal.js";
import { documentFor } from "../documents/index.js";
import { roleOf } from "../../access/roles.js";
import { commentAnchors } from "../../comments/anchors.js";
import { recordAudit } from "../../audit/record.js";

/** Comments become read-only once the reply is submitted and sealed. */
const commentsLocked = (document: DocumentRow) => document.state === "indsendt";

/**
 * New threads, messages and edits per person: a lively discussion is a few a minute; a script
 * filling the panel (and everyone's mail and unread badges) is stopped (issue 15, item 13).
 */
const COMMENT_RATE_LIMIT = {
  max: 30,
  timeWindow: "1 minute",
  hook: "preHandler" as const,
  keyGenerator: (request: FastifyRequest) => `comment|${principalOf(request).user.id}`,
};

export async function commentRoutes(app: FastifyInstance, deps: { store: Store; collab: CollabService; mail: MailContext }): Promise<void> {
  const { store, collab } = deps;
  app.addHook("preHandler", app.requireUser);

  /** Looks people up once per response. */
  function personResolver(): (userId: string) => Promise<PersonRefDto> {
    const people = new Map<string, Promise<PersonRefDto>>();
    return (userId) => {
      let ref = people.get(userId);
      if (!ref) {
        ref = (async () => {
          const user = await store.getUser(userId);
          const organisation = user && (await store.getOrganisation(user.organisationId));
          return { id: userId, name: user?.name ?? "Ukendt", organisation: organisation?.name ?? "" };
        })();
        people.set(userId, ref);
      }
      return ref;
    };
  }

  /** Mentions may name organisations of the region (or the agency) and members of the reply. */
  async function validMentions(document: DocumentRow, ids: string[]): Promise<string[]> {
    const organisations = new Set((await store.listOrganisations(document.regionId)).map((o) => o.id));
    const members = new Set((await store.listMemberships(document.id)).map((m) => m.userId));
    const unknown = ids.filter((id) => !organisations.has(id) && !members.has(id) && id !== "sbst");
    if (unknown.length > 0) throw new AppError(400, "bad_mention", "En nævnt organisation eller person findes ikke i svaret.");
    return [...new Set(ids)];
  }

  async function present(document: DocumentRow, principal: Principal): Promise<ThreadListResponse> {
    const person = personResolver();
    const mentionName = async (id: string) => (await store.getOrganisation(id))?.name ?? (await person(id)).name;
    const [threads, messages, reads, anchors] = await Promise.all([
      store.listThreads(document.id),
      store.listMessages(document.id),
      store.listThreadReads(document.id, principal.user.id),
      collab.read(document, commentAnchors),
    ]);
    const byThread = new Map<string, CommentMessageRow[]>();
    for (const m of messages) byThread.set(m.threadId, [...(byThread.get(m.threadId) ?? []), m]);
    const me = new Set([principal.user.id, principal.organisation.id]);
    const result: ThreadDto[] = [];
    for (const t of threads) {
      const own = byThread.get(t.id) ?? [];
      const dtos: CommentMessageDto[] = [];
      for (const m of own) {
        dtos.push({
          id: m.id,
          author: await person(m.authorId),
          body: m.deletedAt ? "" : m.body,
          mentions: await Promise.all(m.mentions.map(async (id) => ({ id, name: await mentionName(id) }))),
          createdAt: m.createdAt,
          editedAt: m.editedAt,
          deleted: m.deletedAt !== null,
        });
      }
      const lastActivity = own.reduce((max, m) => (m.createdAt > max ? m.createdAt : max), t.resolvedAt ?? t.createdAt);
      const readAt = reads.get(t.id);
      result.push({
        id: t.id,
        quote: t.quote,
        blockId: anchors.get(t.id)?.blockId ?? t.blockId,
        status: t.status,
        orphaned: !anchors.has(t.id),
        createdBy: await person(t.createdBy),
        createdAt: t.createdAt,
        resolvedBy: t.resolvedBy ? await person(t.resolvedBy) : null,
        resolvedAt: t.resolvedAt,
        messages: dtos,
        unread: readAt === undefined || readAt < lastActivity,
        mentionsMe: own.some((m) => !m.deletedAt && m.mentions.some((id) => me.has(id))),
      });
    }
    return { threads: result, canComment: can(await roleOf(store, principal, document), "comment") && !commentsLocked(document) };
  }

  async function writable(request: Parameters<typeof documentFor>[1]) {
    const { document } = await documentFor(store, request, "comment");
    if (commentsLocked(document)) throw conflict("locked", "Svaret er indsendt og låst; kommentarer kan ikke ændres.");
    return document;
  }

  async function threadOf(document: DocumentRow, threadId: string): Promise<ThreadRow> {
    const thread = await store.getThread(threadId);
    if (!thread || thread.documentId !== document.id) throw notFound("Tråden findes ikke.");
    return thread;
  }

  const changed = (document: DocumentRow, threadId: string) => collab.broadcastEvent(document.id, { type: "threads", threadId });

  app.get("/api/documents/:id/threads", async (request) => {
    const { document } = await documentFor(store, request, "readInternal");
    return present(document, principalOf(request));
  });

  app.post("/api/documents/:id/threads", { config: { rateLimit: COMMENT_RATE_LIMIT } }, async (request, reply) => {
    const document = await writable(request);
    const body = CreateThreadBody.parse(request.body);
    const principal = principalOf(request);
    if (await store.getThread(body.threadId)) throw conflict("exists", "Tråden findes allerede.");
    const now = new Date().toISOString();
    const mentions = await validMentions(document, body.mentions);
    await store.insertThread(
      {
        id: body.threadId,
        documentId: document.id,
        blockId: body.blockId,
        quote: body.quote,
        status: "open",
        createdBy: principal.user.id,
        createdAt: now,
        resolvedBy: null,
        resolvedAt: null,
      },
      { id: randomUUID(), threadId: body.threadId, authorId: principal.user.id, body: body.body, mentions, createdAt: now, editedAt: null, deletedAt: null },
    );
    await store.markThreadRead(body.threadId, principal.user.id, now);
    changed(document, body.threadId);
    inBackground(request.log, mailMentions(deps.mail, document, principal.user, mentions));
    reply.code(201);
    return { id: body.threadId };
  });

  app.post("/api/documents/:id/threads/:threadId/messages", { config: { rateLimit: COMMENT_RATE_LIMIT } }, async (request, reply) => {
    const document = await writable(request);
    const { threadId } = ThreadParams.parse(request.params);
    await threadOf(document, threadId);
    const body = ReplyBody.parse(request.body);
    const principal = principalOf(request);
    const now = new Date().toISOString();
    const id = randomUUID();
    const mentions = await validMentions(document, body.mentions);
    await store.insertMessage({ id, threadId, authorId: principal.user.id, body: body.body, mentions, createdAt: now, editedAt: null, deletedAt: null });
    await store.markThreadRead(threadId, principal.user.id, now);
    changed(document, threadId);
    inBackground(request.log, mailMentions(deps.mail, document, principal.user, mentions));
    reply.code(201);
    return { id };
  });

  for (const [action, status] of [
    ["resolve", "resolved"],
    ["reopen", "open"],
  ] as const) {
    app.post(`/api/documents/:id/threads/:threadId/${action}`, async (request, reply) => {
      const document = await writable(request);
      const { threadId } = ThreadParams.parse(request.params);
      await threadOf(document, threadId);
      const principal = principalOf(request);
      const now = new Date().toISOString();
      await store.setThreadStatus(threadId, status, status === "resolved" ? principal.user.id : null, status === "resolved" ? now : null);
      await recordAudit(store, { actorUserId: principal.user.id, documentId: document.id, event: `thread.${action}`, details: { threadId } });
      changed(document, threadId);
      return reply.code(204).send();
    });
  }

  async function ownMessage(request: Parameters<typeof documentFor>[1]) {
    const document = await writable(request);
    const { threadId, messageId } = MessageParams.parse(request.params);
    await threadOf(document, threadId);
    const message = await store.getMessage(messageId);
    if (!message || message.threadId !== threadId || message.deletedAt) throw notFound("Kommentaren findes ikke.");
    if (message.authorId !== principalOf(request).user.id) throw forbidden("Du kan kun ændre dine egne kommentarer.");
    return { document, message };
  }

  app.patch("/api/documents/:id/threads/:threadId/messages/:messageId", { config: { rateLimit: COMMENT_RATE_LIMIT } }, async (request, reply) => {
    const { document, message } = await ownMessage(request);
    const body = EditMessageBody.parse(request.body);
    const mentions = await validMentions(document, body.mentions);
    await store.editMessage(message.id, body.body, mentions, new Date().toISOString());
    changed(document, message.threadId);
    // Only people newly mentioned by the edit hear about it.
    inBackground(
      request.log,
      mailMentions(
        deps.mail,
        document,
        principalOf(request).user,
        mentions.filter((m) => !message.mentions.includes(m)),
      ),
    );
    return reply.code(204).send();
  });

  app.delete("/api/documents/:id/threads/:threadId/messages/:messageId", async (request, reply) => {
    const { document, message } = await ownMessage(request);
    await store.deleteMessage(message.id, new Date().toISOString());
    changed(document, message.threadId);
    return reply.code(204).send();
  });

  app.post("/api/documents/:id/threads/:threadId/read", async (request, reply) => {
    const { document } = await documentFor(store, request, "readInternal");
    const { threadId } = ThreadParams.parse(request.params);
    await threadOf(document, threadId);
    await store.markThreadRead(threadId, principalOf(request).user.id, new Date().toISOString());
    return reply.code(204).send();
  });
}
