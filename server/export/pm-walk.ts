/**
 * The rich text of a text field (ProseMirror JSON) as a small block/inline model that the PDF
 * and DOCX renderers turn into their own structures. It keeps what the editor schema allows:
 * paragraphs, headings (4–5), bullet/ordered lists (nested), tables (with spans), blockquotes,
 * hard breaks and the marks bold, italic, underline, strike and link. Comment anchors are
 * dropped; links keep only http(s)/mailto targets, and their address is written after the
 * link text so a printed copy still shows it.
 */
import type { PMNodeJSON } from "../../shared/template/types.js";
import { isSafeLinkHref } from "../../shared/schema/editor.js";

export interface TextRunModel {
  kind: "text";
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  href?: string;
}

export type InlineModel = TextRunModel | { kind: "break" };

export interface TableCellModel {
  header: boolean;
  colspan: number;
  rowspan: number;
  blocks: BlockModel[];
}

export interface TableModel {
  kind: "table";
  columns: number;
  /** Rectangular: a cell where it starts, null where a span from the left or above covers the slot. */
  grid: (TableCellModel | null)[][];
}

export type BlockModel =
  | { kind: "paragraph"; inlines: InlineModel[] }
  | { kind: "heading"; level: 4 | 5; inlines: InlineModel[] }
  | { kind: "list"; ordered: boolean; start: number; items: BlockModel[][] }
  | TableModel
  | { kind: "quote"; blocks: BlockModel[] };

const INLINE_TYPES = new Set(["text", "hardBreak"]);

function textRun(node: PMNodeJSON): TextRunModel | null {
  if (!node.text) return null;
  const marks = new Set((node.marks ?? []).map((m) => m.type));
  const link = (node.marks ?? []).find((m) => m.type === "link");
  const href = typeof link?.attrs?.href === "string" ? link.attrs.href.trim() : "";
  const run: TextRunModel = {
    kind: "text",
    text: node.text,
    bold: marks.has("bold"),
    italic: marks.has("italic"),
    underline: marks.has("underline"),
    strike: marks.has("strike"),
  };
  if (href !== "" && isSafeLinkHref(href)) run.href = href;
  return run;
}

/** Inline nodes → runs; after each link, its address in brackets unless the text already is it. */
export function toInlines(nodes: PMNodeJSON[]): InlineModel[] {
  const runs: InlineModel[] = [];
  for (const node of nodes) {
    if (node.type === "hardBreak") runs.push({ kind: "break" });
    else if (node.type === "text") {
      const run = textRun(node);
      if (run) runs.push(run);
    } else runs.push(...toInlines(node.content ?? []));
  }
  const out: InlineModel[] = [];
  let linkText = "";
  runs.forEach((run, i) => {
    out.push(run);
    if (run.kind !== "text" || !run.href) return;
    linkText += run.text;
    const next = runs[i + 1];
    if (next?.kind === "text" && next.href === run.href) return;
    const shown = run.href.replace(/^mailto:/i, "");
    if (linkText.trim() !== run.href && linkText.trim() !== shown) {
      out.push({ kind: "text", text: ` (${shown})`, bold: false, italic: false, underline: false, strike: false });
    }
    linkText = "";
  });
  return out;
}

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback;
}

function toTable(node: PMNodeJSON): TableModel {
  const rows = (node.content ?? []).filter((r) => r.type === "tableRow");
  const placed: { row: number; col: number; cell: TableCellModel }[] = [];
  const taken: boolean[][] = rows.map(() => []);
  let columns = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const c of row.content ?? []) {
      if (c.type !== "tableCell" && c.type !== "tableHeader") continue;
      while (taken[r]![col]) col++;
      const colspan = positiveInt(c.attrs?.colspan, 1);
      const rowspan = Math.min(positiveInt(c.attrs?.rowspan, 1), rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) taken[r + dr]![col + dc] = true;
      placed.push({ row: r, col, cell: { header: c.type === "tableHeader", colspan, rowspan, blocks: toBlocks(c.content ?? []) } });
      col += colspan;
      columns = Math.max(columns, col);
    }
  });
  const grid: (TableCellModel | null)[][] = rows.map((_, r) =>
    Array.from({ length: columns }, (_, c) => (taken[r]![c] ? null : { header: false, colspan: 1, rowspan: 1, blocks: [] })),
  );
  for (const p of placed) grid[p.row]![p.col] = p.cell;
  return { kind: "table", columns, grid };
}

function toBlock(node: PMNodeJSON): BlockModel[] {
  const children = node.content ?? [];
  switch (node.type) {
    case "paragraph":
      return [{ kind: "paragraph", inlines: toInlines(children) }];
    case "heading":
      return [{ kind: "heading", level: node.attrs?.level === 5 ? 5 : 4, inlines: toInlines(children) }];
    case "bulletList":
    case "orderedList":
      return [
        {
          kind: "list",
          ordered: node.type === "orderedList",
          start: positiveInt(node.attrs?.start, 1),
          items: children.map((item) => toBlocks(item.type === "listItem" ? (item.content ?? []) : [item])),
        },
      ];
    case "table":
      return [toTable(node)];
    case "blockquote":
      return [{ kind: "quote", blocks: toBlocks(children) }];
    default:
      return toBlocks(children); // an unknown wrapper: keep what it holds
  }
}

/** Block nodes → blocks; stray inline nodes are gathered into paragraphs. */
export function toBlocks(nodes: PMNodeJSON[]): BlockModel[] {
  const out: BlockModel[] = [];
  let inline: PMNodeJSON[] = [];
  const flush = () => {
    if (inline.length > 0) out.push({ kind: "paragraph", inlines: toInlines(inline) });
    inline = [];
  };
  for (const node of nodes) {
    if (INLINE_TYPES.has(node.type)) inline.push(node);
    else {
      flush();
      out.push(...toBlock(node));
    }
  }
  flush();
  return out;
}
