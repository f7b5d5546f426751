/** The workflow as a numbered list of steps, the current one marked (aria-current="step"). */
import { wf } from "../../i18n/workflow.js";
import type { WorkflowState } from "../workspace/WorkspaceContext.js";

const STATES: readonly WorkflowState[] = ["udkast", "til_godkendelse", "godkendt", "indsendt"];

export function Steps({ state }: { state: WorkflowState }) {
  const current = STATES.indexOf(state);
  return (
    <ol className="wf-steps" aria-label={wf.stepsLabel}>
      {STATES.map((s, i) => (
        <li
          key={s}
          className={`wf-steps__step${i < current ? " is-done" : ""}${i === current ? " is-current" : ""}`}
          aria-current={i === current ? "step" : undefined}
        >
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
