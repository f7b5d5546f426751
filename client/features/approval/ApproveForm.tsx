/**
 * A kommunal redaktør approves the frozen text on behalf of their kommune: the basis (grundlag,
 * e.g. a council decision) is required, and a confirmation shows the exact fingerprint approved.
 * A changed text (hash_mismatch) or an approval given meanwhile refreshes the panel instead.
 */
import { useId, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { ConfirmDialog } from "../../ui/Dialog.js";
import { type OnDone } from "./errors.js";
import { Hash } from "./Hash.js";
import { errorMessage } from "../../ui/errors.js";
import { check } from "../../ui/validate.js";
import { ApproveBody } from "../../../shared/validation/workflow.js";

const checkGrundlag = (value: string) => check(ApproveBody.shape.grundlag, value);

export function ApproveForm({ kommune, frozenHash, onDone, onStale }: { kommune: string; frozenHash: string; onDone: OnDone; onStale: () => void }) {
  const { document } = useWorkspace();
  const [grundlag, setGrundlag] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkGrundlag(grundlag);
    if (!checked.ok) {
      setInvalid(checked.errors[""] ?? null);
      input.current?.focus();
      return;
    }
    setError(null);
    setConfirming(true);
  };

  const approve = async () => {
    setBusy(true);
    try {
      await api.approve(document.id, grundlag.trim(), frozenHash);
      setConfirming(false);
      onDone(wf.approval.approvedOwn(kommune));
    } catch (e) {
      if (e instanceof ApiError && e.code === "hash_mismatch") {
        setConfirming(false);
        setError(wf.approval.hashMismatch);
        onStale();
      } else if (e instanceof ApiError && e.code === "already_approved") {
        setConfirming(false);
        onStale();
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="wf-section wf-approve" aria-labelledby={`${id}-heading`}>
      <h3 className="panel__subheading" id={`${id}-heading`}>
        {wf.approval.approveTitle(kommune)}
      </h3>
      <form onSubmit={onSubmit} noValidate className="wf-form">
        <p className="wf-small">{wf.approval.approveIntro}</p>
        <Hash value={frozenHash} />
        <div className="field">
          <label htmlFor={`${id}-grundlag`} className="field__label">
            {wf.approval.grundlag} <span className="field__optional">{wf.common.required}</span>
          </label>
          <p className="field__help" id={`${id}-help`}>
            {wf.approval.grundlagHelp}
          </p>
          <input
            ref={input}
            id={`${id}-grundlag`}
            className="input"
            value={grundlag}
            required
            aria-required="true"
            maxLength={300}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ""}`}
            onChange={(e) => {
              setGrundlag(e.target.value);
              if (invalid && checkGrundlag(e.target.value).ok) setInvalid(null);
            }}
          />
          {invalid ? (
            <p className="field__error" id={`${id}-error`}>
              {invalid}
            </p>
          ) : null}
        </div>
        {error && !confirming ? (
          <p className="ui-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button wf-primary">
          {wf.approval.approveTitle(kommune)}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={wf.approval.approveDialogTitle(kommune)}
        confirmLabel={wf.approval.approveConfirm}
        onConfirm={approve}
        onCancel={() => setConfirming(false)}
        busy={busy}
        error={confirming ? error : null}
      >
        <p>{wf.approval.approveDialogBody}</p>
        <dl className="wf-facts">
          <dt>{wf.approval.grundlag}</dt>
          <dd>{grundlag.trim()}</dd>
          <dt>{wf.approval.frozenHash}</dt>
          <dd>
            <code className="wf-hash__full">{frozenHash}</code>
          </dd>
        </dl>
      </ConfirmDialog>
    </section>
  );
}
