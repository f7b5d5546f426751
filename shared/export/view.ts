/**
 * The reply as it is read (preview, PDF, DOCX): headings, typed field values formatted in
 * Danish, and the rich text, in template order. Guidance, comments and cursors are not part of
 * it. Every renderer starts from this one view, so the three outputs cannot disagree.
 *
 * A field or text that does not apply to the reply's choices (template/applies.ts) is left out,
 * and a text's label is left out where it only repeats its heading. The sealed letter
 * (`letter: true`) is read by the agency: its cover carries the letterhead (the Dokumenthoved),
 * and what is empty is left out instead of being marked "(ikke udfyldt)".
 */
import { TEMPLATE, isItemLevelBlock } from "../template/definition.js";
import type { FieldDef, PMNodeJSON, ReplyContent, RowValue } from "../template/types.js";
import { findRegion } from "../regions.js";
import { formatFieldValue, formatScalar } from "./format.js";
import { derivedValue } from "../content/derived.js";
import { applies } from "../template/applies.js";

export interface ViewContext {
  regionId: string;
  dato?: string;
  /** The sealed letter: no Dokumenthoved in the body, nothing empty. */
  letter?: boolean;
}

export type FieldView = { label: string; value: string } | { label: string; table: { columns: string[]; rows: string[][] } };

export interface TextView {
  /** Null where the label would only repeat the heading above it. */
  label: string | null;
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

const isEmpty = (f: FieldView) => ("table" in f ? f.table.rows.length === 0 : f.value === "");

function fieldView(def: FieldDef, content: ReplyContent, ctx: ViewContext): FieldView | null {
  if (!applies(def.key, content)) return null;
  const view = fieldValueView(def, content, ctx);
  return ctx.letter && isEmpty(view) ? null : view;
}

function fieldValueView(def: FieldDef, content: ReplyContent, ctx: ViewContext): FieldView {
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

export function buildReplyView(content: ReplyContent, ctx: ViewContext): ReplyView {
  const items: ItemView[] = [];
  for (const item of TEMPLATE.items) {
    if (ctx.letter && item.id === "hoved") continue;
    const blocks: BlockView[] = item.blocks.map((block) => {
      const shownHeading = isItemLevelBlock(block) ? item.heading : block.heading;
      const fields = (list: FieldDef[]) => list.map((f) => fieldView(f, content, ctx)).filter((f): f is FieldView => f !== null);
      return {
        id: block.id,
        heading: isItemLevelBlock(block) ? null : block.number ? `${block.number} ${block.heading}` : block.heading,
        fields: fields(block.fields),
        texts: block.texts
          .filter((t) => applies(t.id, content))
          .map((t) => ({ label: t.label === shownHeading ? null : t.label, fields: fields(t.fields ?? []), content: content.texts[t.id] ?? [] }))
          .filter((t) => !ctx.letter || hasText(t.content) || t.fields.length > 0),
      };
    });
    if (item.optional && !blocks.some((b) => b.texts.some((t) => hasText(t.content)))) continue;
    items.push({ id: item.id, heading: item.heading, blocks });
  }
  const region = findRegion(ctx.regionId);
  return { title: TEMPLATE.title, regionName: region?.name ?? ctx.regionId, items };
}
