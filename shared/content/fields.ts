/**
 * How typed field values are stored in the Y.Map `fields` of a reply's Y.Doc, and how they are
 * read back as plain JSON. Storage is chosen so that concurrent edits merge instead of
 * overwriting each other:
 *
 *   line, choice, monthYear, date, region, kommune → string          (last writer wins)
 *   int, number                                    → number          (last writer wins)
 *   check                                          → boolean         (last writer wins)
 *   multi, region[], kommune[]                     → Y.Map<key,true> (a set: concurrent toggles of
 *                                                                     different keys both survive)
 *   rows                                           → Y.Array<Y.Map>  (concurrent row inserts both
 *                                                                     survive; cells are LWW)
 *
 * Reading never trusts the stored shape: a value of the wrong shape reads as `null` (unset).
 */
import * as Y from "yjs";
import type { FieldType, FieldValue, RowValue } from "../template/types.js";
import { YDOC_FIELDS } from "../schema/editor.js";

export type ScalarFieldType = Exclude<FieldType, "multi" | "region[]" | "kommune[]" | "rows" | "fixed" | "derived">;

export const SET_FIELD_TYPES: ReadonlySet<FieldType> = new Set(["multi", "region[]", "kommune[]"]);

export function fieldsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(YDOC_FIELDS);
}

function isRowCell(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/** Reads one stored value as JSON (see the table above). Unknown shapes read as null. */
export function readStoredValue(stored: unknown): FieldValue {
  if (stored === undefined || stored === null) return null;
  if (typeof stored === "string" || typeof stored === "boolean") return stored;
  if (typeof stored === "number") return Number.isFinite(stored) ? stored : null;
  if (stored instanceof Y.Map) {
    const keys: string[] = [];
    stored.forEach((v, k) => {
      if (v === true) keys.push(k);
    });
    return keys.sort();
  }
  if (stored instanceof Y.Array) {
    const rows: RowValue[] = [];
    for (const row of stored.toArray()) {
      if (!(row instanceof Y.Map)) continue;
      const record: RowValue = {};
      row.forEach((v, k) => {
        if (isRowCell(v)) record[k] = v;
      });
      rows.push(record);
    }
    return rows;
  }
  return null;
}

/** All typed field values as JSON, keyed by field key, keys sorted. */
export function readAllFields(doc: Y.Doc): Record<string, FieldValue> {
  const map = fieldsMap(doc);
  const out: Record<string, FieldValue> = {};
  for (const key of [...map.keys()].sort()) {
    const value = readStoredValue(map.get(key));
    if (value !== null) out[key] = value;
  }
  return out;
}

/** Sets a scalar field (string, number, boolean), or clears it with null. */
export function setScalarField(doc: Y.Doc, key: string, value: string | number | boolean | null): void {
  const map = fieldsMap(doc);
  doc.transact(() => {
    if (value === null || value === "") map.delete(key);
    else map.set(key, value);
  });
}

function ensureSet(doc: Y.Doc, key: string): Y.Map<boolean> {
  const map = fieldsMap(doc);
  const existing = map.get(key);
  if (existing instanceof Y.Map) return existing as Y.Map<boolean>;
  const created = new Y.Map<boolean>();
  map.set(key, created);
  return created;
}

/** Adds or removes one key of a set field (multi, region[], kommune[]). */
export function toggleSetField(doc: Y.Doc, key: string, member: string, included: boolean): void {
  doc.transact(() => {
    const set = ensureSet(doc, key);
    if (included) set.set(member, true);
    else set.delete(member);
  });
}

/** Replaces the whole set (used by seeding and by "vælg alle"). */
export function setSetField(doc: Y.Doc, key: string, members: string[]): void {
  doc.transact(() => {
    const set = ensureSet(doc, key);
    for (const k of [...set.keys()]) if (!members.includes(k)) set.delete(k);
    for (const k of members) if (set.get(k) !== true) set.set(k, true);
  });
}

function ensureRows(doc: Y.Doc, key: string): Y.Array<Y.Map<unknown>> {
  const map = fieldsMap(doc);
  const existing = map.get(key);
  if (existing instanceof Y.Array) return existing as Y.Array<Y.Map<unknown>>;
  const created = new Y.Array<Y.Map<unknown>>();
  map.set(key, created);
  return created;
}

/** Appends a row; `id` identifies it for later edits. Returns the row id. */
export function addRow(doc: Y.Doc, key: string, row: RowValue & { id: string }): string {
  doc.transact(() => {
    const rowMap = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(row)) if (v !== null && v !== "") rowMap.set(k, v);
    ensureRows(doc, key).push([rowMap]);
  });
  return row.id;
}

function findRow(doc: Y.Doc, key: string, rowId: string): { rows: Y.Array<Y.Map<unknown>>; index: number } | null {
  const rows = fieldsMap(doc).get(key);
  if (!(rows instanceof Y.Array)) return null;
  const index = rows.toArray().findIndex((r) => r instanceof Y.Map && r.get("id") === rowId);
  return index < 0 ? null : { rows: rows as Y.Array<Y.Map<unknown>>, index };
}

/** Sets one cell of a row (null or "" clears it). */
export function setRowCell(doc: Y.Doc, key: string, rowId: string, column: string, value: string | number | boolean | null): void {
  doc.transact(() => {
    const found = findRow(doc, key, rowId);
    const row = found?.rows.get(found.index);
    if (!row) return;
    if (value === null || value === "") row.delete(column);
    else row.set(column, value);
  });
}

export function removeRow(doc: Y.Doc, key: string, rowId: string): void {
  doc.transact(() => {
    const found = findRow(doc, key, rowId);
    if (found) found.rows.delete(found.index, 1);
  });
}
