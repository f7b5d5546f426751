/**
 * Repairs a reply damaged in storage (issue 15, item 2): removes what the editor schema cannot
 * hold — shared types other than elements and texts among the nodes, elements of unknown node
 * types, embeds inside texts — and keeps every valid edit, as one update appended to the log and
 * one audit entry. Readers already skip such content (shared/content/ydoc-json.ts); the repair
 * makes the stored reply sound again, so editors and exports agree on what it holds.
 *
 * Safe while servers run: the repair is an ordinary Yjs update, merged like any other. A server
 * that has the reply loaded picks it up at its next load, or when it next catches up.
 */
import * as Y from "yjs";
import type { Store } from "../storage/types.js";
import { YDOC_FRAGMENT, editorSchema } from "../../shared/schema/editor.js";
import { recordAudit } from "../audit/record.js";

export interface RepairResult {
  removed: number;
}

/** Deletes the unreadable parts of `fragment` in the current transaction; returns how many. */
export function removeUnreadable(fragment: Y.XmlFragment): number {
  const nodes = editorSchema().nodes;
  let removed = 0;
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    const children = parent.toArray() as unknown[];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      const sound = child instanceof Y.XmlText || (child instanceof Y.XmlElement && nodes[child.nodeName] !== undefined);
      if (!sound || child instanceof Y.XmlHook) {
        parent.delete(i, 1);
        removed++;
      } else if (child instanceof Y.XmlText) {
        removed += removeEmbeds(child);
      } else {
        walk(child as Y.XmlElement);
      }
    }
  };
  walk(fragment);
  return removed;
}

function removeEmbeds(text: Y.XmlText): number {
  let index = 0;
  let removed = 0;
  for (const op of text.toDelta() as { insert: unknown }[]) {
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    if (typeof op.insert === "string") index += length;
    else {
      text.delete(index, 1);
      removed++;
    }
  }
  return removed;
}

export async function repairDocument(store: Store, documentId: string): Promise<RepairResult> {
  const state = await store.loadDocumentState(documentId);
  const doc = new Y.Doc();
  try {
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    let removed = 0;
    doc.transact(() => {
      removed = removeUnreadable(doc.getXmlFragment(YDOC_FRAGMENT));
    });
    if (removed === 0) return { removed };
    await store.appendUpdates([{ documentId, update: Y.encodeStateAsUpdate(doc, before) }]);
    await recordAudit(store, { actorUserId: null, event: "document.repaired", documentId, details: { removed } });
    return { removed };
  } finally {
    doc.destroy();
  }
}
