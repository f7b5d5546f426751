/** Request and response shapes of the outbox and the mail preferences (issue 17). */
import { z } from "zod";
import { MailKind, OPTIONAL_MAIL_KINDS } from "../vocabulary.js";

export const MailPreferencesBody = z.object({
  // Invitations cannot be turned off: they are the only way into an account.
  preferences: z.array(z.object({ kind: z.enum(OPTIONAL_MAIL_KINDS as [MailKind, ...MailKind[]]), enabled: z.boolean() })).max(20),
});

export interface MailPreferencesResponse {
  preferences: { kind: MailKind; enabled: boolean }[];
}

export interface OutboxMailDto {
  id: string;
  kind: MailKind;
  to: string;
  subject: string;
  /** The plain-text body; null when a mail server sends the mails (bodies are then not shown). */
  text: string | null;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  /** Not sent yet, and the last attempt failed (it will be retried). */
  failing: boolean;
}

export interface OutboxResponse {
  mode: "smtp" | "outbox";
  mails: OutboxMailDto[];
}
