/**
 * til_godkendelse / godkendt → udkast, for the koordinator: a reason is required, and the
 * confirmation says how many approvals lapse.
 */
import { useId, useRef, useState } from "react";
import { api } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { ConfirmDialog } from "../../ui/Dialog.js";
import { type OnDone } from "./errors.js";
import { errorMessage } from "../../ui/errors.js";
import { check } from "../../ui/validate.js";
import { ReopenBody } from "../../../shared/validation/workflow.js";

const checkReason = (value: string) => check(ReopenBody.shape.reason, value);

export function ReopenReply({ given, onDone }: { given: number; onDone: OnDone }) {
  const { document } = useWorkspace();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const reopen = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.reopen(document.id, reason.trim());
      setConfirming(false);
      setOpen(false);
      setReason("");
      onDone(wf.approval.reopened);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div className="wf-section">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => field.current?.focus());
          }}
        >
          {wf.approval.reopen}
        </button>
      </div>
    );
  }
  return (
    <section className="wf-section wf-reopen" aria-labelledby={`${id}-heading`}>
      <h3 className="panel__subheading" id={`${id}-heading`}>
        {wf.approval.reopen}
      </h3>
      <p className="wf-warning-text">{wf.approval.reopenWarning(given)}</p>
      <form
        className="wf-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const checked = checkReason(reason);
          if (!checked.ok) {
            setInvalid(checked.errors[""] ?? null);
            field.current?.focus();
            return;
          }
          setError(null);
          setConfirming(true);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-reason`} className="field__label">
            {wf.approval.reopenReason} <span className="field__optional">{wf.common.required}</span>
          </label>
          <p className="field__help" id={`${id}-help`}>
            {wf.approval.reopenHelp}
          </p>
          <textarea
            ref={field}
            id={`${id}-reason`}
            className="input wf-textarea"
            rows={3}
            maxLength={1000}
            value={reason}
            required
            aria-required="true"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ""}`}
            onChange={(e) => {
              setReason(e.target.value);
              if (invalid && checkReason(e.target.value).ok) setInvalid(null);
            }}
          />
          {invalid ? (
            <p className="field__error" id={`${id}-error`}>
              {invalid}
            </p>
          ) : null}
        </div>
        <div className="ui-actions">
          <button type="submit" className="button button--secondary">
            {wf.approval.reopen}
          </button>
          <button type="button" className="button--link" onClick={() => setOpen(false)}>
            {wf.common.cancel}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={wf.approval.reopenDialogTitle}
        confirmLabel={wf.approval.reopenConfirm}
        onConfirm={reopen}
        onCancel={() => setConfirming(false)}
        busy={busy}
        error={error}
      >
        <p>{wf.approval.reopenWarning(given)}</p>
        <dl className="wf-facts">
          <dt>{wf.approval.reopenReason}</dt>
          <dd>{reason.trim()}</dd>
        </dl>
      </ConfirmDialog>
    </section>
  );
}
