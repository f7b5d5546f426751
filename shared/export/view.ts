/**
 * The reply as it is read (preview, PDF, DOCX): headings, typed field values formatted in
 * Danish, and the rich text, in template order. Guidance, comments and cursors are not part of
 * it. Every renderer starts from this one view, so the three outputs cannot disagree.
 */
import { TEMPLATE, isItemLevelBlock } from "../template/definition.js";
import type { FieldDef, PMNodeJSON, ReplyContent, RowValue } from "../template/types.js";
import { findRegion } from "../regions.js";
import { formatFieldValue, formatScalar } from "./format.js";
import { derivedValue } from "../content/derived.js";

export type FieldView = { label: string; value: string } | { label: string; table: { columns: string[]; rows: string[][] } };

export interface TextView {
  label: string;
  fields: FieldView[];
  content: PMNodeJSON[];
}

export interface BlockView {
  id: string;
  /** Null for an item-level block, whose heading is the item's. */
  heading: string | null;
  fields: FieldView[];
  texts: TextView[];
}

export interface ItemView {
  id: string;
  heading: string;
  blocks: BlockView[];
}

export interface ReplyView {
  title: string;
  regionName: string;
  items: ItemView[];
}

function hasText(nodes: PMNodeJSON[] | undefined): boolean {
  const walk = (n: PMNodeJSON): boolean => (n.text !== undefined && n.text.trim() !== "") || (n.content ?? []).some(walk);
  return (nodes ?? []).some(walk);
}

function fieldView(def: FieldDef, content: ReplyContent, ctx: { regionId: string; dato?: string }): FieldView | null {
  if (def.type === "fixed") return { label: def.label, value: def.fixedText ?? "" };
  if (def.type === "derived") return { label: def.label, value: derivedValue(def.key, content, ctx.regionId, ctx.dato) };
  const value = content.fields[def.key];
  if (def.type === "rows") {
    const rows = Array.isArray(value) ? (value as RowValue[]).filter((r) => typeof r === "object" && r !== null) : [];
    const columns = def.columns ?? [];
    return {
      label: def.label,
      table: { columns: columns.map((c) => c.label), rows: rows.map((r) => columns.map((c) => formatScalar(c, r[c.key]))) },
    };
  }
  return { label: def.label, value: formatFieldValue(def, value) };
}

export function buildReplyView(content: ReplyContent, ctx: { regionId: string; dato?: string }): ReplyView {
  const items: ItemView[] = [];
  for (const item of TEMPLATE.items) {
    const blocks: BlockView[] = item.blocks.map((block) => ({
      id: block.id,
      heading: isItemLevelBlock(block) ? null : block.number ? `${block.number} ${block.heading}` : block.heading,
      fields: block.fields.map((f) => fieldView(f, content, ctx)).filter((f): f is FieldView => f !== null),
      texts: block.texts.map((t) => ({
        label: t.label,
        fields: (t.fields ?? []).map((f) => fieldView(f, content, ctx)).filter((f): f is FieldView => f !== null),
        content: content.texts[t.id] ?? [],
      })),
    }));
    if (item.optional && !blocks.some((b) => b.texts.some((t) => hasText(t.content)))) continue;
    items.push({ id: item.id, heading: item.heading, blocks });
  }
  const region = findRegion(ctx.regionId);
  return { title: TEMPLATE.title, regionName: region?.name ?? ctx.regionId, items };
}
