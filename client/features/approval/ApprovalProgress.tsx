/**
 * til_godkendelse and later: the frozen text's fingerprint, and every kommune's approval (who,
 * when, on what basis) with the count as text and as a progress bar.
 */
import { formatDateTime } from "../../i18n/da.js";
import { wf } from "../../i18n/workflow.js";
import type { WorkflowResponse } from "../../../shared/validation/workflow.js";
import { Hash } from "./Hash.js";

export function FrozenFacts({ workflow }: { workflow: WorkflowResponse }) {
  if (!workflow.frozenHash) return null;
  return (
    <div className="wf-section wf-frozen">
      <p className="wf-label">{wf.approval.frozenHash}</p>
      <Hash value={workflow.frozenHash} />
      {workflow.frozenAt ? <p className="wf-small muted">{wf.approval.frozenAt(formatDateTime(workflow.frozenAt))}</p> : null}
    </div>
  );
}

export function ApprovalProgress({ workflow, ownCode }: { workflow: WorkflowResponse; ownCode: string | null }) {
  const total = workflow.approvals.length;
  const given = workflow.approvals.filter((a) => a.approval !== null && a.approval.udfald !== "ikke_godkendt").length;
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
          <li
            key={a.kommunekode}
            className={`wf-kommune${a.approval && a.approval.udfald !== "ikke_godkendt" ? " is-approved" : ""}${a.kommunekode === ownCode ? " is-own" : ""}`}
            data-kommune={a.kommunekode}
          >
            <span className="wf-kommune__name">{a.kommune}</span>
            {a.approval ? (
              <>
                {a.approval.udfald === "ikke_godkendt" ? (
                  <span className="wf-kommune__status wf-kommune__status--rejected">
                    <span aria-hidden="true">✗ </span>
                    {wf.approval.rejected}
                  </span>
                ) : (
                  <span className="wf-kommune__status wf-kommune__status--ok">
                    <span aria-hidden="true">✓ </span>
                    {a.approval.udfald === "godkendt_med_forbehold" ? wf.approval.approvedWithReservation : wf.approval.approved}
                  </span>
                )}
                <span className="wf-kommune__meta">{wf.approval.approvedBy(a.approval.godkendtAf, formatDateTime(a.approval.tidspunkt))}</span>
                <span className="wf-kommune__meta">{wf.approval.grundlagShown(a.approval.grundlag)}</span>
                {a.approval.bemaerkning ? <span className="wf-kommune__meta">{wf.approval.remark(a.approval.bemaerkning)}</span> : null}
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
