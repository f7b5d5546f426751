/** The coordinator's internal deadline for the approvals: shown to all, set or cleared by the koordinator. */
import { useEffect, useId, useState } from "react";
import type { WorkflowResponse } from "../../../shared/validation/workflow.js";
import { api } from "../../api.js";
import { formatDate } from "../../i18n/da.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { DeadlineBadge } from "./deadline.js";
import { errorMessage } from "../../ui/errors.js";

export function InternalDeadline({ workflow, editable, onChanged }: { workflow: WorkflowResponse; editable: boolean; onChanged: () => void }) {
  const { document } = useWorkspace();
  const [draft, setDraft] = useState(workflow.internalDeadline ?? "");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const inputId = useId();
  useEffect(() => setDraft(workflow.internalDeadline ?? ""), [workflow.internalDeadline]);

  const save = async (value: string | null) => {
    if (value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      setMessage({ text: wf.approval.internalDeadlineInvalid, error: true });
      return;
    }
    setBusy(true);
    try {
      await api.setInternalDeadline(document.id, value);
      setMessage({ text: value ? wf.approval.internalDeadlineSaved : wf.approval.internalDeadlineCleared, error: false });
      onChanged();
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  if (!editable && !workflow.internalDeadline) return null;
  return (
    <section className="wf-section" aria-labelledby="wf-internal-deadline">
      <h3 className="panel__subheading" id="wf-internal-deadline">
        {wf.approval.internalDeadline}
      </h3>
      {workflow.internalDeadline ? (
        <p className="wf-small">
          <time dateTime={workflow.internalDeadline}>{formatDate(workflow.internalDeadline)}</time> · <DeadlineBadge deadline={workflow.internalDeadline} />
        </p>
      ) : (
        <p className="wf-small muted">{wf.approval.internalDeadlineNone}</p>
      )}
      {editable ? (
        <form
          className="wf-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft || null);
          }}
        >
          <label htmlFor={inputId} className="wf-small">
            {wf.approval.internalDeadlineInput}
          </label>
          <input id={inputId} type="date" className="input" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="ui-actions">
            <button type="submit" className="button button--secondary button--small" disabled={busy}>
              {wf.approval.internalDeadlineSet}
            </button>
            {workflow.internalDeadline ? (
              <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void save(null)}>
                {wf.approval.internalDeadlineClear}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      <div role="status" className="wf-small">
        {message ? <p className={message.error ? "ui-error" : "wf-ok"}>{message.text}</p> : null}
      </div>
    </section>
  );
}
