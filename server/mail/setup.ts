/**
 * Mail for one app: the notifier, and with SMTP_URL the delivery loop; a timer for the
 * internal-deadline warnings. Without SMTP_URL every mail stays in the outbox, where the
 * coordinator reads it (/udbakke), so the whole flow can be tried on one machine.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.js";
import type { Store } from "../storage/types.js";
import { startMailDelivery, type MailDelivery } from "./delivery.js";
import { mailDeadlines, type MailContext } from "./events.js";
import { Notifier } from "./notify.js";

/** How often the deadline warnings are looked for (they are deduplicated, so often is harmless). */
const DEADLINE_CHECK_MS = 3_600_000;

export interface Mail extends MailContext {
  /** "smtp": mail leaves through SMTP_URL; "outbox": it stays in the app's outbox. */
  mode: "smtp" | "outbox";
  stop(): Promise<void>;
}

export async function startMail(config: Config, store: Store, log: FastifyBaseLogger, baseUrl: () => string): Promise<Mail> {
  const notifier = new Notifier(store, log);
  const context: MailContext = { store, notifier, baseUrl };
  let delivery: MailDelivery | null = null;
  if (config.SMTP_URL) {
    const { createTransport } = await import("nodemailer");
    delivery = startMailDelivery(store, createTransport(config.SMTP_URL), log, {
      from: config.MAIL_FROM,
      pollMs: config.MAIL_POLL_MS,
      retryBaseMs: config.MAIL_RETRY_BASE_MS,
    });
    notifier.onEnqueued = () => delivery?.kick();
  }
  let checking: Promise<void> = Promise.resolve();
  let stopped = false;
  const checkDeadlines = () => {
    if (stopped) return;
    checking = checking.then(() => mailDeadlines(context)).catch((error) => log.error({ err: error }, "deadline warnings failed"));
  };
  const timer = setInterval(checkDeadlines, DEADLINE_CHECK_MS);
  timer.unref();
  checkDeadlines();
  return {
    ...context,
    mode: config.SMTP_URL ? "smtp" : "outbox",
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await checking;
      await delivery?.stop();
    },
  };
}
