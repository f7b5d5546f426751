/**
 * Safe readers over untrusted reply content. A reply's values come from a shared document that
 * any client writes to, so nothing is trusted: every reader checks the shape and returns "unset"
 * (null, [] or false) for anything that does not fit the field's type. The checks never throw.
 */
import type { RowColumnDef } from "../types.js";
import type { RegionsData } from "../../regions.js";
import { findField } from "../definition.js";
import { countWords, plainText } from "../words.js";

const MONTH_YEAR = /^\d{4}-(0[1-9]|1[0-2])$/;

export type Cells = Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A non-empty trimmed string, or null. */
export function asLine(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t === "" ? null : t;
}

/** A whole number ≥ 0, or null. */
export function asInt(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
}

/** A finite number ≥ 0, or null. */
export function asNumber(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
}

/** "YYYY-MM", or null. */
export function asMonthYear(v: unknown): string | null {
  return typeof v === "string" && MONTH_YEAR.test(v) ? v : null;
}

/** True if a cell holds anything the user typed (null, undefined and blanks are empty). */
export function isFilled(v: unknown): boolean {
  return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
}

export class Values {
  private readonly fields: Record<string, unknown>;
  private readonly texts: Record<string, unknown>;
  private readonly regionNames: Map<string, string>;
  private readonly kommuneNames: Map<string, string>;
  private readonly kommuneRegion: Map<string, string>;

  constructor(content: unknown, regions: RegionsData) {
    const c = isPlainObject(content) ? content : {};
    const fields = own(c, "fields");
    const texts = own(c, "texts");
    this.fields = isPlainObject(fields) ? fields : {};
    this.texts = isPlainObject(texts) ? texts : {};
    this.regionNames = new Map(regions.regions.map((r) => [r.id, r.name]));
    this.kommuneNames = new Map(regions.municipalities.map((m) => [m.code, m.name]));
    this.kommuneRegion = new Map(regions.municipalities.map((m) => [m.code, m.region]));
  }

  raw(key: string): unknown {
    return own(this.fields, key);
  }

  line(key: string): string | null {
    return asLine(this.raw(key));
  }

  /** The value of a choice field if it is one of the field's options. */
  choice(key: string): string | null {
    const v = this.raw(key);
    return typeof v === "string" && (findField(key)?.options ?? []).some((o) => o.value === v) ? v : null;
  }

  checked(key: string): boolean {
    return this.raw(key) === true;
  }

  int(key: string): number | null {
    return asInt(this.raw(key));
  }

  monthYear(key: string): string | null {
    return asMonthYear(this.raw(key));
  }

  /** The string members of a set field, without duplicates, in stored order. */
  members(key: string): string[] {
    const v = this.raw(key);
    if (!Array.isArray(v)) return [];
    return [...new Set(v.filter((m): m is string => typeof m === "string"))];
  }

  /** The plain-object rows of a rows field (anything else in the array is not a row). */
  rows(key: string): Cells[] {
    const v = this.raw(key);
    return Array.isArray(v) ? v.filter(isPlainObject) : [];
  }

  words(textId: string): number {
    const nodes = own(this.texts, textId);
    return Array.isArray(nodes) ? countWords(nodes) : 0;
  }

  text(textId: string): string {
    const nodes = own(this.texts, textId);
    return Array.isArray(nodes) ? plainText(nodes) : "";
  }

  isRegion(id: unknown): id is string {
    return typeof id === "string" && this.regionNames.has(id);
  }

  isKommune(code: unknown): code is string {
    return typeof code === "string" && this.kommuneNames.has(code);
  }

  regionName(id: string): string {
    return this.regionNames.get(id) ?? id;
  }

  kommuneName(code: string): string {
    return this.kommuneNames.get(code) ?? code;
  }

  regionOfKommune(code: string): string | undefined {
    return this.kommuneRegion.get(code);
  }

  /** Is a row cell a valid value of its column? Empty cells are valid only in optional columns. */
  cellValid(col: RowColumnDef, v: unknown): boolean {
    if (!isFilled(v)) return col.optional === true;
    switch (col.type) {
      case "line":
        return asLine(v) !== null;
      case "choice":
        return typeof v === "string" && (col.options ?? []).some((o) => o.value === v);
      case "monthYear":
        return asMonthYear(v) !== null;
      case "int":
        return asInt(v) !== null;
      case "number":
        return asNumber(v) !== null;
      case "region":
        return this.isRegion(v);
      case "kommune":
        return this.isKommune(v);
      default:
        return false;
    }
  }

  /**
   * "empty" (nothing typed: a freshly added row), "complete" (every column valid) or "partial"
   * (half-filled or holding an invalid cell: `ugyldig`, spec §0).
   */
  rowState(fieldKey: string, row: Cells): "empty" | "complete" | "partial" {
    const columns = findField(fieldKey)?.columns ?? [];
    if (!columns.some((c) => isFilled(own(row, c.key)))) return "empty";
    return columns.every((c) => this.cellValid(c, own(row, c.key))) ? "complete" : "partial";
  }

  cell(row: Cells, column: string): unknown {
    return own(row, column);
  }
}
