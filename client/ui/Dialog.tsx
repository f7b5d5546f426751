/**
 * The one modal dialog of the client, on the native <dialog> element (showModal): the page behind
 * is inert, Escape closes it, and the browser returns focus to what opened it. `ConfirmDialog` is
 * the one confirmation of irreversible steps (the workflow's, removing a person, revoking an
 * invitation): the cancel button gets the focus first (unless the content marks an earlier
 * control, e.g. a checkbox to tick), so an accidental Enter never confirms.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { wf } from "../i18n/workflow.js";

/** The first element marked `data-initial-focus` gets the focus when the dialog opens. */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { open, title, onClose, children, wide } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const preferred = dialog.querySelector<HTMLElement>("[data-initial-focus]");
      preferred?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`ui-dialog${wide ? " ui-dialog--wide" : ""}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <div className="ui-dialog__head">
            <h2 id={titleId} className="ui-dialog__title">
              {title}
            </h2>
            <button type="button" className="button button--secondary button--small" onClick={onClose}>
              {wf.common.close}
            </button>
          </div>
          {/* A wide dialog may scroll content with no control in it: keyboard users can focus it to scroll. */}
          <div className="ui-dialog__body" {...(wide ? { tabIndex: 0, role: "region", "aria-labelledby": titleId } : {})}>
            {children}
          </div>
        </>
      ) : null}
    </dialog>
  );
}

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** Shown in the dialog (role=alert), e.g. the server's refusal. */
  error?: string | null;
  /** The confirm button's text while busy (default: unchanged). */
  busyLabel?: string;
  /** "danger": the confirm button is red (removing, revoking). */
  tone?: "danger";
}) {
  const { open, title, children, confirmLabel, onConfirm, onCancel, busy, error, busyLabel, tone } = props;
  return (
    <Dialog open={open} title={title} onClose={busy ? () => {} : onCancel}>
      <form
        className="ui-confirm"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onConfirm();
        }}
      >
        {children}
        {error ? (
          <p className="ui-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="ui-actions">
          <button type="submit" className={`button${tone === "danger" ? " button--danger" : ""}`} aria-disabled={busy || undefined}>
            {busy && busyLabel ? busyLabel : confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy} data-initial-focus>
            {wf.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
