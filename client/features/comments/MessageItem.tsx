/** One message of a comment thread: its text with mentions marked, and editing or deleting one's own. */
import { useEffect, useRef, useState } from "react";
import type { CommentMessageDto, ThreadDto } from "../../../shared/validation/comments.js";
import { formatDateTime } from "../../i18n/da.js";
import { cm } from "../../i18n/comments.js";
import { MessageForm } from "./MessageForm.js";
import type { ThreadStore } from "./threadStore.js";
import { errorMessage } from "../../ui/errors.js";

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The body as text, with "@Name" of its mentions emphasised (React text nodes only). */
export function MessageText({ message }: { message: CommentMessageDto }) {
  const names = message.mentions
    .map((m) => m.name)
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
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

export function MessageItem(props: {
  message: CommentMessageDto;
  thread: ThreadDto;
  store: ThreadStore;
  meId: string;
  canComment: boolean;
  onGone: () => void;
}) {
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
