/**
 * The sealed reply as DOCX (the `docx` library): the same cover and content as the PDF
 * (server/export/pdf.ts), with real Word headings (Titel, Overskrift 1–5), real lists (one
 * numbering definition for bullets and one per ordered start number; each list its own
 * instance, so each ordered list counts from its start), tables with borders and hyperlinks.
 * Document language da-DK.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IParagraphOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from "docx";
import { buildReplyView, type FieldView } from "../../shared/export/view.js";
import { APPROVAL_COLUMNS, buildCoverView, type SealHashes, type SealedRecord } from "./sealed-record.js";
import { toBlocks, type BlockModel, type InlineModel, type TableModel } from "./pm-walk.js";

const INDENT = 360; // twips per list level
const MARGIN = 1134; // 2 cm
const TEXT_WIDTH = 11906 - 2 * MARGIN; // A4 width in twips
const MONO = "Courier New";
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "777777" } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const HEADER_SHADING = { type: ShadingType.CLEAR, color: "auto", fill: "EEEEEE" } as const;

const levels = (make: (level: number) => Pick<ILevelsOptions, "format" | "text" | "start">): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    ...make(level),
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
  }));

const BULLETS: NumberingDefinition = {
  reference: "punktliste",
  levels: levels((level) => ({ format: LevelFormat.BULLET, text: ["\u2022", "\u25e6", "\u25aa"][level % 3]! })),
};

/** Ordered lists: one definition per start number (the level's start is part of the definition). */
const ordered = (start: number): NumberingDefinition => ({
  reference: start === 1 ? "nummerliste" : `nummerliste-${start}`,
  levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start: level === 0 ? start : 1 })),
});

type Body = (Paragraph | Table)[];

interface Ctx {
  /** Depth of the enclosing list (0 outside lists). */
  depth: number;
  quote: boolean;
  /** Inside a table header cell. */
  bold: boolean;
  nextInstance: () => number;
}

/** Runs set only the marks they have, so a heading style's bold is not switched off. */
function runs(list: InlineModel[], bold = false): ParagraphChild[] {
  return list.map((run) => {
    if (run.kind === "break") return new TextRun({ break: 1 });
    const text = new TextRun({
      text: run.text,
      ...(run.bold || bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.strike ? { strike: true } : {}),
      ...(run.underline ? { underline: {} } : {}),
      ...(run.href ? { style: "Hyperlink" } : {}),
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

function paragraph(children: ParagraphChild[], ctx: Ctx, extra: IParagraphOptions = {}): Paragraph {
  const indent = ctx.depth > 0 ? INDENT * ctx.depth : 0;
  return new Paragraph({
    children,
    ...(indent > 0 || ctx.quote ? { indent: { left: indent + (ctx.quote ? 567 : 0) } } : {}),
    ...(ctx.quote ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: "999999", space: 8 } } } : {}),
    ...extra,
  });
}

function table(model: TableModel, ctx: Ctx): Table {
  const headerRow = model.grid.length > 1 && (model.grid[0]?.every((c) => c === null || c.header) ?? false);
  const rows = model.grid.map(
    (row, r) =>
      new TableRow({
        tableHeader: headerRow && r === 0,
        children: row
          .filter((cell) => cell !== null)
          .map((cell) => {
            const inner = blocks(cell.blocks, { ...ctx, depth: 0, quote: false, bold: cell.header });
            return new TableCell({
              children: inner.length > 0 ? inner : [new Paragraph({})],
              ...(cell.colspan > 1 ? { columnSpan: cell.colspan } : {}),
              ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
              ...(cell.header ? { shading: HEADER_SHADING } : {}),
            });
          }),
      }),
  );
  return new Table({
    rows,
    borders: BORDERS,
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(ctx.depth > 0 ? { indent: { size: INDENT * ctx.depth, type: WidthType.DXA } } : {}),
  });
}

function list(block: Extract<BlockModel, { kind: "list" }>, ctx: Ctx): Body {
  const reference = block.ordered ? ordered(block.start) : BULLETS;
  const instance = ctx.nextInstance();
  const level = Math.min(ctx.depth, 8);
  const inner: Ctx = { ...ctx, depth: ctx.depth + 1 };
  return block.items.flatMap((item) => {
    const [first, ...rest] = item;
    const numbering = { reference, level, instance };
    if (first?.kind === "paragraph" || first?.kind === "heading") {
      return [new Paragraph({ children: runs(first.inlines, ctx.bold), numbering }), ...blocks(rest, inner)];
    }
    return [new Paragraph({ children: [], numbering }), ...blocks(item, inner)];
  });
}

function blocks(models: BlockModel[], ctx: Ctx): Body {
  return models.flatMap((block): Body => {
    switch (block.kind) {
      case "paragraph":
        return [paragraph(runs(block.inlines, ctx.bold), ctx)];
      case "heading":
        return [paragraph(runs(block.inlines), ctx, { heading: block.level === 5 ? HeadingLevel.HEADING_5 : HeadingLevel.HEADING_4 })];
      case "list":
        return list(block, ctx);
      case "table":
        return block.columns > 0 ? [table(block, ctx), new Paragraph({})] : [];
      case "quote":
        return blocks(block.blocks, { ...ctx, quote: true });
    }
  });
}

const label = (text: string) => new TextRun({ text: `${text}: `, bold: true });
const muted = (text: string) => new TextRun({ text, italics: true, color: "555555" });

function simpleTable(columns: readonly string[], rows: string[][], size?: number): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold: header, ...(size ? { size } : {}) })] })],
      ...(header ? { shading: HEADER_SHADING } : {}),
    });
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
    ],
    borders: BORDERS,
    width: { size: 100, type: WidthType.PERCENTAGE },
  });
}

function field(f: FieldView): Body {
  if ("table" in f) {
    if (f.table.rows.length === 0) return [new Paragraph({ children: [label(f.label), muted("(ingen)")] })];
    return [
      new Paragraph({ children: [new TextRun({ text: f.label, bold: true })], keepNext: true }),
      simpleTable(f.table.columns, f.table.rows),
      new Paragraph({}),
    ];
  }
  return [new Paragraph({ children: [label(f.label), f.value === "" ? muted("(ikke udfyldt)") : new TextRun(f.value)] })];
}

function cover(record: SealedRecord, hashes: SealHashes): Body {
  const c = buildCoverView(record, hashes);
  const section = (text: string) =>
    new Paragraph({ children: [new TextRun({ text, bold: true, size: 24 })], spacing: { before: 240, after: 80 }, keepNext: true });
  return [
    ...c.sender.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: true })] })),
    new Paragraph({ children: [muted("Til: "), new TextRun(c.recipient)], spacing: { before: 120 } }),
    ...c.references.map((r) => new Paragraph({ children: [muted(`${r.label}: `), new TextRun(r.value)], alignment: AlignmentType.RIGHT })),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.subject)], spacing: { before: 360 } }),
    ...(c.documentTitle ? [new Paragraph({ children: [new TextRun({ text: c.documentTitle, size: 24 })] })] : []),
    ...c.paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)], spacing: { after: 120 } })),
    ...(c.contact ? [new Paragraph({ children: [label("Kontaktperson"), new TextRun(c.contact)] })] : []),
    section(c.kommunerLabel),
    new Paragraph(c.kommuner.join(", ")),
    section(c.decisionsLabel),
    ...(c.approvals.length === 0 ? [] : [simpleTable(APPROVAL_COLUMNS, c.approvals, 18)]),
    new Paragraph({ children: [new TextRun({ text: c.approvalNote, size: 18, color: "555555" })], spacing: { before: 80 } }),
    ...(c.bilag.length === 0 ? [] : [section(c.bilagLabel), ...c.bilag.map((b) => new Paragraph({ children: [new TextRun({ text: `– ${b}`, size: 18 })] }))]),
    ...(c.acceptedWarnings.length === 0
      ? []
      : [section(c.acceptedWarningsLabel), ...c.acceptedWarnings.map((w) => new Paragraph({ children: [new TextRun({ text: `– ${w}`, size: 18 })] }))]),
    ...c.hashes.flatMap((h) => [
      new Paragraph({ children: [new TextRun({ text: h.label, bold: true, size: 16 })], spacing: { before: 160 }, keepNext: true }),
      new Paragraph({ children: [new TextRun({ text: h.value, font: MONO, size: 16 })] }),
    ]),
  ];
}

export async function renderReplyDocx(record: SealedRecord, hashes: SealHashes): Promise<Buffer> {
  const view = buildReplyView(record.content, { regionId: record.regionId, dato: record.dato, letter: true });
  const c = buildCoverView(record, hashes);
  let instance = 0;
  const ctx: Ctx = { depth: 0, quote: false, bold: false, nextInstance: () => ++instance };
  const body: Body = view.items.flatMap((item, i): Body => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(item.heading)], pageBreakBefore: i === 0 }),
    ...item.blocks.flatMap((block): Body => [
      ...(block.heading === null ? [] : [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.heading)] })]),
      ...block.fields.flatMap(field),
      ...block.texts.flatMap((t): Body => [
        ...(t.label === null ? [] : [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(t.label)] })]),
        ...t.fields.flatMap(field),
        ...blocks(toBlocks(t.content), ctx),
      ]),
    ]),
  ]);
  const heading = (size: number, italics = false) => ({
    run: { size, bold: true, italics, color: "000000" },
    paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
  });
  const doc = new Document({
    title: c.documentTitle ?? c.subject,
    subject: `${c.subject} – ${view.regionName}`,
    creator: c.author,
    keywords: `indholdsHash ${hashes.indholdsHash} forseglingsHash ${hashes.forseglingsHash}`,
    description: `Forseglet svar fra ${view.regionName}, indsendt ${record.dato}.`,
    numbering: { config: [BULLETS, ordered(1)] },
    styles: {
      default: {
        document: { run: { language: { value: "da-DK" }, size: 21 }, paragraph: { spacing: { after: 100 } } },
        title: { run: { size: 40, bold: true, color: "000000" }, paragraph: { spacing: { before: 480, after: 240 } } },
        heading1: heading(32),
        heading2: heading(26),
        heading3: heading(22),
        heading4: heading(21),
        heading5: heading(20, true),
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [
                  new TextRun({ children: ["Side ", PageNumber.CURRENT, " af ", PageNumber.TOTAL_PAGES], size: 16, color: "555555" }),
                  new TextRun({ children: [new Tab(), c.footerHash], font: MONO, size: 16, color: "555555" }),
                ],
              }),
            ],
          }),
        },
        children: [...cover(record, hashes), ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
