/**
 * What a refused (post-freeze) update would have changed, per field, so the user can see and
 * copy their text. Computed against the current document: the update is applied to a copy.
 */
import * as Y from "yjs";
import { extractReplyContent } from "../../shared/content/extract.js";
import { findField, findTextField } from "../../shared/template/definition.js";
import { plainText } from "../../shared/template/words.js";
import type { RejectedUpdateRow } from "../storage/types.js";

export interface RejectedChangeDto {
  id: string;
  createdAt: string;
  changes: { id: string; label: string; yourVersion: string }[];
}

export function describeRejected(current: Y.Doc, rejected: RejectedUpdateRow): RejectedChangeDto {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
  const before = extractReplyContent(copy);
  try {
    Y.applyUpdate(copy, rejected.data);
  } catch {
    return { id: rejected.id, createdAt: rejected.createdAt, changes: [] };
  }
  const after = extractReplyContent(copy);
  copy.destroy();
  const changes: RejectedChangeDto["changes"] = [];
  for (const [id, nodes] of Object.entries(after.texts)) {
    const text = plainText(nodes);
    if (text !== plainText(before.texts[id] ?? [])) changes.push({ id, label: findTextField(id)?.label ?? id, yourVersion: text });
  }
  for (const [key, value] of Object.entries(after.fields)) {
    if (JSON.stringify(value) !== JSON.stringify(before.fields[key])) changes.push({ id: key, label: findField(key)?.label ?? key, yourVersion: JSON.stringify(value) });
  }
  return { id: rejected.id, createdAt: rejected.createdAt, changes };
}
