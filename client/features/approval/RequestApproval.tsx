/**
 * udkast → til_godkendelse, for the koordinator: "Send til godkendelse". Errors block (listed,
 * each a jump to its field); advarsler are acknowledged one by one in the confirmation, which
 * also explains the freeze and mentions open comment threads (they do not block).
 */
import { useEffect, useId, useRef, useState } from "react";
import type { CompletenessReport, Finding } from "../../../shared/template/types.js";
import { api, ApiError } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { useThreads } from "../comments/threadHooks.js";
import { runCompleteness } from "../completeness/useCompleteness.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import { ConfirmDialog } from "../../ui/Dialog.js";
import { useTypingNow } from "./useTypingNow.js";
import type { Person } from "../presence/usePresence.js";
import { type OnDone } from "./errors.js";
import { FindingList, blockTitle, findingKey } from "../../ui/FindingList.js";
import { errorMessage } from "../../ui/errors.js";

export function RequestApproval({ total, onDone }: { total: number; onDone: OnDone }) {
  const { document, ydoc, onJump, provider, me } = useWorkspace();
  // Who is here and typing: the freeze waits for a pause rather than cutting a sentence in two.
  const typingNow = useTypingNow(provider?.awareness ?? null, me.user.id);
  const [waitingFor, setWaitingFor] = useState<string[] | null>(null);
  const waitTimer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  useEffect(() => () => clearInterval(waitTimer.current), []);
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

  const confirm = async (force = false) => {
    if (!dialog) return;
    if (dialog.warnings.some((w) => !acknowledged.has(findingKey(w)))) {
      setAckHint(true);
      return;
    }
    clearInterval(waitTimer.current);
    const typing = typingNow.typing();
    if (!force && typing.length > 0) {
      // Freeze at the next pause: check a few times a second until nobody has typed for a moment.
      setWaitingFor(typing.map(nameOf));
      waitTimer.current = setInterval(() => {
        const still = typingNow.typing();
        if (still.length > 0) return setWaitingFor(still.map(nameOf));
        clearInterval(waitTimer.current);
        setWaitingFor(null);
        void confirm(true);
      }, 250);
      return;
    }
    setWaitingFor(null);
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
        setError(errorMessage(e));
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
          <FindingList findings={errors} kind="fejl" onJump={(f) => onJump({ blockId: f.blockId, fieldId: f.fieldId })} />
        </div>
      ) : null}

      <ConfirmDialog
        open={dialog !== null}
        title={wf.approval.requestDialogTitle}
        confirmLabel={wf.approval.requestConfirm}
        onConfirm={() => void confirm()}
        onCancel={() => {
          clearInterval(waitTimer.current);
          setWaitingFor(null);
          setDialog(null);
        }}
        busy={busy}
        error={error}
      >
        <p>{wf.approval.requestDialogBody(total)}</p>
        <PresentNow people={typingNow.present.filter((p) => !p.isSelf)} typing={new Set(typingNow.typing().map((p) => p.userId))} />
        {waitingFor ? (
          <div className="wf-waiting" role="status">
            <p>{wf.approval.waitingForPause(waitingFor)}</p>
            <button type="button" className="button button--secondary button--small" onClick={() => void confirm(true)}>
              {wf.approval.freezeAnyway}
            </button>
          </div>
        ) : null}
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
              <p className="ui-error" role="alert">
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
              <p className="ui-error" role="alert">
                {wf.approval.acknowledgeAll}
              </p>
            ) : null}
          </fieldset>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

const nameOf = (p: Person) => `${p.name} (${p.organisation})`;

/** Who else is in the reply now, and who of them is typing. */
function PresentNow({ people, typing }: { people: Person[]; typing: ReadonlySet<string> }) {
  if (people.length === 0) return <p className="wf-small">{wf.approval.nobodyElse}</p>;
  return (
    <div className="wf-present">
      <p className="wf-small">{wf.approval.presentNow}</p>
      <ul className="wf-present__list">
        {people.map((p) => (
          <li key={p.userId}>
            {nameOf(p)}
            {typing.has(p.userId) ? <strong className="wf-present__typing"> – {wf.approval.typingNow}</strong> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
