/**
 * A modal confirmation on the native <dialog> (showModal): the page behind is inert, Escape
 * cancels, and the cancel button has the focus first, so an accidental Enter never confirms.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { people } from "../../i18n/people.js";

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** The server's refusal, shown in the dialog. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { open, title, children, confirmLabel, busyLabel, busy, error, onConfirm, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="people-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <form
          className="people-dialog__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) onConfirm();
          }}
        >
          <h2 id={titleId} className="people-dialog__title">
            {title}
          </h2>
          <div id={bodyId}>{children}</div>
          {error ? (
            <p className="people-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="people-actions">
            <button type="submit" className="button people-button--danger" aria-disabled={busy || undefined}>
              {busy ? busyLabel : confirmLabel}
            </button>
            <button type="button" ref={cancelRef} className="button button--secondary" onClick={onCancel} disabled={busy}>
              {people.panel.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
