/**
 * A kommunal redaktør records their kommune's decision on the frozen text: the body that decided,
 * the meeting and agenda item, the minutes and the outcome (DecisionFields), checked with the
 * route's schema. A confirmation shows the decision as the letter will print it and the exact
 * fingerprint it concerns. A changed text (hash_mismatch) or a decision registered meanwhile
 * refreshes the panel instead.
 */
import { useId, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { decisionTexts } from "../../i18n/decision.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { ConfirmDialog } from "../../ui/Dialog.js";
import { type OnDone } from "./errors.js";
import { Hash } from "./Hash.js";
import { errorMessage } from "../../ui/errors.js";
import { check } from "../../ui/validate.js";
import { Decision, decisionText } from "../../../shared/validation/decision.js";
import { DecisionFields, EMPTY_DECISION, type DecisionDraft } from "./DecisionFields.js";

/** Checks a decision draft; on failure focuses the first field with a message. */
export function checkDecision(draft: DecisionDraft, form: HTMLFormElement | null) {
  const checked = check(Decision, draft);
  if (!checked.ok) {
    const first = Object.keys(checked.errors)[0];
    form?.querySelector<HTMLElement>(`[data-decision="${first}"]`)?.focus();
  }
  return checked;
}

export function ApproveForm({ kommune, frozenHash, onDone, onStale }: { kommune: string; frozenHash: string; onDone: OnDone; onStale: () => void }) {
  const { document } = useWorkspace();
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DECISION);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkDecision(draft, form.current);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setError(null);
    setDecision(checked.data);
  };

  const approve = async () => {
    if (!decision) return;
    setBusy(true);
    try {
      await api.approve(document.id, decision, frozenHash);
      setDecision(null);
      onDone(wf.approval.approvedOwn(kommune));
    } catch (e) {
      if (e instanceof ApiError && e.code === "hash_mismatch") {
        setDecision(null);
        setError(wf.approval.hashMismatch);
        onStale();
      } else if (e instanceof ApiError && e.code === "already_approved") {
        setDecision(null);
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
      <form ref={form} onSubmit={onSubmit} noValidate className="wf-form">
        <p className="wf-small">{wf.approval.approveIntro}</p>
        <Hash value={frozenHash} />
        <DecisionFields value={draft} onChange={setDraft} errors={errors} />
        {error && !decision ? (
          <p className="ui-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button wf-primary">
          {wf.approval.approveTitle(kommune)}
        </button>
      </form>
      <ConfirmDialog
        open={decision !== null}
        title={wf.approval.approveDialogTitle(kommune)}
        confirmLabel={wf.approval.approveConfirm}
        onConfirm={approve}
        onCancel={() => setDecision(null)}
        busy={busy}
        error={decision ? error : null}
      >
        <p>{wf.approval.approveDialogBody}</p>
        <dl className="wf-facts">
          <dt>{decisionTexts.summary}</dt>
          <dd>{decision ? decisionText(decision) : null}</dd>
          <dt>{wf.approval.frozenHash}</dt>
          <dd>
            <code className="wf-hash__full">{frozenHash}</code>
          </dd>
        </dl>
      </ConfirmDialog>
    </section>
  );
}
