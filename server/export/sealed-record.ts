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
import { formatDate, formatDateTime, formatNumber } from "../../shared/danish.js";
import { DecisionOrgan, DecisionOutcome, type Decision } from "../../shared/validation/decision.js";

/** A decision as the record holds it: read as stored, no defaults filled in, so the hash over the record stays the stored one's. */
const StoredDecision = z.looseObject({
  organ: DecisionOrgan,
  delegeretTil: z.string(),
  moedeDato: z.string(),
  punkt: z.string(),
  referat: z.string(),
  udfald: DecisionOutcome,
  forbehold: z.string(),
});

export interface SealedApproval {
  kommunekode: string;
  kommune: string;
  godkendtAf: string;
  tidspunkt: string; // ISO timestamp
  grundlag: string;
  indholdsHash: string;
  /** Why the approval needs a second look (issue 15, item 3); absent when there is nothing to note. */
  bemaerkning?: string;
  /** The political decision (issue 18); `grundlag` says it in words. Absent in seals made before. */
  beslutning?: Decision;
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
  /** The advarsler the coordinator read and accepted when the text was sent for approval (issue 18). Absent in older seals. */
  accepteredeAdvarsler?: { regel: string; besked: string }[];
  /** A supplerende svar names the sealed reply it corrects and supplements (issue 18, item 5). */
  supplerer?: { documentId: string; dato: string; forseglingsHash: string };
  /** The bilag files, each with the SHA-256 of its bytes (issue 18). Absent in older seals. */
  bilag?: { id: string; filnavn: string; type: string; stoerrelse: number; sha256: string }[];
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
  accepteredeAdvarsler: z.array(z.looseObject({ regel: z.string(), besked: z.string() })).optional(),
  supplerer: z.looseObject({ documentId: z.string(), dato: z.string(), forseglingsHash: z.string() }).optional(),
  bilag: z.array(z.looseObject({ id: z.string(), filnavn: z.string(), type: z.string(), stoerrelse: z.number(), sha256: z.string() })).optional(),
  approvals: z.array(
    z.looseObject({
      kommunekode: z.string(),
      kommune: z.string(),
      godkendtAf: z.string(),
      tidspunkt: z.string(),
      grundlag: z.string(),
      indholdsHash: z.string(),
      bemaerkning: z.string().optional(),
      beslutning: StoredDecision.optional(),
    }),
  ),
});

export interface SealHashes {
  indholdsHash: string;
  forseglingsHash: string;
}

export const RECIPIENT = "Social- og Boligstyrelsen";
export const APPROVAL_COLUMNS = ["Kommune", "Beslutning", "Godkendt af", "Tidspunkt"] as const;

/**
 * The letter's first page: the sender, the recipient and the references, the subject, what the
 * reply answers and on whose decision, the contact person, the kommuner's decisions, the warnings
 * the coordinator accepted, and both hashes. Nothing in it is ever "(ikke udfyldt)": what is not
 * known is left out.
 */
export interface CoverView {
  /** The sender block, line by line (the Dokumenthoved's "Afsender" and the contact's organisation). */
  sender: string[];
  recipient: string;
  /** Date and journal numbers, right of the address. */
  references: { label: string; value: string }[];
  subject: string;
  /** The document's own title, when it says more than the template title. */
  documentTitle: string | null;
  paragraphs: string[];
  contact: string | null;
  kommunerLabel: string;
  kommuner: string[];
  decisionsLabel: string;
  /** Rows in APPROVAL_COLUMNS order, sorted by kommune. */
  approvals: string[][];
  approvalNote: string;
  acceptedWarningsLabel: string;
  acceptedWarnings: string[];
  bilagLabel: string;
  /** "Navn.pdf (PDF, 1,2 MB) – SHA-256 ab12…" */
  bilag: string[];
  hashes: { label: string; value: string }[];
  /** The footer's short form of the seal. */
  footerHash: string;
  /** The files' author: the sender, not the software or the region. */
  author: string;
}

const byDanish = (a: string, b: string) => a.localeCompare(b, "da");
const lineOf = (record: SealedRecord, key: string) => {
  const value = record.content.fields[key];
  return typeof value === "string" ? value.trim() : "";
};

export function buildCoverView(record: SealedRecord, hashes: SealHashes): CoverView {
  const regionName = findRegion(record.regionId)?.name ?? record.regionId;
  const kommuner = municipalitiesOf(record.regionId);
  const approvals = [...record.approvals]
    .sort((a, b) => byDanish(a.kommune, b.kommune) || a.kommunekode.localeCompare(b.kommunekode))
    .map((a) => [a.kommune, a.bemaerkning ? `${a.grundlag}\nBemærk: ${a.bemaerkning}` : a.grundlag, a.godkendtAf, formatDateTime(a.tidspunkt)]);
  const onThisVersion = record.approvals.filter((a) => a.indholdsHash === hashes.indholdsHash).length;
  const total = record.approvals.length;
  const approvalNote =
    total === 0
      ? "Der er ingen godkendelser i den forseglede version."
      : `${onThisVersion === total ? "Alle" : `${onThisVersion} af`} ${total} godkendelser er givet til den version, der har indholds-hashen nedenfor.`;
  const title = TEMPLATE.title;
  const afsender = lineOf(record, "hoved.afsender") || `Kommunalbestyrelserne i ${regionName}`;
  const contactOrganisation = lineOf(record, "hoved.kontakt.organisation");
  const requestDate = lineOf(record, "hoved.anmodningsdato");
  const theirs = lineOf(record, "hoved.jnr");
  const ours = lineOf(record, "hoved.voresJnr");
  const contactParts = [
    lineOf(record, "hoved.kontakt.navn"),
    contactOrganisation,
    lineOf(record, "hoved.kontakt.email"),
    lineOf(record, "hoved.kontakt.telefon") && `tlf. ${lineOf(record, "hoved.kontakt.telefon")}`,
  ].filter((part) => part !== "");
  const request = [requestDate ? ` den ${formatDate(requestDate)}` : "", theirs ? ` (j.nr. ${theirs})` : ""].join("");
  return {
    sender: [afsender, ...(contactOrganisation && !afsender.includes(contactOrganisation) ? [contactOrganisation] : [])],
    recipient: RECIPIENT,
    references: [
      { label: "Dato", value: formatDate(record.dato) },
      ...(theirs ? [{ label: "Jeres j.nr.", value: theirs }] : []),
      ...(ours ? [{ label: "Vores j.nr.", value: ours }] : []),
    ],
    subject: title,
    documentTitle: record.title.trim() !== "" && record.title.trim() !== title ? record.title.trim() : null,
    paragraphs: [
      ...(record.supplerer
        ? [
            `Dette er et supplerende svar. Det retter og supplerer svaret, der blev indsendt den ${formatDate(record.supplerer.dato)} ` +
              `(forseglings-hash ${record.supplerer.forseglingsHash}), og træder i stedet for det.`,
          ]
        : []),
      `Social- og Boligstyrelsen har${request} anmodet kommunalbestyrelserne i alle regioner om en fornyet behandling af tilrettelæggelsen og ` +
        "organiseringen af døgnbehandlingsindsatsen til udsatte gravide med et skadeligt rusmiddelbrug, jf. servicelovens § 13 b, stk. 3.",
      `Hermed følger kommunalbestyrelsernes koordinerede svar for ${regionName}. Svaret indeholder et konkret løsningsforslag, et ` +
        "tidsperspektiv for samarbejdsaftalen med det regionale familieambulatorium, et forslag til finansieringsmodel og et tidsperspektiv for etableringen.",
      total === kommuner.length && total > 0
        ? `Svaret er godkendt af alle ${kommuner.length} kommuner i regionen. Beslutningerne fremgår nedenfor.`
        : `Svaret er godkendt af ${total} af regionens ${kommuner.length} kommuner. Beslutningerne fremgår nedenfor.`,
    ],
    contact: contactParts.length > 0 ? contactParts.join(", ") : null,
    kommunerLabel: `Kommunerne i regionen (${kommuner.length})`,
    kommuner: kommuner.map((m) => m.officialName).sort(byDanish),
    decisionsLabel: `Kommunernes beslutninger (${total} af ${kommuner.length})`,
    approvals,
    approvalNote,
    acceptedWarningsLabel: "Advarsler, som koordinatoren har set og accepteret før indsendelsen",
    acceptedWarnings: (record.accepteredeAdvarsler ?? []).map((w) => w.besked),
    bilagLabel: `Bilag (${(record.bilag ?? []).length})`,
    bilag: (record.bilag ?? []).map(
      (b) =>
        `${b.filnavn} (${b.type.toUpperCase()}, ${formatNumber(Math.max(0.1, Math.round((b.stoerrelse / 1024 / 1024) * 10) / 10))} MB) – SHA-256 ${b.sha256}`,
    ),
    hashes: [
      { label: "Indholds-hash (SHA-256)", value: hashes.indholdsHash },
      { label: "Forseglings-hash (SHA-256)", value: hashes.forseglingsHash },
    ],
    footerHash: `Forsegling ${hashes.forseglingsHash.slice(0, 16)}`,
    author: afsender,
  };
}

/** A fixed instant from the record's date, for the files' metadata (so two renders agree). */
export function recordInstant(record: SealedRecord): Date {
  const date = new Date(`${record.dato}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}
