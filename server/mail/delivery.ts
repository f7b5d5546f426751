/**
 * The delivery loop: sends due mails from the outbox over SMTP (nodemailer), one batch at a time.
 * A failed send is retried with exponential backoff (RETRY_BASE_MS · 2^attempts, at most an
 * hour), forever: an outage delays mail but loses none. Each mail is claimed before it is sent, so
 * several instances never send the same mail twice at the same time. Without SMTP_URL there is
 * no loop: mails stay in the outbox, which the coordinator can read in the app (/udbakke).
 */
import type { FastifyBaseLogger } from "fastify";
import type { Transporter } from "nodemailer";
import type { MailRow, Store } from "../storage/types.js";

export interface DeliveryOptions {
  from: string;
  pollMs: number;
  retryBaseMs: number;
  /** How long a claimed mail is held by this instance before another may try it. */
  leaseMs?: number;
  batch?: number;
}

const MAX_BACKOFF_MS = 3_600_000;

/** An invitation's link is a credential: once it has left, the stored copy keeps no working link. */
const INVITATION_LINK = /https?:\/\/\S+\/(invitation|nulstil)\/[A-Za-z0-9_-]+/g;
function redactLinks(mail: MailRow): { text: string; html: string } {
  const hidden = "[linket er sendt og gemmes ikke]";
  return { text: mail.text.replace(INVITATION_LINK, hidden), html: mail.html.replace(INVITATION_LINK, hidden) };
}

export interface MailDelivery {
  /** Runs a pass soon (after an enqueue) instead of at the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

export function startMailDelivery(store: Store, transport: Transporter, log: FastifyBaseLogger, options: DeliveryOptions): MailDelivery {
  const leaseMs = options.leaseMs ?? 60_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function sendOne(mail: MailRow): Promise<void> {
    try {
      await transport.sendMail({ from: options.from, to: mail.toEmail, subject: mail.subject, text: mail.text, html: mail.html });
      await store.markMailSent(mail.id, new Date().toISOString(), mail.kind === "invitation" || mail.kind === "password_reset" ? redactLinks(mail) : undefined);
    } catch (error) {
      const attempts = mail.attempts + 1;
      const delay = Math.min(options.retryBaseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
      const message = error instanceof Error ? error.message : String(error);
      // The address is personal data and the message may echo it: log the mail's id only.
      log.warn({ mailId: mail.id, attempts, retryInMs: delay }, "mail not sent; will retry");
      await store
        .markMailFailed(mail.id, attempts, new Date(Date.now() + delay).toISOString(), message)
        .catch((e) => log.error({ err: e }, "mail retry not recorded"));
    }
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      const now = Date.now();
      const due = await store.claimDueMail(new Date(now).toISOString(), new Date(now + leaseMs).toISOString(), options.batch ?? 20);
      for (const mail of due) {
        if (stopped) return;
        await sendOne(mail);
      }
      if (due.length === (options.batch ?? 20)) again = true;
    } while (again && !stopped);
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error) => log.error({ err: error }, "mail delivery pass failed"))
      .finally(() => {
        running = null;
        schedule();
      });
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, options.pollMs);
    timer.unref();
  }

  run();
  return {
    kick: () => run(),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
