/**
 * A real SMTP server in the test process (smtp-server, 127.0.0.1, no TLS or auth) that keeps
 * every mail it accepts, parsed. `refuse` makes it answer each message with a temporary error,
 * as a mail server in trouble does.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import { waitFor } from "./wait.js";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Messages refused so far (while `refuse` was set). */
  refused: number;
  refuse: boolean;
  /** Waits until `count` mails match `filter`, and returns them. */
  waitForMails(filter: (mail: ReceivedMail) => boolean, count?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: "",
    mails: [],
    refused: 0,
    refuse: false,
    waitForMails: (filter, count = 1) =>
      waitFor(() => (state.mails.filter(filter).length >= count ? state.mails.filter(filter) : null), { timeoutMs: 15_000, message: `${count} mail(s)` }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (state.refuse) {
          state.refused++;
          return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        }
        void simpleParser(Buffer.concat(chunks)).then((parsed) => {
          for (const rcpt of session.envelope.rcptTo) {
            state.mails.push({
              to: rcpt.address,
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
            });
          }
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
