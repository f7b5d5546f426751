/**
 * The side panel "Tjek af svaret": progress per item and the findings of the completeness check,
 * errors (fejl, blocking) first and warnings (advarsel) separately. Each finding is a button:
 * click or Enter scrolls to the field (or block) and focuses it. Each item also shows its
 * unresolved comment threads (client/features/comments).
 */
import type * as Y from "yjs";
import type { ProgressKey } from "../../../shared/template/types.js";
import { da, formatNumber } from "../../i18n/da.js";
import { cm } from "../../i18n/comments.js";
import { openThreadsByProgressKey } from "../comments/grouping.js";
import { useThreads } from "../comments/threadHooks.js";
import type { JumpTarget } from "../editor/focus.js";
import { useCompleteness } from "./useCompleteness.js";
import { FindingList } from "../../ui/FindingList.js";

const PROGRESS_KEYS: readonly ProgressKey[] = ["hoved", "1", "2", "3", "4"];

/** `checkDate`: the day a frozen reply is judged at (null: today, for a draft). */
export function CompletenessPanel({
  ydoc,
  regionId,
  checkDate,
  onJump,
}: {
  ydoc: Y.Doc;
  regionId: string;
  checkDate: string | null;
  onJump: (t: JumpTarget) => void;
}) {
  const state = useCompleteness(ydoc, regionId, checkDate);
  const threads = useThreads();
  const openThreads = threads.status === "ok" ? openThreadsByProgressKey(threads.threads) : null;
  if (state.status === "failed") {
    return (
      <section className="panel completeness" aria-labelledby="completeness-heading">
        <h2 className="panel__heading" id="completeness-heading">
          {da.completeness.title}
        </h2>
        <p className="muted">{da.completeness.failed}</p>
      </section>
    );
  }
  const { report } = state;
  const errors = report.findings.filter((f) => f.severity === "fejl");
  const warnings = report.findings.filter((f) => f.severity === "advarsel");

  return (
    <section className="panel completeness" aria-labelledby="completeness-heading">
      <h2 className="panel__heading" id="completeness-heading">
        {da.completeness.title}
      </h2>
      <p className={`completeness__summary${report.ok ? " completeness__summary--ok" : ""}`} role="status" aria-live="polite" aria-atomic="true">
        {report.ok && warnings.length === 0 ? da.completeness.summaryOk : da.completeness.summary(errors.length, warnings.length)}
      </p>

      <h3 className="panel__subheading">{da.completeness.progress}</h3>
      <ul className="progress-list">
        {PROGRESS_KEYS.map((key) => {
          const { ok, total } = report.progress[key];
          const text = da.completeness.progressOf(ok, total);
          return (
            <li key={key} className="progress-item">
              <span className="progress-item__label" id={`progress-${key}`}>
                {da.completeness.items[key]}
              </span>
              <progress
                className="progress-item__bar"
                max={Math.max(total, 1)}
                value={total === 0 ? 1 : ok}
                aria-labelledby={`progress-${key}`}
                aria-valuetext={text}
              />
              <span className="progress-item__text">{text}</span>
              {openThreads && openThreads.byKey[key] > 0 ? (
                <span className="progress-item__text progress-item__comments" data-open-threads={openThreads.byKey[key]}>
                  {cm.completeness.open(openThreads.byKey[key])}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {openThreads ? (
        <p className="completeness__comments">{openThreads.total > 0 ? cm.completeness.summary(openThreads.total) : cm.completeness.none}</p>
      ) : null}

      <h3 className="panel__subheading">
        {da.completeness.errors} <span className="count">({formatNumber(errors.length)})</span>
      </h3>
      {errors.length === 0 ? (
        <p className="muted">{da.completeness.noErrors}</p>
      ) : (
        <FindingList findings={errors} kind="fejl" onJump={(f) => onJump({ fieldId: f.fieldId, blockId: f.blockId })} />
      )}

      <h3 className="panel__subheading">
        {da.completeness.warnings} <span className="count">({formatNumber(warnings.length)})</span>
      </h3>
      {warnings.length === 0 ? (
        <p className="muted">{da.completeness.noWarnings}</p>
      ) : (
        <FindingList findings={warnings} kind="advarsel" onJump={(f) => onJump({ fieldId: f.fieldId, blockId: f.blockId })} />
      )}
      {report.findings.length > 0 ? <p className="muted completeness__hint">{da.completeness.hint}</p> : null}
    </section>
  );
}
