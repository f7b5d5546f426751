/** Danish formatting of typed field values for reading (preview, PDF, DOCX, the approval text). */
import type { FieldDef, FieldValue, RowColumnDef } from "../template/types.js";
import { REGIONS } from "../regions.js";
import { formatDate, formatMonthYear, formatNumber } from "../danish.js";

export { formatDate, formatMonthYear, formatNumber };

const kommuneName = (code: string) => REGIONS.municipalities.find((m) => m.code === code)?.name ?? code;
const regionName = (id: string) => REGIONS.regions.find((r) => r.id === id)?.name ?? id;

/** One scalar value as Danish text ("" when unset). */
export function formatScalar(def: Pick<FieldDef | RowColumnDef, "type" | "options">, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  switch (def.type) {
    case "choice":
      return def.options?.find((o) => o.value === value)?.label ?? String(value);
    case "monthYear":
      return formatMonthYear(String(value));
    case "date":
      return formatDate(String(value));
    case "int":
    case "number":
      return typeof value === "number" ? formatNumber(value) : String(value);
    case "check":
      return value === true ? "Ja" : "Nej";
    case "kommune":
      return kommuneName(String(value));
    case "region":
      return regionName(String(value));
    default:
      return String(value);
  }
}

/** A set field's members as Danish text, in a stable order. */
export function formatSet(def: FieldDef, members: string[]): string {
  const label = (m: string) =>
    def.type === "kommune[]" ? kommuneName(m) : def.type === "region[]" ? regionName(m) : (def.options?.find((o) => o.value === m)?.label ?? m);
  return members
    .map(label)
    .sort((a, b) => a.localeCompare(b, "da"))
    .join(", ");
}

export function formatFieldValue(def: FieldDef, value: FieldValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? formatSet(def, value as string[]) : "";
  return formatScalar(def, value);
}
