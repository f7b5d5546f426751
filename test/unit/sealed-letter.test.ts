/**
 * The sealed letter as the agency reads it (issue 18): a letterhead with sender, recipient,
 * references, what the reply answers and on whose decision; no "(ikke udfyldt)", nothing that does
 * not apply to the chosen model, no heading repeated by its text's label, one numbering of the
 * treatment elements, the accepted warnings, and the sender as the files' author.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { municipalitiesOf } from "../../shared/regions.js";
import { checkCompleteness } from "../../shared/template/completeness.js";
import { REGIONS } from "../../shared/regions.js";
import { sha256Canonical } from "../../server/workflow/content-hash.js";
import type { SealedRecord } from "../../server/export/sealed-record.js";
import { renderReplyPdf, replyPdfDefinition } from "../../server/export/pdf.js";
import { renderReplyDocx } from "../../server/export/docx.js";
import { completeReplyContent, withFields } from "../helpers/completeReply.js";
import { docxText, pdfText, unzipFile } from "../helpers/exported.js";

const SENDER = "Kommunalbestyrelserne i Region Nordjylland v/ KKR Nordjylland";
const content = withFields(completeReplyContent("nordjylland"), {
  "hoved.afsender": SENDER,
  "hoved.jnr": "2024-18771",
  "hoved.voresJnr": "25.00.00-G01-3-25",
  "hoved.anmodningsdato": "2024-12-18",
  // Left behind by earlier choices: a name for a regional operator, an existing service, partner regions.
  "i3.driftsansvar.navn": "Forladt Driftsherre ApS",
  "i1.tilknytning.form": "nyt",
  "i1.tilknytning.tilbud": "Forladt Tilbud",
  "i1.organisering.regioner": ["midtjylland"],
});
const indholdsHash = sha256Canonical(content);
const approvals = municipalitiesOf("nordjylland").map((m, i) => ({
  kommunekode: m.code,
  kommune: m.officialName,
  godkendtAf: `Borgmester ${i + 1}`,
  tidspunkt: "2025-05-20T08:15:00Z",
  grundlag: `Kommunalbestyrelsens beslutning 19.05.2025, pkt. ${i + 1}`,
  indholdsHash,
}));
const record: SealedRecord = {
  documentId: "svar-nordjylland",
  regionId: "nordjylland",
  title: "Svar fra Region Nordjylland",
  content,
  indholdsHash,
  dato: "2025-05-28",
  approvals,
  accepteredeAdvarsler: [{ regel: "I4.FORUDSAETNINGER", besked: "Forudsætninger og usikkerheder er kort beskrevet." }],
};
const hashes = { indholdsHash, forseglingsHash: sha256Canonical(record) };

let pdf: string;
let docxLines: string[];
let docx: Buffer;
beforeAll(async () => {
  const [pdfFile, docxFile] = await Promise.all([renderReplyPdf(record, hashes), renderReplyDocx(record, hashes)]);
  pdf = (await pdfText(pdfFile)).text;
  docx = docxFile;
  docxLines = docxText(unzipFile(docxFile, "word/document.xml")).split("\n");
});
const squash = (s: string) => s.replace(/\s+/g, "");
const inBoth = (s: string) => squash(pdf).includes(squash(s)) && docxLines.join("\n").includes(s);
const inEither = (s: string) => squash(pdf).includes(squash(s)) || docxLines.join("\n").includes(s);

describe("the sealed letter", () => {
  it("opens as a letter from the kommunalbestyrelser to the agency, with references, contact and decisions", () => {
    for (const s of [
      SENDER,
      "Social- og Boligstyrelsen",
      "Dato: 28. maj 2025",
      "Jeres j.nr.: 2024-18771",
      "Vores j.nr.: 25.00.00-G01-3-25",
      "den 18. december 2024 (j.nr. 2024-18771) anmodet kommunalbestyrelserne i alle regioner",
      "udsatte gravide med et skadeligt rusmiddelbrug, jf. servicelovens § 13 b, stk. 3.",
      "Svaret er godkendt af alle 11 kommuner i regionen.",
      "Mette Nielsen",
      "Beslutning",
      "Kommunalbestyrelsens beslutning 19.05.2025, pkt. 4",
      "Forudsætninger og usikkerheder er kort beskrevet.",
    ])
      expect(inBoth(s), s).toBe(true);
  });

  it("never says (ikke udfyldt), leaves out what does not apply, and has no Dokumenthoved in the body", () => {
    for (const s of ["(ikke udfyldt)", "(ingen)", "Dokumenthoved", "Forladt Driftsherre ApS", "Forladt Tilbud", "Øvrige regioner i samarbejdet"])
      expect(inEither(s), s).toBe(false);
  });

  it("repeats no heading in the label under it", () => {
    const number = /^\d+(\.\d+)*\.?\s+/;
    const repeated = docxLines.filter((line, i) => i > 0 && line.trim() !== "" && line.replace(number, "") === docxLines[i - 1]!.replace(number, ""));
    expect(repeated).toEqual([]);
    expect(docxLines.filter((l) => l === "Indledning")).toHaveLength(1);
  });

  it("numbers the treatment elements as the editor and the messages do", () => {
    expect(inBoth("3. Rusmiddel- og alkoholbehandling (+ substitutionsbehandling)")).toBe(true);
    const report = checkCompleteness(withFields(content, { "i1.elementer.E03.status": "indgaarIkke" }), {
      regionId: "nordjylland",
      regions: REGIONS,
      today: "2025-05-20",
    });
    expect(report.findings.find((f) => f.ruleId === "I1.5.STATUS.E03")?.message).toContain("Behandlingselement 3 (»Rusmiddel- og alkoholbehandling");
  });

  it("names the sender as the author of both files", () => {
    expect(replyPdfDefinition(record, hashes).info?.author).toBe(SENDER);
    expect(unzipFile(docx, "docProps/core.xml")).toContain(`<dc:creator>${SENDER}</dc:creator>`);
  });

  it("keeps a heading with what follows it", () => {
    const def = replyPdfDefinition(record, hashes);
    const heading = { headlineLevel: 2 } as never;
    const text = {} as never;
    expect(def.pageBreakBefore?.(heading, [], [], [])).toBe(true);
    expect(def.pageBreakBefore?.(heading, [heading], [], [])).toBe(true);
    expect(def.pageBreakBefore?.(heading, [text], [], [])).toBe(false);
    expect(unzipFile(docx, "word/styles.xml")).toMatch(/w:styleId="Heading2".*?<w:keepNext\/>/s);
  });
});
