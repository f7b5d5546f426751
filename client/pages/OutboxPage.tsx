/**
 * "Udbakke" (/udbakke): the mails of the replies the signed-in person coordinates, newest first.
 * Without a mail server this is where mails are (the demo: invitation links are passed on from
 * here); with one it shows only whether each was sent or is waiting for another attempt.
 */
import type { OutboxMailDto, OutboxResponse } from "../../shared/validation/mail.js";
import { MAIL_KIND_LABELS } from "../../shared/labels.js";
import { peopleApi } from "../features/people/peopleApi.js";
import { da, formatDateTime } from "../i18n/da.js";
import { mailTexts } from "../i18n/mail.js";
import { ErrorPanel } from "./ErrorPage.js";
import { usePageTitle } from "./Layout.js";
import { Loading } from "./Loading.js";
import { useResource } from "../ui/useResource.js";

const t = mailTexts.outbox;

export function OutboxPage() {
  usePageTitle(t.title);
  const { resource: load, reload } = useResource((signal) => peopleApi.getOutbox(signal), [], { fallbackMessage: t.loadError });

  return (
    <main id="indhold" tabIndex={-1} className="page page--wide">
      <h1>{t.title}</h1>
      {load.status === "loading" ? <Loading /> : null}
      {load.status === "error" && load.error.status === 403 ? <ErrorPanel title={da.errors.forbidden} message={t.forbidden} /> : null}
      {load.status === "error" && load.error.status !== 403 ? (
        <ErrorPanel title={t.loadError} message={load.error.message} actionLabel={t.retry} onAction={reload} />
      ) : null}
      {load.status === "ok" ? (
        <>
          <p className="lead">{load.data.mode === "outbox" ? t.introOutbox : t.introSmtp}</p>
          <p>
            <button type="button" className="button button--secondary button--small" onClick={reload}>
              {t.refresh}
            </button>
          </p>
          {load.data.mails.length === 0 ? (
            <div className="empty-state">
              <h2>{t.emptyTitle}</h2>
              <p>{t.empty}</p>
            </div>
          ) : (
            <ul className="outbox-list" aria-label={t.caption}>
              {load.data.mails.map((mail) => (
                <OutboxItem key={mail.id} mail={mail} mode={load.data.mode} />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </main>
  );
}

function status(mail: OutboxMailDto, mode: OutboxResponse["mode"]): string {
  if (mail.sentAt) return t.sent(formatDateTime(mail.sentAt));
  if (mode === "outbox") return t.notSent;
  return mail.failing ? t.retrying(mail.attempts) : t.waiting;
}

function OutboxItem({ mail, mode }: { mail: OutboxMailDto; mode: OutboxResponse["mode"] }) {
  return (
    <li className="outbox-item">
      <h2 className="outbox-item__subject">{mail.subject}</h2>
      <dl className="outbox-item__facts">
        <div>
          <dt>{t.colTo}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t.colKind}</dt>
          <dd>{MAIL_KIND_LABELS[mail.kind]}</dd>
        </div>
        <div>
          <dt>{t.colCreated}</dt>
          <dd>{formatDateTime(mail.createdAt)}</dd>
        </div>
        <div>
          <dt>{t.colStatus}</dt>
          <dd className={mail.failing ? "outbox-item__failing" : undefined}>{status(mail, mode)}</dd>
        </div>
      </dl>
      {mail.text !== null ? (
        <details className="outbox-item__body">
          <summary>{t.showBody}</summary>
          <pre>{mail.text}</pre>
        </details>
      ) : null}
    </li>
  );
}
