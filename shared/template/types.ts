/**
 * Types of the reply template (data) and of the reply content it is checked against.
 * The template itself is data in shared/template/definition.ts; the rules live in
 * shared/template/completeness.ts. See docs/design/reply-template.md (the spec).
 */
import type { RegionsData } from "../regions.js";

export type ItemId = "hoved" | "indledning" | "i1" | "i2" | "i3" | "i4" | "bilag";

/** Field types of the spec, §0. `fixed` and `derived` are shown, never stored in the document. */
export type FieldType =
  | "line"
  | "choice"
  | "multi"
  | "monthYear"
  | "date"
  | "int"
  | "number"
  | "check"
  | "region"
  | "region[]"
  | "kommune"
  | "kommune[]"
  | "rows"
  | "fixed"
  | "derived";

export interface ChoiceOption {
  value: string;
  label: string; // Danish
}

/** A column of a `rows` field (a record); columns use the scalar field types. */
export interface RowColumnDef {
  key: string;
  label: string;
  type: "line" | "choice" | "monthYear" | "int" | "number" | "region" | "kommune";
  options?: ChoiceOption[];
  optional?: boolean;
}

/** A typed (non rich-text) field. `key` is its full path and its key in the Y.Map `fields`. */
export interface FieldDef {
  key: string; // e.g. "i1.organisering.omfang"
  type: FieldType;
  label: string; // Danish UI label
  options?: ChoiceOption[]; // choice, multi
  columns?: RowColumnDef[]; // rows
  optional?: boolean;
  /** For `fixed`: the fixed text shown. For `derived`: what it is derived from (documentation). */
  fixedText?: string;
  help?: string; // Danish hint under the field
}

/** A rich-text field: a `textField` node in the document with this id. */
export interface TextFieldDef {
  id: string; // e.g. "i1.hjemmel.tekst"
  label: string; // Danish label shown above the text (protected)
  /** Typed fields shown with this text field (e.g. an element's "Indgår" choice). */
  fields?: FieldDef[];
}

export interface BlockDef {
  id: string; // e.g. "i1.hjemmel"
  itemId: ItemId;
  number?: string; // e.g. "1.2"
  heading: string; // protected Danish heading
  guidance?: string; // protected Danish guidance; never part of the export or the seal
  fields: FieldDef[];
  texts: TextFieldDef[];
}

export interface ItemDef {
  id: ItemId;
  heading: string;
  guidance?: string;
  /** Free blocks (Indledning, Bilag) are never checked. */
  optional: boolean;
  blocks: BlockDef[];
}

export interface TemplateDef {
  templateId: string; // "sbst-fornyet-behandling-2025"
  version: number; // 1
  title: string;
  items: ItemDef[];
  /** The product's word minimums and similar numbers (P) in one table, keyed by rule id. */
  minimums: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Reply content: the plain-JSON view of a reply document, extracted from its Y.Doc.
// ---------------------------------------------------------------------------------------------

/** ProseMirror node JSON (as produced by Node.toJSON / yXmlFragmentToProsemirrorJSON). */
export interface PMNodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNodeJSON[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export type RowValue = Record<string, string | number | boolean | null>;
/**
 * A typed field's value as JSON:
 * line/choice/monthYear/date/region/kommune → string; int/number → number; check → boolean;
 * multi/region[]/kommune[] → string[] (sorted); rows → RowValue[] (each row has an `id`).
 * Values that do not fit their type are treated as missing/invalid by the checks, never trusted.
 */
export type FieldValue = string | number | boolean | string[] | RowValue[] | null;

export interface ReplyContent {
  templateId: string;
  templateVersion: number;
  /** textField id → its block content (the children of the textField node). */
  texts: Record<string, PMNodeJSON[]>;
  /** field key → value. Missing keys are unset fields. */
  fields: Record<string, FieldValue>;
}

// ---------------------------------------------------------------------------------------------
// Completeness report (spec §0)
// ---------------------------------------------------------------------------------------------

export type Severity = "fejl" | "advarsel";
export type ProgressKey = "hoved" | "1" | "2" | "3" | "4";

export interface Finding {
  ruleId: string; // e.g. "I1.2.TEKST", "I1.5.STATUS.E03"
  blockId: string; // e.g. "i1.hjemmel"
  /** The field key or textField id the finding points at, for "jump to". */
  fieldId?: string;
  severity: Severity;
  status: "mangler" | "ugyldig";
  message: string; // Danish
}

export interface CheckContext {
  regionId: string;
  regions: RegionsData;
  today: string; // YYYY-MM-DD
}

export interface CompletenessReport {
  ok: boolean;
  findings: Finding[];
  progress: Record<ProgressKey, { ok: number; total: number }>;
}
