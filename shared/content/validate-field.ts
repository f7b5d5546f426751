/**
 * Is a stored value a valid value of its template field? Used by the server to repair typed
 * fields after a client's update (a crafted or buggy client can put anything into a Y.Map) and
 * by tests. Pure; knows the template and the regions data, nothing else.
 */
import type { FieldDef, RowColumnDef } from "../template/types.js";
import { REGIONS } from "../regions.js";

/** Longest one-line value; a line is a name, an e-mail, a title. */
export const MAX_LINE_LENGTH = 500;
/** Most rows in a rows field (milestones, staff groups, locations). */
export const MAX_ROWS = 200;

const MONTH_YEAR = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const regionIds = new Set(REGIONS.regions.map((r) => r.id));
const kommuneCodes = new Set(REGIONS.municipalities.map((m) => m.code));

type ScalarType = FieldDef["type"] | RowColumnDef["type"];

/** Validates one scalar value (a field's own value, or a row cell). */
export function isValidScalar(type: ScalarType, value: unknown, options?: { value: string }[]): boolean {
  switch (type) {
    case "line":
      return typeof value === "string" && value.length <= MAX_LINE_LENGTH && !value.includes("\n");
    case "choice":
      return typeof value === "string" && (options ?? []).some((o) => o.value === value);
    case "monthYear":
      return typeof value === "string" && MONTH_YEAR.test(value);
    case "date":
      return typeof value === "string" && DATE.test(value);
    case "int":
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 1e9;
    case "number":
      return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1e9;
    case "check":
      return typeof value === "boolean";
    case "region":
      return typeof value === "string" && regionIds.has(value);
    case "kommune":
      return typeof value === "string" && kommuneCodes.has(value);
    default:
      return false;
  }
}

/** Validates a member of a set field (multi, region[], kommune[]). */
export function isValidSetMember(field: FieldDef, member: string): boolean {
  switch (field.type) {
    case "multi":
      return (field.options ?? []).some((o) => o.value === member);
    case "region[]":
      return regionIds.has(member);
    case "kommune[]":
      return kommuneCodes.has(member);
    default:
      return false;
  }
}

/** Validates a row cell of a rows field; `id` is the row's own identifier. */
export function isValidRowCell(field: FieldDef, column: string, value: unknown): boolean {
  if (column === "id") return typeof value === "string" && value.length > 0 && value.length <= 64;
  const def = field.columns?.find((c) => c.key === column);
  return def !== undefined && isValidScalar(def.type, value, def.options);
}
