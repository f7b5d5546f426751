/**
 * Puts mails in the outbox. Called after an action has committed; a failure here is logged and
 * never fails or delays the action (the delivery loop sends, with retries, later). People who
 * turned a kind of mail off do not get it; invitations always go out.
 */
import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { MailRow, Store, UserRow } from "../storage/types.js";
import { composeMail, type MailFacts } from "./templates.js";

export interface Recipient {
  userId: string | null;
  email: string;
}

export interface MailOrder {
  facts: MailFacts;
  to: Recipient[];
  documentId: string | null;
  /** Per recipient, makes a repeated order (a timer, a retried action) a no-op. */
  dedupeKey?: (recipient: Recipient) => string;
}

export class Notifier {
  /** Called after mails were stored, so the delivery loop can send at once instead of at its next poll. */
  onEnqueued: () => void = () => {};

  constructor(
    private readonly store: Store,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Stores the mails; never throws. */
  async send(order: MailOrder): Promise<void> {
    try {
      const content = composeMail(order.facts);
      const now = new Date().toISOString();
      const recipients = await this.wanting(order.facts.kind, order.to);
      const mails: MailRow[] = recipients.map((to) => ({
        id: randomUUID(),
        kind: order.facts.kind,
        dedupeKey: order.dedupeKey?.(to) ?? null,
        toUserId: to.userId,
        toEmail: to.email,
        documentId: order.documentId,
        ...content,
        createdAt: now,
        sentAt: null,
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
      }));
      await this.store.enqueueMail(mails);
      if (mails.length > 0) this.onEnqueued();
    } catch (error) {
      this.log.error({ err: error, kind: order.facts.kind, documentId: order.documentId }, "mail could not be queued");
    }
  }

  /** Recipients who have not turned this kind off, each address once. */
  private async wanting(kind: MailFacts["kind"], to: Recipient[]): Promise<Recipient[]> {
    const unique = [...new Map(to.map((r) => [r.email.toLowerCase(), r])).values()];
    if (kind === "invitation" || kind === "password_reset") return unique;
    const keep = await Promise.all(unique.map(async (r) => !r.userId || !(await this.store.listMailOptOuts(r.userId)).includes(kind)));
    return unique.filter((_, i) => keep[i]);
  }
}

export const recipientOf = (user: Pick<UserRow, "id" | "email">): Recipient => ({ userId: user.id, email: user.email });
