/**
 * One thread in the panel: a toggle (status, place, quote, first words, unread marker) that
 * expands the thread: the quote (or "Teksten er slettet" with the original quote), "Vis i teksten",
 * resolve / reopen, the messages (author, organisation, Danish time; own ones can be edited and,
 * after a confirmation, deleted) and the reply form. Bodies are rendered as text, never as HTML.
 * An expanded thread is marked read once it is actually on screen.
 */
import { useEffect, useRef, useState } from "react";
import type { ThreadDto } from "../../../shared/validation/comments.js";
import { formatDateTime } from "../../i18n/da.js";
import { cm } from "../../i18n/comments.js";
import { blockLabel } from "./grouping.js";
import { MessageForm } from "./MessageForm.js";
import type { ThreadStore } from "./threadStore.js";
import { errorMessage } from "../../ui/errors.js";
import { MessageItem } from "./MessageItem.js";

export const threadToggleId = (threadId: string) => `thread-toggle-${threadId}`;

const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
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
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void setStatus()}
                  aria-disabled={statusBusy || undefined}
                >
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
              <p className="thread__resolved">
                {cm.thread.resolvedBy(thread.resolvedBy.name, thread.resolvedBy.organisation, formatDateTime(thread.resolvedAt))}
              </p>
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
