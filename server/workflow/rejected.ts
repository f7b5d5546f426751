/**
 * What a refused (post-freeze) update would have changed, per field, so the user can see and
 * copy their text. Computed against the current document: the update is applied to a copy.
 */
import * as Y from "yjs";
import { extractReplyContent } from "../../shared/content/extract.js";
import { findField, findTextField } from "../../shared/template/definition.js";
import { plainText } from "../../shared/template/words.js";
import type { RejectedUpdateRow, Store } from "../storage/types.js";

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
    if (JSON.stringify(value) !== JSON.stringify(before.fields[key]))
      changes.push({ id: key, label: findField(key)?.label ?? key, yourVersion: JSON.stringify(value) });
  }
  return { id: rejected.id, createdAt: rejected.createdAt, changes };
}

/**
 * Describes each refused update against the text as it was when it was refused (issue 14): the
 * newest saved version at that moment (the freeze makes one, and a frozen text does not change),
 * not today's text, which may have moved on after a reopening. Falls back to `current` where no
 * version is older, or where the update does not apply to that version.
 */
export async function describeRejectedAsRefused(store: Store, documentId: string, rows: RejectedUpdateRow[], current: Y.Doc): Promise<RejectedChangeDto[]> {
  const versions = (await store.listVersions(documentId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const bases = new Map<string, Y.Doc>();
  const baseFor = async (at: string): Promise<Y.Doc> => {
    const version = versions.filter((v) => v.createdAt <= at).at(-1);
    if (!version) return current;
    let doc = bases.get(version.id);
    if (!doc) {
      const row = await store.getVersion(version.id);
      if (!row) return current;
      doc = new Y.Doc();
      Y.applyUpdate(doc, row.stateUpdate);
      bases.set(version.id, doc);
    }
    return doc;
  };
  try {
    const described: RejectedChangeDto[] = [];
    for (const row of rows) {
      const asRefused = describeRejected(await baseFor(row.createdAt), row);
      described.push(asRefused.changes.length > 0 ? asRefused : describeRejected(current, row));
    }
    return described;
  } finally {
    for (const doc of bases.values()) doc.destroy();
  }
}
