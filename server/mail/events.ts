/**
 * Which mail goes to whom when something happens to a reply (issue 17). Each function is called
 * after the action committed and returns when the mails are queued (Notifier.send never throws).
 */
import { copenhagenToday } from "../time.js";
import { ROLE_LABELS } from "../../shared/labels.js";
import type { DocumentRole, DocumentRow, Store, UserRow } from "../storage/types.js";
import { recipientOf, type Notifier, type Recipient } from "./notify.js";
import { can, type Action } from "../../shared/policy.js";

export interface MailContext {
  store: Store;
  notifier: Notifier;
  /** The app's public address (server/public-url.ts). */
  baseUrl: () => string;
}

const replyLink = (ctx: MailContext, document: DocumentRow) => `${ctx.baseUrl()}/svar/${document.id}`;

/** The document's members (optionally of some roles), with their accounts. */
/** The document's members, or those whose role may do `action` (shared/policy.ts). */
async function members(store: Store, documentId: string, action?: Action): Promise<(UserRow & { role: DocumentRole })[]> {
  const memberships = (await store.listMemberships(documentId)).filter((m) => !action || can(m.role, action));
  const users = await Promise.all(
    memberships.map(async (m) => {
      const user = await store.getUser(m.userId);
      return user && { ...user, role: m.role };
    }),
  );
  return users.filter((u) => u !== undefined);
}

export async function mailApprovalRequested(ctx: MailContext, document: DocumentRow): Promise<void> {
  const { internalDeadline } = await ctx.store.getWorkflow(document.id);
  const editors = await members(ctx.store, document.id, "approve");
  await ctx.notifier.send({
    facts: { kind: "approval_requested", documentTitle: document.title, link: replyLink(ctx, document), deadline: internalDeadline },
    to: editors.map(recipientOf),
    documentId: document.id,
  });
}

/** The coordinator's reminder to the kommuner that have not approved the frozen text; how many people it went to. */
export async function mailReminder(ctx: MailContext, document: DocumentRow, coordinator: UserRow, note: string | null): Promise<number> {
  const approved = new Set((await ctx.store.listApprovals(document.id)).map((a) => a.kommunekode));
  const editors = await members(ctx.store, document.id, "approve");
  const waiting: Recipient[] = [];
  for (const editor of editors) {
    const organisation = await ctx.store.getOrganisation(editor.organisationId);
    if (organisation?.kommunekode && !approved.has(organisation.kommunekode)) waiting.push(recipientOf(editor));
  }
  await ctx.notifier.send({
    facts: { kind: "reminder", documentTitle: document.title, link: replyLink(ctx, document), coordinatorName: coordinator.name, note },
    to: waiting,
    documentId: document.id,
  });
  return waiting.length;
}

/** Mentions name people or organisations (comments); an organisation means its members of this reply. */
export async function mailMentions(ctx: MailContext, document: DocumentRow, author: UserRow, mentionIds: string[]): Promise<void> {
  if (mentionIds.length === 0) return;
  const ids = new Set(mentionIds);
  const people = (await members(ctx.store, document.id)).filter((m) => m.id !== author.id && (ids.has(m.id) || ids.has(m.organisationId)));
  await ctx.notifier.send({
    facts: { kind: "mention", documentTitle: document.title, link: replyLink(ctx, document), authorName: author.name },
    to: people.map(recipientOf),
    documentId: document.id,
  });
}

export async function mailApprovedByAll(ctx: MailContext, document: DocumentRow): Promise<void> {
  const people = await members(ctx.store, document.id, "edit");
  await ctx.notifier.send({
    facts: { kind: "approved_by_all", documentTitle: document.title, link: replyLink(ctx, document) },
    to: people.map(recipientOf),
    documentId: document.id,
    dedupeKey: (r) => `approved_by_all:${document.id}:${r.email}`,
  });
}

export async function mailSubmitted(ctx: MailContext, document: DocumentRow): Promise<void> {
  const people = await members(ctx.store, document.id);
  await ctx.notifier.send({
    facts: { kind: "submitted", documentTitle: document.title, link: replyLink(ctx, document) },
    to: people.map(recipientOf),
    documentId: document.id,
    dedupeKey: (r) => `submitted:${document.id}:${r.email}`,
  });
}

export const DEADLINE_WARNING_DAYS = [7, 2] as const;

/**
 * The internal deadline approaching: 7 and 2 days before (in Copenhagen), to the coordinator and
 * the editors of every reply not yet approved. Safe to call as often as a timer likes: each
 * warning is deduplicated per person, deadline and day count.
 */
export async function mailDeadlines(ctx: MailContext, now = new Date()): Promise<void> {
  const today = copenhagenToday(now);
  for (const document of await ctx.store.listDocuments()) {
    if (document.state !== "udkast" && document.state !== "til_godkendelse") continue;
    const { internalDeadline } = await ctx.store.getWorkflow(document.id);
    if (!internalDeadline) continue;
    const daysLeft = Math.round((Date.parse(`${internalDeadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    if (!(DEADLINE_WARNING_DAYS as readonly number[]).includes(daysLeft)) continue;
    const people = await members(ctx.store, document.id, "edit");
    await ctx.notifier.send({
      facts: { kind: "deadline", documentTitle: document.title, link: replyLink(ctx, document), deadline: internalDeadline, daysLeft },
      to: people.map(recipientOf),
      documentId: document.id,
      dedupeKey: (r) => `deadline:${document.id}:${internalDeadline}:${daysLeft}:${r.email}`,
    });
  }
}

/**
 * Runs a mail job without holding up the response: the action has committed, and a mail that
 * cannot be queued is logged, never reported to the person who acted.
 */
export function inBackground(log: { error: (obj: object, msg: string) => void }, job: Promise<unknown>): void {
  job.catch((error: unknown) => log.error({ err: error }, "mail job failed"));
}

/** The invitation's link goes to the invited person (and, without a mail server, sits in the outbox). */
export async function mailInvitation(
  ctx: MailContext,
  document: DocumentRow,
  inviter: UserRow,
  invitation: { userId: string; email: string; role: DocumentRole; expiresAt: string },
  token: string,
): Promise<void> {
  const user = await ctx.store.getUser(invitation.userId);
  const organisation = user && (await ctx.store.getOrganisation(user.organisationId));
  await ctx.notifier.send({
    facts: {
      kind: "invitation",
      inviterName: inviter.name,
      organisationName: organisation?.name ?? "",
      documentTitle: document.title,
      roleLabel: ROLE_LABELS[invitation.role].toLowerCase(),
      link: invitationLink(ctx, token),
      expiresAt: invitation.expiresAt,
    },
    to: [{ userId: invitation.userId, email: invitation.email }],
    documentId: document.id,
  });
}

export const invitationLink = (ctx: MailContext, token: string) => `${ctx.baseUrl()}/invitation/${token}`;
