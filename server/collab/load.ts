/**
 * Loads a document from storage into a fresh Y.Doc, seeding it first if the document has no
 * content yet: with the template, or a supplerende svar with the sealed text it supplements. Only the server seeds, and only through `store.seedIfEmpty`, which is
 * atomic across instances; the seed itself is deterministic (fixed client id and content), so
 * even two seeds would be one.
 */
import * as Y from "yjs";
import type { Store } from "../storage/types.js";
import { seedOf } from "./seed-source.js";
import { YDOC_FIELDS, YDOC_FRAGMENT, YDOC_META } from "../../shared/schema/editor.js";

export interface LoadedDocument {
  doc: Y.Doc;
  storedUpdates: number;
  /**
   * The whole document as one update, when storage held exactly that (a snapshot and no later
   * rows): what a fresh client needs, without encoding the document again.
   */
  wholeState: Uint8Array | null;
}

/**
 * `onWholeState` is called with the stored document when storage holds it as one snapshot, BEFORE
 * it is applied: applying a long document takes tens of milliseconds, and clients waiting for
 * the room can be sent these bytes meanwhile (see Connection.offerStoredState).
 */
export async function loadDocument(store: Store, documentId: string, regionId: string, onWholeState?: (state: Uint8Array) => void): Promise<LoadedDocument> {
  let state = await store.loadDocumentState(documentId);
  if (state.snapshot === null && state.updates.length === 0) {
    await store.seedIfEmpty(documentId, await seedOf(store, documentId, regionId));
    state = await store.loadDocumentState(documentId);
  }
  const wholeState = state.snapshot && state.updates.length === 0 ? state.snapshot : null;
  if (wholeState) onWholeState?.(wholeState);
  const doc = new Y.Doc({ gc: true });
  // Define the root types before anything is applied: a root type first seen in an update is a
  // placeholder that getMap() later replaces by a new object, and the per-transaction change
  // sets (repairs, guards) compare types by identity.
  doc.getXmlFragment(YDOC_FRAGMENT);
  doc.getMap(YDOC_FIELDS);
  doc.getMap(YDOC_META);
  doc.transact(() => {
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
  });
  return { doc, storedUpdates: state.pendingUpdates, wholeState };
}
