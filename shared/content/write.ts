/**
 * Writes a plain-JSON reply (ReplyContent) into an existing reply Y.Doc: the rich text of every
 * textField node and the typed field values. The template skeleton (replyItem, replyBlock and
 * textField nodes with their ids, and the `meta` map) is never touched, so the result passes the
 * structure guard. Used to restore a version and to build test fixtures; the seed uses
 * `writeFieldValue` for its initial values.
 *
 * Only what differs is written: rich text is reconciled node by node (y-prosemirror's
 * updateYFragment), and a field whose stored value already equals the target is left alone, so
 * restoring the current state produces no change at all.
 */
import * as Y from "yjs";
import { updateYFragment } from "@tiptap/y-tiptap";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { FieldDef, FieldValue, PMNodeJSON, ReplyContent, RowValue } from "../template/types.js";
import { allFields } from "../template/definition.js";
import { YDOC_FRAGMENT, YDOC_META, editorSchema } from "../schema/editor.js";
import { SET_FIELD_TYPES, addRow, fieldsMap, readStoredValue, setScalarField, setSetField } from "./fields.js";

const EMPTY_TEXT: PMNodeJSON[] = [{ type: "paragraph" }];

function isCell(v: unknown): v is string | number | boolean {
  return typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

/** The rows to store: plain-object rows with scalar cells; a row without an id gets a positional one. */
function normaliseRows(value: unknown): (RowValue & { id: string })[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null && !Array.isArray(r))
    .map((r, i) => {
      const row: RowValue & { id: string } = { id: typeof r.id === "string" && r.id !== "" ? r.id : `r${i + 1}` };
      for (const [k, v] of Object.entries(r)) if (k !== "id" && isCell(v) && v !== "") row[k] = v;
      return row;
    });
}

/** What `value` reads back as once written (the form readStoredValue returns), or null for "unset". */
function normalised(def: FieldDef, value: FieldValue | undefined): FieldValue {
  if (SET_FIELD_TYPES.has(def.type)) {
    const members = Array.isArray(value) ? [...new Set(value.filter((m): m is string => typeof m === "string"))].sort() : [];
    return members.length > 0 ? members : null;
  }
  if (def.type === "rows") {
    const rows = normaliseRows(value);
    return rows.length > 0 ? rows : null;
  }
  return isCell(value) && value !== "" ? value : null;
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Writes one typed field (fixed and derived fields are never stored and are skipped). */
export function writeFieldValue(doc: Y.Doc, def: FieldDef, value: FieldValue | undefined): void {
  if (def.type === "fixed" || def.type === "derived") return;
  const target = normalised(def, value);
  const map = fieldsMap(doc);
  const current = readStoredValue(map.get(def.key));
  if (canonical(Array.isArray(current) && current.length === 0 ? null : current) === canonical(target)) return;
  doc.transact(() => {
    if (target === null) {
      map.delete(def.key);
    } else if (SET_FIELD_TYPES.has(def.type)) {
      setSetField(doc, def.key, target as string[]);
    } else if (def.type === "rows") {
      // Rows are replaced as a whole: a restore sets the table as it was, row ids included.
      map.delete(def.key);
      map.set(def.key, new Y.Array());
      for (const row of target as (RowValue & { id: string })[]) addRow(doc, def.key, row);
    } else {
      setScalarField(doc, def.key, target as string | number | boolean);
    }
  });
}

/** The textField elements of the document, by id, in document order. */
function textFieldElements(doc: Y.Doc): Map<string, Y.XmlElement> {
  const found = new Map<string, Y.XmlElement>();
  const walk = (parent: Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === "textField") {
        const id = child.getAttribute("id");
        if (typeof id === "string" && !found.has(id)) found.set(id, child);
      } else if (child.nodeName === "replyItem" || child.nodeName === "replyBlock") {
        walk(child);
      }
    }
  };
  walk(doc.getXmlFragment(YDOC_FRAGMENT));
  return found;
}

/**
 * Writes `content` into `doc` in one transaction (with `origin`, so observers can tell it apart).
 * Every textField gets content.texts[id], or one empty paragraph when the content has none. Every
 * storable template field gets content.fields[key], or is cleared. Keys outside the template are
 * left alone. Throws before writing anything if the content does not fit the editor schema or
 * belongs to another template.
 */
export function writeReplyContent(doc: Y.Doc, content: ReplyContent, origin: unknown = null): void {
  const meta = doc.getMap(YDOC_META);
  const docTemplate = meta.get("templateId");
  if (typeof docTemplate === "string" && docTemplate !== content.templateId) {
    throw new Error(`content of template ${content.templateId} cannot be written into a document of template ${docTemplate}`);
  }
  const schema = editorSchema();
  const nodes: [Y.XmlElement, PMNode][] = [];
  for (const [id, element] of textFieldElements(doc)) {
    const children = content.texts[id];
    const json = { type: "textField", attrs: { id }, content: Array.isArray(children) && children.length > 0 ? children : EMPTY_TEXT };
    const node = schema.nodeFromJSON(json);
    node.check(); // throws RangeError on content the schema does not allow, before anything is written
    nodes.push([element, node]);
  }
  doc.transact(() => {
    for (const [element, node] of nodes) updateYFragment(doc, element, node, { mapping: new Map(), isOMark: new Map() });
    for (const def of allFields()) writeFieldValue(doc, def, content.fields[def.key]);
  }, origin);
}
