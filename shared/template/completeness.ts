/**
 * The completeness check of a reply (spec §0–§5): `checkCompleteness(content, ctx)` runs every
 * rule of ./rules/ and reports the findings in template order with per-item progress.
 *
 * Pure: no clock (the caller passes `ctx.today`: today while drafting, the freeze date once the
 * text is frozen, so an approved text never turns invalid by the calendar), no I/O, no
 * randomness. Content is untrusted: a value of the wrong shape counts as unset, never throws.
 */
import type { CheckContext, CompletenessReport, Finding, ProgressKey, ReplyContent, Severity } from "./types.js";
import { blockIndex, progressKeyOfBlock } from "./definition.js";
import { RULES } from "./rules/index.js";
import type { RuleInput } from "./rules/rule.js";
import { Values } from "./rules/values.js";

import { approvalFinding, approvalStates, lateFinding, type Approval, type KommuneApproval, type SubmissionContext } from "./rules/approvals.js";

export type { Approval, ApprovalState, KommuneApproval, SubmissionContext } from "./rules/approvals.js";

/** The rules as data (id, block, severity), for the UI and for tests. */
export function listRules(): { id: string; blockId: string; severity: Severity }[] {
  return RULES.map(({ id, blockId, severity }) => ({ id, blockId, severity }));
}

/** "2025-05-20" → "2025-05"; null for anything else. */
export function replyMonthOf(today: string): string | null {
  const m = typeof today === "string" ? /^(\d{4}-(0[1-9]|1[0-2]))-(0[1-9]|[12]\d|3[01])$/.exec(today) : null;
  return m ? m[1]! : null;
}

/** Own region first, then (for a cross-regional solution) the partner regions in regions.json order. */
function participatingRegions(values: Values, ctx: CheckContext): string[] | null {
  if (!values.isRegion(ctx.regionId)) return null;
  if (values.choice("i1.organisering.omfang") !== "tvaerregional") return [ctx.regionId];
  const partners = new Set(values.members("i1.organisering.regioner").filter((r) => values.isRegion(r) && r !== ctx.regionId));
  return [ctx.regionId, ...ctx.regions.regions.map((r) => r.id).filter((id) => partners.has(id))];
}

export function checkCompleteness(content: ReplyContent, ctx: CheckContext): CompletenessReport {
  const values = new Values(content, ctx.regions);
  const input: RuleInput = { values, ctx, replyMonth: replyMonthOf(ctx.today), participating: participatingRegions(values, ctx) };

  const findings: Finding[] = [];
  const progress: CompletenessReport["progress"] = {
    hoved: { ok: 0, total: 0 },
    "1": { ok: 0, total: 0 },
    "2": { ok: 0, total: 0 },
    "3": { ok: 0, total: 0 },
    "4": { ok: 0, total: 0 },
  };
  for (const rule of RULES) {
    const outcome = rule.check(input);
    if (outcome) {
      findings.push({
        ruleId: rule.id,
        blockId: rule.blockId,
        fieldId: outcome.fieldId,
        severity: rule.severity,
        status: outcome.status,
        message: outcome.message,
      });
    }
    // Progress counts the blocking rules only, with a fixed total per item, so the bar does not
    // jump when a choice makes a conditional rule apply; a rule that does not apply counts as met.
    const key: ProgressKey | undefined = progressKeyOfBlock(rule.blockId);
    if (rule.severity === "fejl" && key) {
      progress[key].total++;
      if (!outcome) progress[key].ok++;
    }
  }
  // RULES are listed in template order; the stable sort only guards that invariant.
  findings.sort((a, b) => blockIndex(a.blockId) - blockIndex(b.blockId));
  return { ok: !findings.some((f) => f.severity === "fejl"), findings, progress };
}

export interface SubmissionReport extends CompletenessReport {
  /** Every kommune of the own region with the state of its approval. */
  kommuner: KommuneApproval[];
}

/**
 * The check before "Indsend" (spec §6): the completeness check (G.KOMPLET: no `fejl`), one valid
 * approval per kommune of the own region for `ctx.expectedHash` (G.GODKENDELSER), and the
 * late-submission advarsel when `ctx.dato` is after the deadline (G.FRIST, never blocking).
 */
export function checkSubmission(content: ReplyContent, approvals: readonly Approval[], ctx: SubmissionContext): SubmissionReport {
  const report = checkCompleteness(content, ctx);
  const kommuner = approvalStates(approvals, ctx);
  const extra = [lateFinding(ctx.dato), approvalFinding(kommuner)].filter((f): f is Finding => f !== null);
  const findings = [...report.findings, ...extra].sort((a, b) => blockIndex(a.blockId) - blockIndex(b.blockId));
  return { ok: !findings.some((f) => f.severity === "fejl"), findings, progress: report.progress, kommuner };
}
