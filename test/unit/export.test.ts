/**
 * The sealed record rendered as PDF and DOCX: both files carry the cover (region, kommuner,
 * approvals, both hashes) and every heading of the reply, with Danish characters intact.
 * The PDF's text is read back with pdfjs-dist, the DOCX's from word/document.xml.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { PMNodeJSON } from "../../shared/template/types.js";
import { TEMPLATE, isItemLevelBlock } from "../../shared/template/definition.js";
import { municipalitiesOf } from "../../shared/regions.js";
import { sha256Canonical } from "../../server/workflow/content-hash.js";
import type { SealHashes, SealedRecord } from "../../server/export/sealed-record.js";
import { renderReplyPdf } from "../../server/export/pdf.js";
import { renderReplyDocx } from "../../server/export/docx.js";
import { completeReplyContent, withText } from "../helpers/completeReply.js";
import { docxText, pdfText, unzipFile } from "../helpers/exported.js";

const text = (t: string, marks?: PMNodeJSON["marks"]): PMNodeJSON => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const para = (...content: PMNodeJSON[]): PMNodeJSON => ({ type: "paragraph", content });
const cell = (type: string, t: string, attrs?: Record<string, unknown>): PMNodeJSON => ({ type, ...(attrs ? { attrs } : {}), content: [para(text(t))] });

/** The free annex text with every construct the editor allows. */
const RICH_BILAG: PMNodeJSON[] = [
  { type: "heading", attrs: { level: 4 }, content: [text("Bilagsoversigt for Læsø")] },
  para(
    text("Se "),
    text("styrelsens side", [
      { type: "link", attrs: { href: "https://www.sbst.dk/udmelding" } },
      { type: "comment", attrs: { threadId: "t1" } },
    ]),
    text(" og "),
    text("fed", [{ type: "bold" }]),
    { type: "hardBreak" },
    text("skjult link", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
  ),
  {
    type: "orderedList",
    attrs: { start: 1 },
    content: [
      {
        type: "listItem",
        content: [para(text("Første bilag")), { type: "bulletList", content: [{ type: "listItem", content: [para(text("Underpunkt ære"))] }] }],
      },
      { type: "listItem", content: [para(text("Andet bilag"))] },
    ],
  },
  {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", "Bilag"), cell("tableHeader", "Sider")] },
      { type: "tableRow", content: [cell("tableCell", "Samarbejdsaftale", { colspan: 2 })] },
    ],
  },
  { type: "blockquote", content: [para(text("Citat fra Økonomiudvalget"))] },
];

const content = withText(completeReplyContent("nordjylland"), "bilag.tekst", RICH_BILAG);
const indholdsHash = sha256Canonical(content);
const record: SealedRecord = {
  documentId: "doc-nordjylland",
  regionId: "nordjylland",
  title: "Svar fra Region Nordjylland",
  content,
  indholdsHash,
  dato: "2025-05-28",
  approvals: [
    {
      kommunekode: "851",
      kommune: "Aalborg Kommune",
      godkendtAf: "Søren Ærbøl Højgaard",
      tidspunkt: "2025-05-20T08:15:00Z",
      grundlag: "Byrådsbeslutning 19.05.2025, pkt. 7",
      indholdsHash,
    },
    {
      kommunekode: "860",
      kommune: "Hjørring Kommune",
      godkendtAf: "Åse Møller-Lærkholm",
      tidspunkt: "2025-05-21T12:40:00Z",
      grundlag: "Økonomiudvalget 21.05.2025, pkt. 3",
      indholdsHash,
    },
  ],
};
const hashes: SealHashes = { indholdsHash, forseglingsHash: sha256Canonical(record) };

function hasText(nodes: PMNodeJSON[] | undefined): boolean {
  const walk = (n: PMNodeJSON): boolean => (n.text ?? "").trim() !== "" || (n.content ?? []).some(walk);
  return (nodes ?? []).some(walk);
}

// The Dokumenthoved is the letter's first page, not an item of the body.
const ITEMS = TEMPLATE.items.filter(
  (item) => item.id !== "hoved" && (!item.optional || item.blocks.some((b) => b.texts.some((t) => hasText(content.texts[t.id])))),
);
const BLOCK_HEADINGS = ITEMS.flatMap((item) => item.blocks.filter((b) => !isItemLevelBlock(b)).map((b) => b.heading));

/** Line breaks and spacing differ between the formats; compare the text without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, "");

describe("sealed reply export (PDF and DOCX)", () => {
  let pdf: Buffer;
  let docx: Buffer;
  let pdfContent: { text: string; pages: number };
  let documentXml: string;

  beforeAll(async () => {
    [pdf, docx] = await Promise.all([renderReplyPdf(record, hashes), renderReplyDocx(record, hashes)]);
    pdfContent = await pdfText(pdf);
    documentXml = unzipFile(docx, "word/document.xml");
  });

  const expected = () => [
    "Svar på anmodning om fornyet behandling af central udmelding",
    "Region Nordjylland",
    "Til: Social- og Boligstyrelsen",
    "Dato: 28. maj 2025",
    "Indholds-hash (SHA-256)",
    hashes.indholdsHash,
    "Forseglings-hash (SHA-256)",
    hashes.forseglingsHash,
    "Søren Ærbøl Højgaard",
    "Åse Møller-Lærkholm",
    "Byrådsbeslutning 19.05.2025, pkt. 7",
    "20. maj 2025 kl. 10.15", // 08:15Z is 10:15 in Copenhagen (summer time)
    ...municipalitiesOf("nordjylland").map((m) => m.officialName),
    ...ITEMS.map((i) => i.heading),
    ...BLOCK_HEADINGS,
    "Kommunalbestyrelserne i Region Nordjylland takker for anmodningen",
    "døgnbehandling for stofmisbrug",
    "Familiecentret i Aalborg",
    // the rich annex
    "Bilagsoversigt for Læsø",
    "styrelsens side (https://www.sbst.dk/udmelding)",
    "Underpunkt ære",
    "Samarbejdsaftale",
    "Citat fra Økonomiudvalget",
  ];

  it("renders a PDF with the cover, every heading and Danish characters intact", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const haystack = squash(pdfContent.text);
    const missing = expected().filter((s) => !haystack.includes(squash(s)));
    expect(missing).toEqual([]);
    expect(pdfContent.text).toContain(`Side 1 af ${pdfContent.pages}`);
    expect(pdfContent.text).toContain(`Side ${pdfContent.pages} af ${pdfContent.pages}`);
    expect(pdfContent.text).not.toContain("javascript:");
    const guidance = TEMPLATE.items.flatMap((i) => i.blocks).find((b) => b.guidance)?.guidance;
    expect(guidance && haystack.includes(squash(guidance))).toBeFalsy(); // guidance is never part of the export
  });

  it("renders the same PDF bytes for the same record", async () => {
    const again = await renderReplyPdf(record, hashes);
    expect(again.equals(pdf)).toBe(true);
  });

  it("renders a DOCX with the same text, real headings, lists, tables, links and da-DK", () => {
    const haystack = squash(docxText(documentXml));
    const missing = expected().filter((s) => !haystack.includes(squash(s)));
    expect(missing).toEqual([]);
    expect(documentXml).not.toContain("javascript:");

    const headings1 = [...documentXml.matchAll(/<w:pStyle w:val="Heading1"\/>/g)].length;
    expect(headings1).toBe(ITEMS.length);
    expect(documentXml).toContain('<w:pStyle w:val="Title"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading4"/>');
    expect(documentXml).toMatch(/<w:numPr><w:ilvl w:val="1"\/>/); // the nested list
    expect(documentXml).toContain("<w:tbl>");
    expect(documentXml).toContain('<w:gridSpan w:val="2"/>');
    expect(documentXml).toMatch(/<w:hyperlink [^>]*r:id="/);
    expect(unzipFile(docx, "word/_rels/document.xml.rels")).toContain('Target="https://www.sbst.dk/udmelding"');
    expect(unzipFile(docx, "word/styles.xml")).toContain('<w:lang w:val="da-DK"/>');
    const footer = unzipFile(docx, "word/footer1.xml");
    expect(footer).toContain("PAGE");
    expect(footer).toContain("NUMPAGES");
    expect(footer).toContain(hashes.forseglingsHash.slice(0, 16));
  });
});
