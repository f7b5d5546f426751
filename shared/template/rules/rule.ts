/**
 * What a completeness rule is, and builders for the common kinds (required value, word minimum).
 * A rule is data (id, block, severity) plus a pure check; the check returns at most one outcome,
 * so a report holds each rule id at most once and progress can count rules.
 */
import type { CheckContext, Severity } from "../types.js";
import { TEMPLATE, findField, findTextField } from "../definition.js";
import type { Values } from "./values.js";
import { danishList, missing, tooFewWords } from "./messages.js";

export interface RuleInput {
  values: Values;
  ctx: CheckContext;
  /** "YYYY-MM" of ctx.today; null if ctx.today is malformed (date comparisons are then skipped). */
  replyMonth: string | null;
  /**
   * Own region plus, when the solution is cross-regional, the partner regions (spec §0); null
   * when the own region is unknown, which HOVED.REGION reports once instead of every
   * "belongs to a participating region" check reporting it again.
   */
  participating: readonly string[] | null;
}

export interface RuleOutcome {
  status: "mangler" | "ugyldig";
  message: string;
  /** The field key or textField id to jump to. */
  fieldId: string;
}

export interface Rule {
  id: string;
  blockId: string;
  severity: Severity;
  check(input: RuleInput): RuleOutcome | null;
}

export const mangler = (fieldId: string, message: string): RuleOutcome => ({ status: "mangler", message, fieldId });
export const ugyldig = (fieldId: string, message: string): RuleOutcome => ({ status: "ugyldig", message, fieldId });

/** The (P) number of a rule; a missing entry is a template bug, so fail at import, not at check time. */
export function minimumOf(ruleId: string): number {
  const n = TEMPLATE.minimums[ruleId];
  if (n === undefined) throw new Error(`template has no minimum for ${ruleId}`);
  return n;
}

export function fieldLabel(key: string): string {
  const def = findField(key);
  if (!def) throw new Error(`template has no field ${key}`);
  return def.label;
}

export function textLabel(id: string): string {
  const def = findTextField(id);
  if (!def) throw new Error(`template has no text field ${id}`);
  return def.label;
}

export interface WordsRuleOptions {
  severity?: Severity;
  /** Key of the minimum in TEMPLATE.minimums when it is shared by several rules (default: the rule id). */
  minimumKey?: string;
  /** The rule applies only when this holds (e.g. only for a shared driftsansvar). */
  when?: (input: RuleInput) => boolean;
}

/** A text field must hold at least the rule's minimum number of words. */
export function wordsRule(id: string, blockId: string, textId: string, options: WordsRuleOptions = {}): Rule {
  const min = minimumOf(options.minimumKey ?? id);
  const label = textLabel(textId);
  const when = options.when;
  return {
    id,
    blockId,
    severity: options.severity ?? "fejl",
    check: (input) => {
      if (when && !when(input)) return null;
      const n = input.values.words(textId);
      return n >= min ? null : mangler(textId, tooFewWords(label, min, n));
    },
  };
}

/** A one-line field must be non-empty. */
export function lineRule(id: string, blockId: string, key: string, hint?: string): Rule {
  const label = fieldLabel(key);
  return { id, blockId, severity: "fejl", check: ({ values }) => (values.line(key) ? null : mangler(key, missing(label, hint))) };
}

/** A choice field must hold one of its options; without a hint, the message names the options to choose from. */
export function choiceRule(id: string, blockId: string, key: string, hint?: string): Rule {
  const label = fieldLabel(key);
  hint ??= `vælg ${danishList(
    (findField(key)?.options ?? []).map((o) => `»${o.label}«`),
    "eller",
  )}`;
  return { id, blockId, severity: "fejl", check: ({ values }) => (values.choice(key) ? null : mangler(key, missing(label, hint))) };
}

/** A check field must be ticked. */
export function checkedRule(id: string, blockId: string, key: string): Rule {
  const label = fieldLabel(key);
  return {
    id,
    blockId,
    severity: "fejl",
    check: ({ values }) => (values.checked(key) ? null : mangler(key, missing("Bekræftelse", `sæt kryds ved »${label}«`))),
  };
}
