/**
 * Finds typed-field values a client's transaction left invalid (unknown keys, wrong types,
 * values outside the template's options) and returns the fixes: delete the bad key, set member
 * or row cell. Only the parts the transaction touched are inspected.
 */
import * as Y from "yjs";
import { YDOC_FIELDS } from "../../shared/schema/editor.js";
import { findField } from "../../shared/template/definition.js";
import { isValidRowCell, isValidScalar, isValidSetMember, MAX_ROWS } from "../../shared/content/validate-field.js";
import { SET_FIELD_TYPES } from "../../shared/content/fields.js";
import type { SharedType } from "./shared-type.js";

export type Fix = () => void;

/** The top-level key of the fields map a (possibly nested) type belongs to. */
function topLevelKey(type: SharedType, fields: Y.Map<unknown>): string | null {
  let item = type._item;
  while (item) {
    if (item.parent === fields) return item.parentSub;
    item = (item.parent as SharedType)._item;
  }
  return null;
}

function fixesForKey(fields: Y.Map<unknown>, key: string): Fix[] {
  const value = fields.get(key);
  if (value === undefined) return [];
  const def = findField(key);
  const dropKey: Fix = () => fields.delete(key);
  if (!def) return [dropKey];
  if (SET_FIELD_TYPES.has(def.type)) {
    if (!(value instanceof Y.Map)) return [dropKey];
    const fixes: Fix[] = [];
    value.forEach((v, member) => {
      if (v !== true || !isValidSetMember(def, member)) fixes.push(() => value.delete(member));
    });
    return fixes;
  }
  if (def.type === "rows") {
    if (!(value instanceof Y.Array)) return [dropKey];
    const fixes: Fix[] = [];
    if (value.length > MAX_ROWS) fixes.push(() => value.delete(MAX_ROWS, value.length - MAX_ROWS));
    value.toArray().forEach((row) => {
      if (!(row instanceof Y.Map)) {
        fixes.push(() => {
          const i = value.toArray().indexOf(row);
          if (i >= 0) value.delete(i, 1);
        });
        return;
      }
      row.forEach((cell, column) => {
        if (!isValidRowCell(def, column, cell)) fixes.push(() => row.delete(column));
      });
    });
    return fixes;
  }
  return isValidScalar(def.type, value, def.options) ? [] : [dropKey];
}

/** Fixes for every fields-map key the transaction changed. */
export function fieldFixes(doc: Y.Doc, changed: Map<SharedType, Set<string | null>>): Fix[] {
  const fields = doc.getMap(YDOC_FIELDS);
  const keys = new Set<string>();
  for (const [type, changedKeys] of changed) {
    if (type === (fields as unknown as SharedType)) {
      for (const k of changedKeys) if (k !== null) keys.add(k);
    } else {
      const key = topLevelKey(type, fields);
      if (key !== null) keys.add(key);
    }
  }
  return [...keys].flatMap((k) => fixesForKey(fields, k));
}
