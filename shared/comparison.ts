/**
 * The agency's side-by-side comparison of the submitted replies: what one reply's content says
 * on the points the regions are compared on (comparisonValues, a pure projection over untrusted
 * content), and the table's rows item by item with their Danish text (COMPARISON_ROWS), shared
 * by the page (client/pages/ComparisonPage.tsx) and the XLSX export (server/export/comparison-xlsx.ts).
 */
import type { CapacityReply } from "./capacity.js";
import { copenhagenDate, danishList, formatDate, formatMonthYear, formatNumber } from "./danish.js";
import { REGIONS, type RegionsData } from "./regions.js";
import { findField } from "./template/definition.js";
import { Values } from "./template/rules/values.js";
import type { ComparisonValues } from "./validation/responses.js";

export type { ComparisonValues };

/** The label of a choice or multi field's option (the template's wording), or the value itself. */
function optionLabel(key: string, value: string): string {
  return findField(key)?.options?.find((o) => o.value === value)?.label ?? value;
}

/** The comparison's values of one reply's content; anything missing or malformed reads as null (or []). */
export function comparisonValues(content: unknown, regions: RegionsData = REGIONS): ComparisonValues {
  const v = new Values(content, regions);
  const omfang = v.choice("i1.organisering.omfang");
  const form = v.choice("i1.tilknytning.form");
  const status = v.choice("i2.tidsplan.status");
  const driftsherre = v.choice("i3.driftsansvar.driftsherre");
  const modelOptions = findField("i3.finansiering.modeller")?.options ?? [];
  return {
    omfang: omfang && optionLabel("i1.organisering.omfang", omfang),
    partnere:
      omfang === "tvaerregional"
        ? v
            .members("i1.organisering.regioner")
            .filter((id) => v.isRegion(id))
            .map((id) => v.regionName(id))
        : [],
    tilknytning: form && optionLabel("i1.tilknytning.form", form),
    pladser: v.int("i1.organisering.pladser"),
    kapacitet: v.int("i1.organisering.kapacitet"),
    samarbejdsaftaleStatus: status && optionLabel("i2.tidsplan.status", status),
    samarbejdsaftale: v.monthYear("i2.tidsplan.maaned"),
    driftsherre: driftsherre && optionLabel("i3.driftsansvar.driftsherre", driftsherre),
    finansieringsmodeller: modelOptions.filter((o) => v.members("i3.finansiering.modeller").includes(o.value)).map((o) => o.label),
    etableringKr: v.int("i3.finansiering.etableringKr"),
    driftKrPrAar: v.int("i3.finansiering.driftKrPrAar"),
    driftsstart: v.monthYear("i4.driftsstart"),
  };
}

/** What the national capacity (shared/capacity.ts) needs of one submitted reply's content. */
export function capacityReplyOf(regionId: string, content: unknown, regions: RegionsData = REGIONS): CapacityReply {
  const v = new Values(content, regions);
  return {
    regionId,
    state: "indsendt",
    capacity: v.int("i1.organisering.kapacitet"),
    crossRegional: v.choice("i1.organisering.omfang") === "tvaerregional",
    partners: v.members("i1.organisering.regioner"),
  };
}

export const NOT_STATED = "Ikke angivet";
export const NOT_SUBMITTED = "Ikke indsendt";

/** A column's status line: "Indsendt 3. juni 2026" or "Ikke indsendt". */
export function submissionText(sealedAt: string | null): string {
  return sealedAt === null ? NOT_SUBMITTED : `Indsendt ${formatDate(copenhagenDate(sealedAt))}`;
}

export interface ComparisonItem {
  /** The template's item number ("1" … "4"). */
  item: "1" | "2" | "3" | "4";
  heading: string;
  rows: readonly ComparisonRow[];
}

export interface ComparisonRow {
  id: string;
  label: string;
  /** The cell as Danish text ("Ikke angivet" when the reply does not say). Lines are separated by "\n". */
  text: (values: ComparisonValues) => string;
  /** A number to write as a number (the XLSX keeps sums possible); absent for text rows. */
  number?: (values: ComparisonValues) => number | null;
  /** Excel number format of a number row. */
  numberFormat?: string;
}

const kr = (n: number | null) => (n === null ? NOT_STATED : `${formatNumber(n)} kr.`);
const count = (n: number | null) => (n === null ? NOT_STATED : formatNumber(n));
const month = (m: string | null) => (m === null ? NOT_STATED : formatMonthYear(m));

/** The table's rows, item by item in the template's order. */
export const COMPARISON_ITEMS: readonly ComparisonItem[] = [
  {
    item: "1",
    heading: "1. Model for døgnbehandlingstilbuddet",
    rows: [
      {
        id: "model",
        label: "Model",
        text: (v) => {
          const lines = [v.omfang ?? NOT_STATED, v.tilknytning ?? NOT_STATED];
          if (v.partnere.length > 0) lines.splice(1, 0, `Sammen med ${danishList(v.partnere)}`);
          return lines.join("\n");
        },
      },
      { id: "pladser", label: "Antal pladser", text: (v) => count(v.pladser), number: (v) => v.pladser, numberFormat: "#,##0" },
      { id: "kapacitet", label: "Forventede kvinder pr. år", text: (v) => count(v.kapacitet), number: (v) => v.kapacitet, numberFormat: "#,##0" },
    ],
  },
  {
    item: "2",
    heading: "2. Samarbejdsaftale",
    rows: [
      {
        id: "samarbejdsaftale",
        label: "Samarbejdsaftalen",
        text: (v) => (v.samarbejdsaftale === null ? NOT_STATED : `${v.samarbejdsaftaleStatus ?? "Tidspunkt"}: ${formatMonthYear(v.samarbejdsaftale)}`),
      },
    ],
  },
  {
    item: "3",
    heading: "3. Finansiering og driftsansvar",
    rows: [
      {
        id: "finansieringsmodel",
        label: "Finansieringsmodel",
        text: (v) => (v.finansieringsmodeller.length === 0 ? NOT_STATED : v.finansieringsmodeller.join("\n")),
      },
      { id: "etablering", label: "Etableringsudgifter (kr.)", text: (v) => kr(v.etableringKr), number: (v) => v.etableringKr, numberFormat: '#,##0" kr."' },
      { id: "drift", label: "Driftsudgifter (kr. pr. år)", text: (v) => kr(v.driftKrPrAar), number: (v) => v.driftKrPrAar, numberFormat: '#,##0" kr."' },
      { id: "driftsherre", label: "Driftsherre", text: (v) => v.driftsherre ?? NOT_STATED },
    ],
  },
  {
    item: "4",
    heading: "4. Tidsperspektiv",
    rows: [{ id: "driftsstart", label: "Forventet driftsstart", text: (v) => month(v.driftsstart) }],
  },
];

/** "Samlet 30 kvinder pr. år i de indsendte svar mod et nationalt behov på 80–100." */
export function nationalNeedText(capacity: number, need: { min: number; max: number }): string {
  return `Samlet ${formatNumber(capacity)} kvinder pr. år i de indsendte svar mod et nationalt behov på ${formatNumber(need.min)}–${formatNumber(need.max)} kvinder pr. år.`;
}
