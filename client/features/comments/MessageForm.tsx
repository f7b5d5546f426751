/**
 * Writing a comment: a labelled text area (plain text; Ctrl/Cmd+Enter sends), mentions of
 * organisations and people chosen from a list (shown as removable "@Navn" and written into the
 * text), the server's refusal shown as an alert. Used for new threads, replies and edits.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { cm } from "../../i18n/comments.js";
import type { ThreadStore } from "./threadStore.js";
import { errorMessage } from "../../ui/errors.js";
import { check } from "../../ui/validate.js";
import { CommentBody } from "../../../shared/validation/comments.js";
import { MentionPicker } from "./MentionPicker.js";

export interface Mention {
  id: string;
  name: string;
}

const MAX_BODY = CommentBody.maxLength ?? 5000;

export interface MessageFormProps {
  store: ThreadStore;
  meId: string;
  label: string;
  submitLabel: string;
  submittingLabel: string;
  initialBody?: string;
  initialMentions?: Mention[];
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
  cancelLabel?: string;
  /** Kept after a successful send (an edit closes instead). */
  resetOnSuccess?: boolean;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  autoFocus?: boolean;
  className?: string;
}

export function MessageForm(props: MessageFormProps) {
  const { store, meId, label, submitLabel, submittingLabel, onSubmit, onCancel, cancelLabel, resetOnSuccess = true, autoFocus, className } = props;
  const [body, setBody] = useState(props.initialBody ?? "");
  const [mentions, setMentions] = useState<Mention[]>(props.initialMentions ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const textarea = props.textareaRef ?? ownRef;
  const id = useId();
  const errorId = `${id}-error`;

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
    // only when the form appears
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const checked = check(CommentBody, body);
    if (!checked.ok) {
      setError(checked.errors[""] ?? null);
      textarea.current?.focus();
      return;
    }
    const text = checked.data;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(
        text,
        mentions.map((m) => m.id),
      );
      if (resetOnSuccess) {
        setBody("");
        setMentions([]);
      }
    } catch (e) {
      setError(errorMessage(e));
      textarea.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape" && onCancel && body.trim() === (props.initialBody ?? "").trim()) {
      // Nothing typed yet: Escape is the same as cancel.
      event.preventDefault();
      onCancel();
    }
  };

  const addMention = (mention: Mention) => {
    setMentions((current) => (current.some((m) => m.id === mention.id) ? current : [...current, mention]));
    const el = textarea.current;
    const insert = `@${mention.name} `;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const before = body.slice(0, start);
    const spacer = before.length > 0 && !/\s$/.test(before) ? " " : "";
    const next = `${before}${spacer}${insert}${body.slice(end)}`;
    setBody(next);
    requestAnimationFrame(() => {
      if (!el) return;
      const caret = before.length + spacer.length + insert.length;
      el.focus();
      el.setSelectionRange(caret, caret);
    });
  };

  return (
    <form className={`comment-form${className ? ` ${className}` : ""}`} onSubmit={(e) => void submit(e)} noValidate>
      <label className="comment-form__label" htmlFor={`${id}-body`}>
        {label}
      </label>
      <textarea
        id={`${id}-body`}
        ref={textarea}
        className="input comment-form__text"
        rows={3}
        value={body}
        maxLength={MAX_BODY + 100}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        lang="da"
      />
      {mentions.length > 0 ? (
        <ul className="mention-chips" aria-label={cm.mention.chosen}>
          {mentions.map((m) => (
            <li key={m.id} className="mention-chip">
              <span>@{m.name}</span>
              <button
                type="button"
                className="mention-chip__remove"
                aria-label={cm.mention.remove(m.name)}
                title={cm.mention.remove(m.name)}
                onClick={() => {
                  setMentions((current) => current.filter((x) => x.id !== m.id));
                  setBody((current) => current.replace(`@${m.name} `, "").replace(`@${m.name}`, ""));
                  textarea.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="comment-form__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <div className="comment-form__actions">
        <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
          {busy ? submittingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary button--small" onClick={onCancel} disabled={busy}>
            {cancelLabel ?? cm.draft.cancel}
          </button>
        ) : null}
        <MentionPicker store={store} meId={meId} onAdd={addMention} chosen={mentions} />
      </div>
    </form>
  );
}

export interface Option {
  id: string;
  label: string;
  name: string;
}
