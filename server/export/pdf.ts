/**
 * The sealed reply as PDF (pdfmake on the server): a cover (region, recipient, date, kommuner,
 * approvals, both hashes) and then the reply as the HTML preview shows it (server/export/html.ts).
 * Fonts are the Roboto files pdfmake ships in its virtual file system (they cover æ ø å é);
 * the hashes use the PDF standard font Courier. The metadata dates come from the record, so
 * two renders of one record give the same bytes.
 */
import { createRequire } from "node:module";
import PdfPrinter from "pdfmake";
import type { Content, ContentText, CustomTableLayout, TableCell, TDocumentDefinitions, TFontDictionary } from "pdfmake/interfaces";
import { buildReplyView, type FieldView } from "../../shared/export/view.js";
import { APPROVAL_COLUMNS, buildCoverView, recordInstant, type CoverView, type SealHashes, type SealedRecord } from "./sealed-record.js";
import { toBlocks, type BlockModel, type InlineModel, type TableModel } from "./pm-walk.js";

let fonts: TFontDictionary | undefined;

/** Roboto from pdfmake's build/vfs_fonts.js (base64 in a CommonJS module), loaded once. */
function loadFonts(): TFontDictionary {
  if (fonts) return fonts;
  const mod = createRequire(import.meta.url)("pdfmake/build/vfs_fonts.js") as Record<string, unknown>;
  const vfs = (typeof mod.vfs === "object" && mod.vfs !== null ? mod.vfs : ((mod.pdfMake as { vfs?: unknown } | undefined)?.vfs ?? mod)) as Record<
    string,
    string
  >;
  const file = (name: string) => {
    const data = vfs[name];
    if (typeof data !== "string") throw new Error(`pdfmake font ${name} not found`);
    return Buffer.from(data, "base64");
  };
  fonts = {
    Roboto: {
      normal: file("Roboto-Regular.ttf"),
      bold: file("Roboto-Medium.ttf"),
      italics: file("Roboto-Italic.ttf"),
      bolditalics: file("Roboto-MediumItalic.ttf"),
    },
    Courier: { normal: "Courier", bold: "Courier-Bold", italics: "Courier-Oblique", bolditalics: "Courier-BoldOblique" },
  };
  return fonts;
}

const LINK_COLOR = "#1a4f8b";
const MUTED = "#555555";
const THIN: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => "#777777",
  vLineColor: () => "#777777",
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function inlines(list: InlineModel[]): ContentText[] {
  return list.map((run): ContentText => {
    if (run.kind === "break") return { text: "\n" };
    const decoration = [run.underline || run.href ? ("underline" as const) : null, run.strike ? ("lineThrough" as const) : null].filter((d) => d !== null);
    return {
      text: run.text,
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(decoration.length > 0 ? { decoration } : {}),
      ...(run.href ? { link: run.href, color: LINK_COLOR } : {}),
    };
  });
}

function table(model: TableModel): Content {
  const headerRows = model.grid[0]?.every((c) => c === null || c.header) && model.grid.length > 1 ? 1 : 0;
  const body: TableCell[][] = model.grid.map((row) =>
    row.map((cell): TableCell => {
      if (cell === null) return {};
      return {
        stack: blocks(cell.blocks, true),
        ...(cell.colspan > 1 ? { colSpan: cell.colspan } : {}),
        ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
        ...(cell.header ? { bold: true, fillColor: "#eeeeee" } : {}),
      };
    }),
  );
  return { table: { headerRows, widths: Array.from({ length: model.columns }, () => "*"), body }, layout: THIN, margin: [0, 2, 0, 8] };
}

function blocks(list: BlockModel[], compact = false): Content[] {
  const gap = compact ? 2 : 6;
  return list.flatMap((block): Content[] => {
    switch (block.kind) {
      case "paragraph":
        return [{ text: inlines(block.inlines), margin: [0, 0, 0, gap] }];
      case "heading":
        return [{ text: inlines(block.inlines), style: block.level === 5 ? "h5" : "h4", headlineLevel: block.level }];
      case "list": {
        const items = block.items.map((item): Content => ({ stack: blocks(item, true) }));
        return [block.ordered ? { ol: items, start: block.start, margin: [0, 0, 0, gap] } : { ul: items, margin: [0, 0, 0, gap] }];
      }
      case "table":
        return block.columns > 0 ? [table(block)] : [];
      case "quote":
        return [{ stack: blocks(block.blocks, compact), margin: [14, 0, 0, gap], color: "#333333" }];
    }
  });
}

function field(f: FieldView): Content[] {
  if ("table" in f) {
    if (f.table.rows.length === 0)
      return [
        {
          text: [
            { text: `${f.label}: `, bold: true },
            { text: "(ingen)", italics: true, color: MUTED },
          ],
          margin: [0, 0, 0, 4],
        },
      ];
    const head: TableCell[] = f.table.columns.map((c) => ({ text: c, bold: true, fillColor: "#eeeeee" }));
    return [
      { text: f.label, bold: true, margin: [0, 2, 0, 2] },
      {
        table: { headerRows: 1, widths: f.table.columns.map(() => "*"), body: [head, ...f.table.rows.map((r) => r.map((c): TableCell => ({ text: c })))] },
        layout: THIN,
        margin: [0, 0, 0, 8],
      },
    ];
  }
  const value: ContentText = f.value === "" ? { text: "(ikke udfyldt)", italics: true, color: MUTED } : { text: f.value };
  return [{ text: [{ text: `${f.label}: `, bold: true }, value], margin: [0, 0, 0, 4] }];
}

function cover(c: CoverView): Content[] {
  const out: Content[] = [
    {
      columns: [
        { stack: [...c.sender.map((line) => ({ text: line, bold: true })), { text: " " }, { text: "Til:", color: MUTED }, { text: c.recipient }], width: "*" },
        { stack: c.references.map((r) => ({ text: [{ text: `${r.label}: `, color: MUTED }, r.value] })), width: 170 },
      ],
      margin: [0, 0, 0, 24],
    },
    { text: c.subject, style: "coverTitle" },
  ];
  if (c.documentTitle) out.push({ text: c.documentTitle, fontSize: 12, margin: [0, 0, 0, 10] });
  for (const p of c.paragraphs) out.push({ text: p, margin: [0, 0, 0, 6] });
  if (c.contact) out.push({ text: [{ text: "Kontaktperson: ", bold: true }, c.contact], margin: [0, 0, 0, 6] });
  out.push({ text: c.kommunerLabel, style: "coverHeading" }, { text: c.kommuner.join(", "), margin: [0, 0, 0, 4] });
  out.push({ text: c.decisionsLabel, style: "coverHeading" });
  if (c.approvals.length > 0) {
    const head: TableCell[] = APPROVAL_COLUMNS.map((col) => ({ text: col, bold: true, fillColor: "#eeeeee" }));
    const rows = c.approvals.map((r) => r.map((v): TableCell => ({ text: v })));
    out.push({ table: { headerRows: 1, widths: [100, "*", 100, 90], body: [head, ...rows] }, layout: THIN, fontSize: 9, margin: [0, 0, 0, 4] });
  }
  out.push({ text: c.approvalNote, fontSize: 9, color: MUTED, margin: [0, 0, 0, 6] });
  if (c.bilag.length > 0) out.push({ text: c.bilagLabel, style: "coverHeading" }, { ul: c.bilag.map((b) => ({ text: b })), fontSize: 9, margin: [0, 0, 0, 6] });
  if (c.acceptedWarnings.length > 0) {
    out.push({ text: c.acceptedWarningsLabel, style: "coverHeading" }, { ul: c.acceptedWarnings.map((w) => ({ text: w })), fontSize: 9, margin: [0, 0, 0, 6] });
  }
  for (const h of c.hashes) {
    out.push({ text: h.label, fontSize: 8, bold: true, margin: [0, 6, 0, 1] }, { text: h.value, font: "Courier", fontSize: 8 });
  }
  return out;
}

export function replyPdfDefinition(record: SealedRecord, hashes: SealHashes): TDocumentDefinitions {
  const view = buildReplyView(record.content, { regionId: record.regionId, dato: record.dato, letter: true });
  const c = buildCoverView(record, hashes);
  const body: Content[] = view.items.flatMap((item): Content[] => [
    { text: item.heading, style: "h1", headlineLevel: 1 },
    ...item.blocks.flatMap((block): Content[] => [
      ...(block.heading === null ? [] : [{ text: block.heading, style: "h2", headlineLevel: 2 } as Content]),
      ...block.fields.flatMap(field),
      ...block.texts.flatMap((t): Content[] => [
        ...(t.label === null ? [] : [{ text: t.label, style: "h3", headlineLevel: 3 } as Content]),
        ...t.fields.flatMap(field),
        ...blocks(toBlocks(t.content)),
      ]),
    ]),
  ]);
  const instant = recordInstant(record);
  return {
    pageSize: "A4",
    pageMargins: [56, 56, 56, 60],
    language: "da-DK",
    info: {
      title: c.documentTitle ?? c.subject,
      author: c.author,
      subject: `${c.subject} – ${view.regionName}`,
      keywords: `indholdsHash ${hashes.indholdsHash} forseglingsHash ${hashes.forseglingsHash}`,
      creator: "Regionssvar",
      producer: "Regionssvar (pdfmake)",
      creationDate: instant,
      modDate: instant,
    },
    content: [...cover(c), { text: "", pageBreak: "after" }, ...body],
    footer: (page, pages) => ({
      columns: [{ text: `Side ${page} af ${pages}` }, { text: c.footerHash, alignment: "right", font: "Courier" }],
      fontSize: 8,
      color: MUTED,
      margin: [56, 20, 56, 0],
    }),
    // A heading never ends a page: with only headings after it there, it moves to the next page.
    pageBreakBefore: (node, following) => node.headlineLevel !== undefined && following.every((n) => n.headlineLevel !== undefined),
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      coverTitle: { fontSize: 15, bold: true, margin: [0, 0, 0, 12] },
      coverHeading: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      h1: { fontSize: 16, bold: true, margin: [0, 16, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      h4: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
      h5: { fontSize: 10, bold: true, italics: true, margin: [0, 4, 0, 2] },
    },
  };
}

export function renderReplyPdf(record: SealedRecord, hashes: SealHashes): Promise<Buffer> {
  const printer = new PdfPrinter(loadFonts());
  const doc = printer.createPdfKitDocument(replyPdfDefinition(record, hashes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
