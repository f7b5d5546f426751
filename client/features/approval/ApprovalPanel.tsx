/**
 * The side panel "Godkendelse": where the reply is in its workflow (udkast → til godkendelse →
 * godkendt af alle kommuner → indsendt, shared/design/reply-template.md §6) and the step each
 * person can take from there:
 *
 *   udkast           koordinator: "Send til godkendelse" (errors block; advarsler are
 *                    acknowledged one by one; a confirmation explains the freeze)
 *   til_godkendelse  the frozen text's hash, every kommune's approval (who/when/grundlag), the
 *                    internal deadline; a kommunal redaktør approves on behalf of their kommune
 *                    (grundlag + the hash they read); koordinator: back to udkast with a reason
 *   godkendt         koordinator: "Indsend svaret" (irreversible: confirmation)
 *   indsendt         the seal (date, both hashes, verified by the server) and the downloads
 *
 * The server decides; the panel refreshes on the `workflow` and `approvals` events. The user's
 * own changes refused after the freeze are listed at the end, with a copy button each.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { findBlock } from "../../../shared/template/definition.js";
import type { CompletenessReport, Finding } from "../../../shared/template/types.js";
import type { FinalResponse, WorkflowResponse } from "../../../shared/validation/workflow.js";
import { api, ApiError } from "../../api.js";
import { da, formatDate, formatDateTime } from "../../i18n/da.js";
import { wf } from "../../i18n/workflow.js";
import { Loading } from "../../pages/Loading.js";
import { useThreads } from "../comments/threadStore.js";
import { runCompleteness } from "../completeness/useCompleteness.js";
import { useWorkspace, type WorkflowState } from "../workspace/WorkspaceContext.js";
import { ConfirmDialog } from "./Dialog.js";
import { DeadlineBadge } from "./deadline.js";
import { Hash } from "./Hash.js";
import { RejectedChangesList } from "./RejectedChanges.js";
import { useRejectedChanges } from "./useRejectedChanges.js";
import { useWorkflow } from "./useWorkflow.js";
import "./workflow.css";

const STATES: readonly WorkflowState[] = ["udkast", "til_godkendelse", "godkendt", "indsendt"];

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : da.errors.generic;
}

function blockTitle(blockId: string): string {
  const block = findBlock(blockId);
  if (!block) return blockId;
  return block.number ? `${block.number} ${block.heading}` : block.heading;
}

const findingKey = (f: Finding) => `${f.ruleId}:${f.fieldId ?? ""}`;

// ---------------------------------------------------------------------------------------------

export function ApprovalPanel() {
  const { workflowState } = useWorkspace();
  const { load, refresh } = useWorkflow();
  const { changes } = useRejectedChanges();
  const [notice, setNotice] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const state = load.status === "ok" ? load.workflow.state : workflowState;

  /** After a step: say what happened, refresh, and keep the focus in the panel (the button that was used may be gone). */
  const onDone = (message: string) => {
    setNotice(message);
    refresh();
    heading.current?.focus();
  };

  return (
    <section className="panel wf-panel" aria-labelledby="approval-heading" data-state={state}>
      <h2 className="panel__heading" id="approval-heading" ref={heading} tabIndex={-1}>
        {wf.approval.title}
      </h2>
      <Steps state={state} />
      <p className="wf-intro">{wf.approval.intro[state]}</p>
      <div role="status" aria-live="polite" className="wf-notice-region">
        {notice ? <p className="wf-notice">{notice}</p> : null}
      </div>

      {load.status === "loading" ? <Loading /> : null}
      {load.status === "error" ? (
        <div className="wf-error" role="alert">
          <p>{load.message}</p>
          <button type="button" className="button button--secondary button--small" onClick={refresh}>
            {wf.common.retry}
          </button>
        </div>
      ) : null}
      {load.status === "ok" ? <StateBody workflow={load.workflow} onDone={onDone} onChanged={refresh} /> : null}

      <RejectedChangesList changes={changes} />
    </section>
  );
}

function Steps({ state }: { state: WorkflowState }) {
  const current = STATES.indexOf(state);
  return (
    <ol className="wf-steps" aria-label={wf.stepsLabel}>
      {STATES.map((s, i) => (
        <li key={s} className={`wf-steps__step${i < current ? " is-done" : ""}${i === current ? " is-current" : ""}`} aria-current={i === current ? "step" : undefined}>
          <span className="wf-steps__marker" aria-hidden="true">
            {i < current ? "✓" : i + 1}
          </span>
          <span className="wf-steps__label">
            {wf.states[s]} {i === current ? <span className="wf-steps__now">{wf.stepCurrent}</span> : null}
            {i < current ? <span className="visually-hidden">{wf.stepDone}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

function StateBody({ workflow, onDone, onChanged }: { workflow: WorkflowResponse; onDone: (m: string) => void; onChanged: () => void }) {
  const { document, me } = useWorkspace();
  const isCoordinator = document.role === "koordinator";
  const total = workflow.approvals.length;
  const given = workflow.approvals.filter((a) => a.approval !== null).length;
  const kommunekode = me.user.organisation.kind === "kommune" ? me.user.organisation.kommunekode : null;
  const own = kommunekode ? workflow.approvals.find((a) => a.kommunekode === kommunekode) : undefined;
  const mayApprove = document.role === "redaktoer" && own !== undefined;

  switch (workflow.state) {
    case "udkast":
      return (
        <>
          <p className="wf-small">{wf.approval.kommunerMustApprove(total)}</p>
          {isCoordinator ? <RequestApproval total={total} onDone={onDone} /> : <p className="wf-small muted">{wf.approval.waitingForCoordinator}</p>}
          <InternalDeadline workflow={workflow} editable={isCoordinator} onChanged={onChanged} />
        </>
      );
    case "til_godkendelse":
      return (
        <>
          <FrozenFacts workflow={workflow} />
          {mayApprove && own && own.approval === null && workflow.frozenHash ? (
            <ApproveForm kommune={own.kommune} frozenHash={workflow.frozenHash} onDone={onDone} onStale={onChanged} />
          ) : null}
          {own?.approval ? <p className="wf-ok">{wf.approval.approvedOwn(own.kommune)}</p> : null}
          <KommuneList workflow={workflow} ownCode={kommunekode} />
          <InternalDeadline workflow={workflow} editable={isCoordinator} onChanged={onChanged} />
          {isCoordinator ? <Reopen given={given} onDone={onDone} /> : null}
        </>
      );
    case "godkendt":
      return (
        <>
          <FrozenFacts workflow={workflow} />
          {isCoordinator ? <Submit onDone={onDone} /> : null}
          <KommuneList workflow={workflow} ownCode={kommunekode} />
          {isCoordinator ? <Reopen given={given} onDone={onDone} /> : null}
        </>
      );
    case "indsendt":
      return (
        <>
          <Seal workflow={workflow} />
          <KommuneList workflow={workflow} ownCode={kommunekode} />
        </>
      );
  }
}

// --- udkast: send til godkendelse ------------------------------------------------------------

function FindingButtons({ findings, kind, onJump }: { findings: Finding[]; kind: "fejl" | "advarsel"; onJump: (f: Finding) => void }) {
  return (
    <ul className="findings">
      {findings.map((f) => (
        <li key={findingKey(f)}>
          <button type="button" className={`finding finding--${kind}`} data-rule={f.ruleId} onClick={() => onJump(f)}>
            <span className="finding__where">
              <span className="finding__badge">{da.completeness.status[f.status]}</span> {blockTitle(f.blockId)}
            </span>
            <span className="finding__message">{f.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function RequestApproval({ total, onDone }: { total: number; onDone: (m: string) => void }) {
  const { document, ydoc, onJump } = useWorkspace();
  const [errors, setErrors] = useState<Finding[] | null>(null);
  const [dialog, setDialog] = useState<{ warnings: Finding[]; changed: boolean } | null>(null);
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const [ackHint, setAckHint] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorsHeading = useRef<HTMLHeadingElement>(null);
  const idPrefix = useId();
  // Open comment threads do not block the request (the coordinator may proceed); the dialog says so.
  const threads = useThreads();
  const openThreads = threads.status === "ok" ? threads.threads.filter((t) => t.status === "open").length : 0;

  const showErrors = (findings: Finding[]) => {
    setErrors(findings);
    requestAnimationFrame(() => errorsHeading.current?.focus());
  };

  const openDialog = (warnings: Finding[]) => {
    setAcknowledged(new Set());
    setAckHint(false);
    setError(null);
    setDialog({ warnings, changed: false });
  };

  // A local check first: the server repeats it, but a refused attempt would freeze the text for
  // everyone for a moment (and leave a version behind) just to say what the panel already knows.
  const start = () => {
    setErrors(null);
    const local = ydoc ? runCompleteness(ydoc, document.regionId) : null;
    if (local?.status === "ok") {
      const fejl = local.report.findings.filter((f) => f.severity === "fejl");
      if (fejl.length > 0) return showErrors(fejl);
      return openDialog(local.report.findings.filter((f) => f.severity === "advarsel"));
    }
    openDialog([]);
  };

  const confirm = async () => {
    if (!dialog) return;
    if (dialog.warnings.some((w) => !acknowledged.has(findingKey(w)))) {
      setAckHint(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.requestApproval(document.id, [...new Set(dialog.warnings.map((w) => w.ruleId))]);
      setDialog(null);
      onDone(wf.approval.requested);
    } catch (e) {
      if (e instanceof ApiError && e.code === "incomplete") {
        setDialog(null);
        showErrors(((e.details as CompletenessReport | undefined)?.findings ?? []).filter((f) => f.severity === "fejl"));
      } else if (e instanceof ApiError && e.code === "warnings_unacknowledged") {
        const fresh = (e.details as { warnings?: Finding[] } | undefined)?.warnings ?? [];
        const known = new Set(dialog.warnings.map(findingKey));
        setDialog({ warnings: [...dialog.warnings, ...fresh.filter((f) => !known.has(findingKey(f)))], changed: true });
      } else {
        setError(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const jumpFromDialog = (f: Finding) => {
    setDialog(null);
    onJump({ blockId: f.blockId, fieldId: f.fieldId });
  };

  return (
    <div className="wf-section">
      <button type="button" className="button wf-primary" onClick={start}>
        {wf.approval.request}
      </button>
      {errors ? (
        <div className="wf-errors">
          <h3 className="panel__subheading" ref={errorsHeading} tabIndex={-1}>
            {wf.approval.incompleteTitle}
          </h3>
          <p className="wf-small">{wf.approval.incompleteIntro(errors.length)}</p>
          <FindingButtons findings={errors} kind="fejl" onJump={(f) => onJump({ blockId: f.blockId, fieldId: f.fieldId })} />
        </div>
      ) : null}

      <ConfirmDialog
        open={dialog !== null}
        title={wf.approval.requestDialogTitle}
        confirmLabel={wf.approval.requestConfirm}
        onConfirm={confirm}
        onCancel={() => setDialog(null)}
        busy={busy}
        error={error}
      >
        <p>{wf.approval.requestDialogBody(total)}</p>
        {openThreads > 0 ? (
          <p className="wf-open-threads" data-open-threads={openThreads}>
            {wf.approval.openThreads(openThreads)}
          </p>
        ) : null}
        {dialog && dialog.warnings.length > 0 ? (
          <fieldset className="wf-warnings">
            <legend>
              {wf.approval.warningsTitle} ({dialog.warnings.length})
            </legend>
            {dialog.changed ? (
              <p className="wf-error" role="alert">
                {wf.approval.warningsChanged}
              </p>
            ) : null}
            <p className="wf-small">{wf.approval.warningsIntro}</p>
            <ul className="wf-warnings__list">
              {dialog.warnings.map((w, i) => {
                const key = findingKey(w);
                const id = `${idPrefix}-w${i}`;
                return (
                  <li key={key} className="wf-warning" data-rule={w.ruleId}>
                    <p className="wf-warning__where">{blockTitle(w.blockId)}</p>
                    <p className="wf-warning__message" id={`${id}-msg`}>
                      {w.message}
                    </p>
                    <div className="wf-warning__actions">
                      <label className="wf-check" htmlFor={id}>
                        <input
                          id={id}
                          type="checkbox"
                          checked={acknowledged.has(key)}
                          aria-describedby={`${id}-msg`}
                          data-initial-focus={i === 0 ? true : undefined}
                          onChange={(e) => {
                            const next = new Set(acknowledged);
                            if (e.target.checked) next.add(key);
                            else next.delete(key);
                            setAcknowledged(next);
                          }}
                        />
                        {wf.approval.acknowledge}
                      </label>
                      <button type="button" className="button--link wf-small" onClick={() => jumpFromDialog(w)}>
                        {wf.approval.goToField}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
            {ackHint && dialog.warnings.some((w) => !acknowledged.has(findingKey(w))) ? (
              <p className="wf-error" role="alert">
                {wf.approval.acknowledgeAll}
              </p>
            ) : null}
          </fieldset>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

// --- til_godkendelse / godkendt --------------------------------------------------------------

function FrozenFacts({ workflow }: { workflow: WorkflowResponse }) {
  if (!workflow.frozenHash) return null;
  return (
    <div className="wf-section wf-frozen">
      <p className="wf-label">{wf.approval.frozenHash}</p>
      <Hash value={workflow.frozenHash} />
      {workflow.frozenAt ? <p className="wf-small muted">{wf.approval.frozenAt(formatDateTime(workflow.frozenAt))}</p> : null}
    </div>
  );
}

function KommuneList({ workflow, ownCode }: { workflow: WorkflowResponse; ownCode: string | null }) {
  const total = workflow.approvals.length;
  const given = workflow.approvals.filter((a) => a.approval !== null).length;
  const progressText = wf.approval.progress(given, total);
  return (
    <section className="wf-section" aria-labelledby="wf-kommuner-heading">
      <h3 className="panel__subheading" id="wf-kommuner-heading">
        {wf.approval.kommunerTitle}
      </h3>
      <p className="wf-progress" data-testid="approval-progress">
        {progressText}
      </p>
      <progress className="wf-progress__bar" max={Math.max(total, 1)} value={given} aria-label={wf.approval.kommunerTitle} aria-valuetext={progressText} />
      <ul className="wf-kommuner">
        {workflow.approvals.map((a) => (
          <li key={a.kommunekode} className={`wf-kommune${a.approval ? " is-approved" : ""}${a.kommunekode === ownCode ? " is-own" : ""}`} data-kommune={a.kommunekode}>
            <span className="wf-kommune__name">{a.kommune}</span>
            {a.approval ? (
              <>
                <span className="wf-kommune__status wf-kommune__status--ok">
                  <span aria-hidden="true">✓ </span>
                  {wf.approval.approved}
                </span>
                <span className="wf-kommune__meta">{wf.approval.approvedBy(a.approval.godkendtAf, formatDateTime(a.approval.tidspunkt))}</span>
                <span className="wf-kommune__meta">{wf.approval.grundlagShown(a.approval.grundlag)}</span>
              </>
            ) : (
              <span className="wf-kommune__status wf-kommune__status--waiting">
                <span aria-hidden="true">○ </span>
                {wf.approval.notApproved}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function InternalDeadline({ workflow, editable, onChanged }: { workflow: WorkflowResponse; editable: boolean; onChanged: () => void }) {
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
      setMessage({ text: messageOf(e), error: true });
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
          <div className="wf-actions">
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
        {message ? <p className={message.error ? "wf-error" : "wf-ok"}>{message.text}</p> : null}
      </div>
    </section>
  );
}

function ApproveForm({ kommune, frozenHash, onDone, onStale }: { kommune: string; frozenHash: string; onDone: (m: string) => void; onStale: () => void }) {
  const { document } = useWorkspace();
  const [grundlag, setGrundlag] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (grundlag.trim().length < 3) {
      setInvalid(true);
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
        setError(messageOf(e));
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
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ""}`}
            onChange={(e) => {
              setGrundlag(e.target.value);
              if (invalid && e.target.value.trim().length >= 3) setInvalid(false);
            }}
          />
          {invalid ? (
            <p className="field__error" id={`${id}-error`}>
              {wf.approval.grundlagMissing}
            </p>
          ) : null}
        </div>
        {error && !confirming ? (
          <p className="wf-error" role="alert">
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

function Reopen({ given, onDone }: { given: number; onDone: (m: string) => void }) {
  const { document } = useWorkspace();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState(false);
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
      setError(messageOf(e));
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
          if (reason.trim().length < 3) {
            setInvalid(true);
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
            aria-invalid={invalid || undefined}
            aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ""}`}
            onChange={(e) => {
              setReason(e.target.value);
              if (invalid && e.target.value.trim().length >= 3) setInvalid(false);
            }}
          />
          {invalid ? (
            <p className="field__error" id={`${id}-error`}>
              {wf.approval.reopenReasonMissing}
            </p>
          ) : null}
        </div>
        <div className="wf-actions">
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

function Submit({ onDone }: { onDone: (m: string) => void }) {
  const { document } = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.submit(document.id);
      setConfirming(false);
      onDone(wf.approval.submitted);
    } catch (e) {
      const findings = e instanceof ApiError && e.code === "not_submittable" ? ((e.details as CompletenessReport | undefined)?.findings ?? []).filter((f) => f.severity === "fejl") : [];
      setError(findings.length > 0 ? `${wf.approval.notSubmittable} ${findings.map((f) => f.message).join(" ")}` : messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wf-section">
      <button
        type="button"
        className="button wf-primary"
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
      >
        {wf.approval.submit}
      </button>
      <ConfirmDialog
        open={confirming}
        title={wf.approval.submitDialogTitle}
        confirmLabel={wf.approval.submitConfirm}
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
        busy={busy}
        error={error}
      >
        <p>{wf.approval.submitDialogBody}</p>
      </ConfirmDialog>
    </div>
  );
}

// --- indsendt --------------------------------------------------------------------------------

type FinalLoad = { status: "loading" } | { status: "error"; message: string } | { status: "ok"; final: FinalResponse };

function Seal({ workflow }: { workflow: WorkflowResponse }) {
  const { document } = useWorkspace();
  const [load, setLoad] = useState<FinalLoad>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const sealHash = workflow.seal?.forseglingsHash;

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: "loading" });
    api.getFinal(document.id, controller.signal).then(
      (final) => setLoad({ status: "ok", final }),
      (e: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: "error", message: messageOf(e) });
      },
    );
    return () => controller.abort();
  }, [document.id, sealHash, attempt]);

  const seal = workflow.seal ?? (load.status === "ok" ? { indholdsHash: load.final.indholdsHash, forseglingsHash: load.final.forseglingsHash, sealedAt: load.final.sealedAt } : null);
  const verified = load.status === "ok" && load.final.verification.indholdsHash && load.final.verification.forseglingsHash;

  return (
    <section className="wf-section wf-seal" aria-labelledby="wf-seal-heading">
      <h3 className="panel__subheading" id="wf-seal-heading">
        {wf.approval.sealTitle}
      </h3>
      {seal ? (
        <dl className="wf-facts">
          <dt>{wf.approval.sealedAt}</dt>
          <dd>
            <time dateTime={seal.sealedAt}>{formatDateTime(seal.sealedAt)}</time>
          </dd>
          <dt>{wf.approval.indholdsHash}</dt>
          <dd>
            <Hash value={seal.indholdsHash} />
          </dd>
          <dt>{wf.approval.forseglingsHash}</dt>
          <dd>
            <Hash value={seal.forseglingsHash} />
          </dd>
        </dl>
      ) : null}
      {load.status === "loading" ? <Loading text={wf.approval.sealChecking} /> : null}
      {load.status === "ok" && verified ? <p className="wf-ok wf-verified">{wf.approval.sealVerified}</p> : null}
      {load.status === "ok" && !verified ? (
        <p className="wf-error" role="alert">
          {wf.approval.sealBroken}
        </p>
      ) : null}
      {load.status === "error" ? (
        <div className="wf-error" role="alert">
          <p>{load.message}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => setAttempt((n) => n + 1)}>
            {wf.common.retry}
          </button>
        </div>
      ) : null}

      <h3 className="panel__subheading">{wf.approval.downloads}</h3>
      <ul className="wf-downloads">
        <li>
          <a href={api.finalDownloadUrl(document.id, "pdf")} download>
            {wf.approval.downloadPdf}
          </a>
        </li>
        <li>
          <a href={api.finalDownloadUrl(document.id, "docx")} download>
            {wf.approval.downloadDocx}
          </a>
        </li>
      </ul>
    </section>
  );
}
