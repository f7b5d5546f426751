/**
 * The reply deadline (31 May 2025, docs/design/domain.md) as "days left" or "overdue", counted
 * in calendar days in Copenhagen. Always in words, never by colour alone.
 */
import { copenhagenToday } from "../../i18n/da.js";
import { wf } from "../../i18n/workflow.js";
import type { WorkflowState } from "../workspace/WorkspaceContext.js";
import "./workflow.css";

function dayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : Number.NaN;
}

/** Calendar days from `today` to `deadline` (negative: overdue). Both YYYY-MM-DD. */
export function daysUntil(deadline: string, today: string = copenhagenToday()): number {
  return dayNumber(deadline) - dayNumber(today);
}

export type DeadlineStatus = { kind: "left"; days: number } | { kind: "today" } | { kind: "overdue"; days: number };

export function deadlineStatus(deadline: string, today?: string): DeadlineStatus {
  const days = daysUntil(deadline, today);
  if (days > 0) return { kind: "left", days };
  if (days === 0) return { kind: "today" };
  return { kind: "overdue", days: -days };
}

export function deadlineText(status: DeadlineStatus): string {
  if (status.kind === "left") return wf.deadline.daysLeft(status.days);
  if (status.kind === "today") return wf.deadline.today;
  return wf.deadline.overdue(status.days);
}

/** "12 dage tilbage" / "Overskredet med 3 dage" as a badge. */
export function DeadlineBadge({ deadline, today }: { deadline: string; today?: string }) {
  const status = deadlineStatus(deadline, today);
  return <span className={`wf-deadline wf-deadline--${status.kind}`}>{deadlineText(status)}</span>;
}

/** A fact of the reply page's header (<div><dt/><dd/></div> inside its <dl>). */
export function DeadlineFact({ deadline, state }: { deadline: string; state: WorkflowState }) {
  return (
    <div>
      <dt>{wf.deadline.label}</dt>
      <dd>{state === "indsendt" ? wf.deadline.submitted : <DeadlineBadge deadline={deadline} />}</dd>
    </div>
  );
}
