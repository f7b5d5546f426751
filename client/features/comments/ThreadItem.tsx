/**
 * One thread in the panel: a toggle (status, place, quote, first words, unread marker) that
 * expands the thread: the quote (or "Teksten er slettet" with the original quote), "Vis i teksten",
 * resolve / reopen, the messages (author, organisation, Danish time; own ones can be edited and,
 * after a confirmation, deleted) and the reply form. Bodies are rendered as text, never as HTML.
 * An expanded thread is marked read once it is actually on screen.
 */
import { useEffect, useRef, useState } from "react";
import type { CommentMessageDto, ThreadDto } from "../../../shared/validation/comments.js";
import { formatDateTime } from "../../i18n/da.js";
import { cm } from "../../i18n/comments.js";
import { blockLabel } from "./grouping.js";
import { MessageForm } from "./MessageForm.js";
import type { ThreadStore } from "./threadStore.js";
import { errorMessage } from "../../ui/errors.js";

export const threadToggleId = (threadId: string) => `thread-toggle-${threadId}`;

const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The body as text, with "@Name" of its mentions emphasised (React text nodes only). */
function MessageText({ message }: { message: CommentMessageDto }) {
  const names = message.mentions.map((m) => m.name).filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  const inText = new Set<string>();
  let parts: (string | { mention: string })[] = [message.body];
  if (names.length > 0) {
    const pattern = new RegExp(`@(${names.map(escapeRegExp).join("|")})`, "g");
    parts = [];
    let last = 0;
    for (const match of message.body.matchAll(pattern)) {
      const at = match.index ?? 0;
      if (at > last) parts.push(message.body.slice(last, at));
      parts.push({ mention: match[1]! });
      inText.add(match[1]!);
      last = at + match[0].length;
    }
    if (last < message.body.length) parts.push(message.body.slice(last));
  }
  const others = message.mentions.filter((m) => !inText.has(m.name));
  return (
    <>
      <p className="message__body">
        {parts.map((part, i) =>
          typeof part === "string" ? (
            part
          ) : (
            <span key={i} className="mention">
              @{part.mention}
            </span>
          ),
        )}
      </p>
      {others.length > 0 ? (
        <p className="message__mentions">
          {cm.message.mentions}:{" "}
          {others.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ", " : null}
              <span className="mention">@{m.name}</span>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

function MessageItem(props: { message: CommentMessageDto; thread: ThreadDto; store: ThreadStore; meId: string; canComment: boolean; onGone: () => void }) {
  const { message, thread, store, meId, canComment, onGone } = props;
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const own = message.author.id === meId && !message.deleted;
  const mayChange = own && canComment;

  useEffect(() => {
    if (mode === "confirm") keepButton.current?.focus();
  }, [mode]);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await store.deleteMessage(thread.id, message.id);
      setMode("view");
      onGone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`message${message.deleted ? " message--deleted" : ""}`}>
      <p className="message__meta">
        <span className="message__author">{message.author.name}</span>
        {message.author.id === meId ? <span className="muted"> {cm.message.you}</span> : null}
        {message.author.organisation ? <span className="message__org">, {message.author.organisation}</span> : null}
        <br />
        <time className="message__time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt)}
        </time>
        {message.editedAt && !message.deleted ? <span className="message__edited"> {cm.message.edited}</span> : null}
      </p>
      {message.deleted ? (
        <p className="message__body message__body--deleted">{cm.message.deleted}</p>
      ) : mode === "edit" ? (
        <MessageForm
          store={store}
          meId={meId}
          label={cm.message.editLabel}
          submitLabel={cm.message.save}
          submittingLabel={cm.message.saving}
          initialBody={message.body}
          initialMentions={message.mentions}
          resetOnSuccess={false}
          // The person chose "Rediger": the text they are about to edit takes the focus.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          onSubmit={async (body, mentions) => {
            await store.editMessage(thread.id, message.id, body, mentions);
            setMode("view");
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onCancel={() => {
            setMode("view");
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          cancelLabel={cm.message.cancel}
        />
      ) : (
        <MessageText message={message} />
      )}
      {mayChange && mode === "view" ? (
        <div className="message__actions" role="group" aria-label={cm.message.actionsFor(message.author.name)}>
          <button ref={editButton} type="button" className="button button--link" onClick={() => setMode("edit")}>
            {cm.message.edit}
          </button>
          <button type="button" className="button button--link" onClick={() => setMode("confirm")}>
            {cm.message.remove}
          </button>
        </div>
      ) : null}
      {mayChange && mode === "confirm" ? (
        <div className="message__confirm" role="group" aria-label={cm.message.removeConfirm}>
          <p>{cm.message.removeConfirm}</p>
          {error ? (
            <p className="comment-form__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="comment-form__actions">
            <button type="button" className="button button--small button--danger" onClick={() => void remove()} aria-disabled={busy || undefined}>
              {cm.message.removeYes}
            </button>
            <button
              ref={keepButton}
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => {
                setMode("view");
                requestAnimationFrame(() => editButton.current?.focus());
              }}
            >
              {cm.message.removeNo}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

export interface ThreadItemProps {
  thread: ThreadDto;
  expanded: boolean;
  /** Shown although it does not match the filter (it is open in the panel). */
  outsideFilter: boolean;
  store: ThreadStore;
  meId: string;
  canComment: boolean;
}

export function ThreadItem({ thread, expanded, outsideFilter, store, meId, canComment }: ThreadItemProps) {
  const item = useRef<HTMLLIElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const [seen, setSeen] = useState(false);
  const [statusBusy, setStatusBusy] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);
  const bodyId = `thread-body-${thread.id}`;
  const place = blockLabel(thread.blockId);
  const first = thread.messages.find((m) => !m.deleted) ?? thread.messages[0];
  const resolved = thread.status === "resolved";

  // On screen = expanded, in the visible tab, scrolled into the panel's view.
  useEffect(() => {
    if (!expanded) {
      setSeen(false);
      return;
    }
    const element = item.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => setSeen(entries.some((e) => e.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [expanded]);

  useEffect(() => {
    if (expanded && seen && thread.unread && document.visibilityState === "visible") store.markRead(thread.id);
  }, [expanded, seen, thread.unread, thread.id, store]);

  const setStatus = async () => {
    if (statusBusy) return;
    setStatusBusy(true);
    setStatusError(null);
    try {
      await store.setResolved(thread.id, !resolved);
    } catch (e) {
      setStatusError(errorMessage(e));
    } finally {
      setStatusBusy(false);
    }
  };

  return (
    <li
      ref={item}
      className={`thread thread--${thread.status}${expanded ? " thread--active" : ""}${thread.unread ? " thread--unread" : ""}${thread.orphaned ? " thread--orphaned" : ""}`}
      data-thread-id={thread.id}
    >
      <button
        ref={toggle}
        id={threadToggleId(thread.id)}
        type="button"
        className="thread__toggle"
        aria-expanded={expanded}
        aria-controls={bodyId}
        onClick={() => store.setActive(expanded ? null : thread.id)}
      >
        <span className="thread__line">
          <span className={`thread__status thread__status--${thread.status}`}>{cm.thread.status[thread.status]}</span>
          {thread.unread ? (
            <span className="thread__unread">
              {cm.thread.unread}
              <span className="visually-hidden"> ({cm.thread.unreadLong})</span>
            </span>
          ) : null}
          {place ? <span className="thread__place">{place}</span> : null}
        </span>
        {thread.orphaned ? (
          <span className="thread__quote thread__quote--orphaned">
            <span className="thread__orphaned">{cm.thread.orphaned}:</span> <q>{excerpt(thread.quote, 80)}</q>
          </span>
        ) : (
          <q className="thread__quote">{excerpt(thread.quote, 80)}</q>
        )}
        {first ? (
          <span className="thread__summary">
            {first.author.name}, {first.author.organisation}
            {first.deleted ? null : <>: {excerpt(first.body, 90)}</>}
          </span>
        ) : null}
        <span className="thread__count">{cm.thread.messages(thread.messages.length)}</span>
      </button>

      <div id={bodyId} className="thread__body" hidden={!expanded}>
        {expanded ? (
          <>
            {outsideFilter ? <p className="thread__note muted">{cm.thread.keptInView}</p> : null}
            {thread.orphaned ? (
              <div className="thread__orphan-note">
                <p>{cm.thread.orphanedHelp}</p>
                <p className="thread__quote-label">{cm.thread.originalQuote}:</p>
                <blockquote className="thread__fullquote">{thread.quote}</blockquote>
              </div>
            ) : (
              <>
                <p className="thread__quote-label">{cm.thread.quote}:</p>
                <blockquote className="thread__fullquote">{thread.quote}</blockquote>
              </>
            )}
            <div className="thread__actions">
              {!thread.orphaned ? (
                <button type="button" className="button button--secondary button--small" onClick={() => store.jumpTo(thread.id)}>
                  {cm.thread.show}
                </button>
              ) : null}
              {canComment ? (
                <button type="button" className="button button--secondary button--small" onClick={() => void setStatus()} aria-disabled={statusBusy || undefined}>
                  {resolved ? cm.thread.reopen : cm.thread.resolve}
                </button>
              ) : null}
            </div>
            {statusError ? (
              <p className="comment-form__error" role="alert">
                {statusError}
              </p>
            ) : null}
            {resolved && thread.resolvedBy && thread.resolvedAt ? (
              <p className="thread__resolved">{cm.thread.resolvedBy(thread.resolvedBy.name, thread.resolvedBy.organisation, formatDateTime(thread.resolvedAt))}</p>
            ) : null}
            <ol className="messages" aria-label={cm.thread.messagesLabel}>
              {thread.messages.map((m) => (
                <MessageItem key={m.id} message={m} thread={thread} store={store} meId={meId} canComment={canComment} onGone={() => toggle.current?.focus()} />
              ))}
            </ol>
            {canComment ? (
              <MessageForm
                store={store}
                meId={meId}
                label={cm.reply.label}
                submitLabel={cm.reply.submit}
                submittingLabel={cm.reply.submitting}
                className="comment-form--reply"
                onSubmit={(body, mentions) => store.reply(thread.id, body, mentions)}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </li>
  );
}
