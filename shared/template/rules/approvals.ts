/**
 * The submission checks of spec §6 beyond completeness: one approval per kommune of the own
 * region for exactly the frozen content (G.GODKENDELSER, G.TVAERREGIONAL), and the late-
 * submission advarsel from hoved.dato (G.FRIST). Approvals arrive from storage as JSON and are
 * not trusted either: a malformed approval counts as no approval.
 */
import type { CheckContext, Finding } from "../types.js";
import { SUBMISSION_DEADLINE } from "../definition.js";
import { asLine } from "./values.js";
import { danishList } from "./messages.js";

export interface Approval {
  kommunekode: string;
  godkendtAf: string;
  tidspunkt: string;
  /** The basis of the approval, e.g. "Byrådsbeslutning 12.05.2025, pkt. 7". */
  grundlag: string;
  /** SHA-256 of the canonical content of the frozen version (hoved.dato excluded). */
  indholdsHash: string;
  /** The recorded decision, when there is one; "ikke_godkendt" is a kommune's no. */
  beslutning?: { udfald?: unknown };
}

export interface SubmissionContext extends CheckContext {
  /** indholdsHash of the frozen version being submitted; computed by the caller. */
  expectedHash: string;
  /** hoved.dato: the submission date (YYYY-MM-DD), when known. */
  dato?: string;
}

export type ApprovalState = "godkendt" | "mangler" | "anden-version" | "ufuldstaendig" | "afvist";

export interface KommuneApproval {
  kommunekode: string;
  navn: string;
  state: ApprovalState;
}

function stateOf(kommunekode: string, approvals: readonly unknown[], expectedHash: string): ApprovalState {
  let best: ApprovalState = "mangler";
  for (const a of approvals) {
    if (typeof a !== "object" || a === null) continue;
    const { kommunekode: code, indholdsHash, godkendtAf, tidspunkt, grundlag, beslutning } = a as Partial<Record<keyof Approval, unknown>>;
    if (code !== kommunekode) continue;
    if (typeof beslutning === "object" && beslutning !== null && (beslutning as { udfald?: unknown }).udfald === "ikke_godkendt") return "afvist";
    if (expectedHash === "" || indholdsHash !== expectedHash) {
      if (best === "mangler") best = "anden-version";
      continue;
    }
    if (asLine(godkendtAf) && asLine(tidspunkt) && asLine(grundlag)) return "godkendt";
    best = "ufuldstaendig";
  }
  return best;
}

/**
 * The state of every kommune of the own region. Approvals from other regions' kommuner are
 * ignored: a cross-regional solution is still approved and reported per region (G.TVAERREGIONAL).
 */
export function approvalStates(approvals: readonly unknown[], ctx: SubmissionContext): KommuneApproval[] {
  const list = Array.isArray(approvals) ? approvals : [];
  return ctx.regions.municipalities
    .filter((m) => m.region === ctx.regionId)
    .map((m) => ({ kommunekode: m.code, navn: m.name, state: stateOf(m.code, list, ctx.expectedHash) }));
}

export function approvalFinding(states: readonly KommuneApproval[]): Finding | null {
  const names = (s: ApprovalState) => states.filter((k) => k.state === s).map((k) => k.navn);
  const missing = names("mangler");
  const problems = [
    ...names("anden-version").map((n) => `godkendelsen fra ${n} gælder en anden version af svaret`),
    ...names("ufuldstaendig").map((n) => `godkendelsen fra ${n} mangler godkender, tidspunkt eller grundlag`),
    ...names("afvist").map((n) => `${n} har besluttet ikke at godkende svaret; send det tilbage til udkast og find en løsning med kommunen`),
  ];
  if (missing.length === 0 && problems.length === 0) return null;
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`Mangler: Godkendelse fra ${missing.length} af regionens ${states.length} kommuner: ${danishList(missing)}.`);
  if (problems.length > 0) {
    const text = problems.join("; ");
    parts.push(missing.length > 0 ? `${text[0]!.toUpperCase()}${text.slice(1)}.` : `Ugyldig: ${text[0]!.toUpperCase()}${text.slice(1)}.`);
  }
  return {
    ruleId: "G.GODKENDELSER",
    blockId: "hoved",
    fieldId: "hoved.kommuner",
    severity: "fejl",
    status: missing.length > 0 ? "mangler" : "ugyldig",
    message: parts.join(" "),
  };
}

/** G.FRIST: a late submission is allowed and flagged (request l. 365–370). */
export function lateFinding(dato: string | undefined): Finding | null {
  if (typeof dato !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(dato) || dato <= SUBMISSION_DEADLINE) return null;
  return {
    ruleId: "HOVED.DATO",
    blockId: "hoved",
    fieldId: "hoved.dato",
    severity: "advarsel",
    status: "ugyldig",
    message: "Svaret indsendes efter fristen 31. maj 2025.",
  };
}
