/**
 * The sealed record of a submitted reply (spec §6) as the PDF and DOCX renderers take it, and
 * the cover both renderers print in front of the reply: region, recipient, submission date,
 * the region's kommuner, the approvals and both hashes. The cover is built here once, so the
 * two files cannot disagree about it.
 */
import { z } from "zod";
import type { ReplyContent } from "../../shared/template/types.js";
import { ReplyContentSchema } from "../../shared/validation/reply-content.js";
import { TEMPLATE } from "../../shared/template/definition.js";
import { findRegion, municipalitiesOf } from "../../shared/regions.js";
import { formatDate, formatDateTime } from "../../shared/danish.js";

export interface SealedApproval {
  kommunekode: string;
  kommune: string;
  godkendtAf: string;
  tidspunkt: string; // ISO timestamp
  grundlag: string;
  indholdsHash: string;
  /** Why the approval needs a second look (issue 15, item 3); absent when there is nothing to note. */
  bemaerkning?: string;
}

export interface SealedRecord {
  documentId: string;
  regionId: string;
  title: string;
  content: ReplyContent;
  indholdsHash: string;
  dato: string; // YYYY-MM-DD, the submission date (hoved.dato)
  /** YYYY-MM-DD: the day the sealed text was checked at (the day it was frozen; workflow/check-date.ts). Absent in seals made before it was recorded. */
  checkedAsOf?: string;
  approvals: SealedApproval[];
}

/** The stored record parsed, not cast (issue 16); loose, so the hash over it is the stored one's. */
export const SealedRecordSchema: z.ZodType<SealedRecord> = z.looseObject({
  documentId: z.string(),
  regionId: z.string(),
  title: z.string(),
  content: ReplyContentSchema,
  indholdsHash: z.string(),
  dato: z.string(),
  checkedAsOf: z.string().optional(),
  approvals: z.array(
    z.looseObject({
      kommunekode: z.string(),
      kommune: z.string(),
      godkendtAf: z.string(),
      tidspunkt: z.string(),
      grundlag: z.string(),
      indholdsHash: z.string(),
      bemaerkning: z.string().optional(),
    }),
  ),
});

export interface SealHashes {
  indholdsHash: string;
  forseglingsHash: string;
}

export const RECIPIENT = "Social- og Boligstyrelsen";
export const APPROVAL_COLUMNS = ["Kommune", "Godkendt af", "Tidspunkt", "Grundlag"] as const;

export interface CoverView {
  title: string;
  /** The document's own title, when it says more than the template title. */
  documentTitle: string | null;
  lines: { label: string; value: string }[];
  kommunerLabel: string;
  kommuner: string[];
  approvalsLabel: string;
  /** Rows in APPROVAL_COLUMNS order, sorted by kommune. */
  approvals: string[][];
  approvalNote: string;
  hashes: { label: string; value: string }[];
  /** The footer's short form of the seal. */
  footerHash: string;
}

const byDanish = (a: string, b: string) => a.localeCompare(b, "da");

export function buildCoverView(record: SealedRecord, hashes: SealHashes): CoverView {
  const regionName = findRegion(record.regionId)?.name ?? record.regionId;
  const kommuner = municipalitiesOf(record.regionId)
    .map((m) => m.officialName)
    .sort(byDanish);
  const approvals = [...record.approvals]
    .sort((a, b) => byDanish(a.kommune, b.kommune) || a.kommunekode.localeCompare(b.kommunekode))
    .map((a) => [a.kommune, a.godkendtAf, formatDateTime(a.tidspunkt), a.bemaerkning ? `${a.grundlag}\nBemærk: ${a.bemaerkning}` : a.grundlag]);
  const onThisVersion = record.approvals.filter((a) => a.indholdsHash === hashes.indholdsHash).length;
  const total = record.approvals.length;
  const approvalNote =
    total === 0
      ? "Der er ingen godkendelser i den forseglede version."
      : `${onThisVersion === total ? "Alle" : `${onThisVersion} af`} ${total} godkendelser er givet til den version, der har indholds-hashen nedenfor.`;
  const title = TEMPLATE.title;
  return {
    title,
    documentTitle: record.title.trim() !== "" && record.title.trim() !== title ? record.title.trim() : null,
    lines: [
      { label: "Region", value: regionName },
      { label: "Modtager", value: RECIPIENT },
      { label: "Dato for indsendelse", value: formatDate(record.dato) },
    ],
    kommunerLabel: `Deltagende kommuner (${kommuner.length})`,
    kommuner,
    approvalsLabel: "Godkendelser",
    approvals,
    approvalNote,
    hashes: [
      { label: "Indholds-hash (SHA-256)", value: hashes.indholdsHash },
      { label: "Forseglings-hash (SHA-256)", value: hashes.forseglingsHash },
    ],
    footerHash: `Forsegling ${hashes.forseglingsHash.slice(0, 16)}`,
  };
}

/** A fixed instant from the record's date, for the files' metadata (so two renders agree). */
export function recordInstant(record: SealedRecord): Date {
  const date = new Date(`${record.dato}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}
