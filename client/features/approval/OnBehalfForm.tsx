/**
 * The coordinator registers a kommune's decision on its behalf (issue 18), with the evidence it
 * was given: for a kommune whose decision is made but who cannot register it. The letter flags it
 * and the audit log records who did it.
 */
import { useId, useRef, useState, type FormEvent } from "react";
import type { WorkflowResponse } from "../../../shared/validation/workflow.js";
import { ApproveOnBehalfBody } from "../../../shared/validation/workflow.js";
import { api } from "../../api.js";
import { decisionTexts as t } from "../../i18n/decision.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { errorMessage } from "../../ui/errors.js";
import { check } from "../../ui/validate.js";
import { DecisionFields, EMPTY_DECISION, type DecisionDraft } from "./DecisionFields.js";
import { checkDecision } from "./ApproveForm.js";
import type { OnDone } from "./errors.js";

export function OnBehalfForm({ workflow, onDone }: { workflow: WorkflowResponse; onDone: OnDone }) {
  const { document } = useWorkspace();
  const waiting = workflow.approvals.filter((a) => a.approval === null);
  const [kommunekode, setKommunekode] = useState("");
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DECISION);
  const [dokumentation, setDokumentation] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  if (waiting.length === 0 || !workflow.frozenHash) return null;
  const frozenHash = workflow.frozenHash;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const decision = checkDecision(draft, form.current);
    const rest = check(ApproveOnBehalfBody.pick({ kommunekode: true, dokumentation: true }), { kommunekode, dokumentation });
    const found = { ...(decision.ok ? {} : decision.errors), ...(rest.ok ? {} : rest.errors) };
    if (!rest.ok && rest.errors.kommunekode) found.kommunekode = t.missingKommune;
    setErrors(found);
    if (!decision.ok || !rest.ok) return;
    setBusy(true);
    setError(null);
    try {
      await api.approveOnBehalf(document.id, { kommunekode, beslutning: decision.data, dokumentation: rest.data.dokumentation, indholdsHash: frozenHash });
      const kommune = waiting.find((a) => a.kommunekode === kommunekode)?.kommune ?? kommunekode;
      setKommunekode("");
      setDraft(EMPTY_DECISION);
      setDokumentation("");
      onDone(t.registered(kommune));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (key: string) =>
    errors[key] ? (
      <p className="field__error" id={`${id}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;

  return (
    <details className="wf-section">
      <summary className="panel__subheading">{t.onBehalfTitle}</summary>
      <form ref={form} className="wf-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <p className="wf-small">{t.onBehalfIntro}</p>
        <div className="field">
          <label htmlFor={`${id}-kommune`} className="field__label">
            {t.kommune} <span className="field__optional">{wf.common.required}</span>
          </label>
          <select
            id={`${id}-kommune`}
            className="input"
            value={kommunekode}
            aria-invalid={errors.kommunekode ? true : undefined}
            aria-describedby={errors.kommunekode ? `${id}-kommunekode-error` : undefined}
            onChange={(e) => setKommunekode(e.target.value)}
          >
            <option value="">{t.chooseKommune}</option>
            {waiting.map((a) => (
              <option key={a.kommunekode} value={a.kommunekode}>
                {a.kommune}
              </option>
            ))}
          </select>
          {fieldError("kommunekode")}
        </div>
        <DecisionFields value={draft} onChange={setDraft} errors={errors} />
        <div className="field">
          <label htmlFor={`${id}-dokumentation`} className="field__label">
            {t.dokumentation} <span className="field__optional">{wf.common.required}</span>
          </label>
          <p className="field__help" id={`${id}-dokumentation-help`}>
            {t.dokumentationHelp}
          </p>
          <textarea
            id={`${id}-dokumentation`}
            className="input wf-textarea"
            rows={2}
            value={dokumentation}
            aria-invalid={errors.dokumentation ? true : undefined}
            aria-describedby={`${id}-dokumentation-help${errors.dokumentation ? ` ${id}-dokumentation-error` : ""}`}
            onChange={(e) => setDokumentation(e.target.value)}
          />
          {fieldError("dokumentation")}
        </div>
        {error ? (
          <p className="ui-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="ui-actions">
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t.register}
          </button>
        </div>
      </form>
    </details>
  );
}
