/**
 * Loads a document from storage into a fresh Y.Doc, seeding the template first if the document
 * has no content yet. Only the server seeds, and only through `store.seedIfEmpty`, which is
 * atomic across instances; the seed itself is deterministic (fixed client id and content), so
 * even two seeds would be one.
 */
import * as Y from "yjs";
import type { Store } from "../storage/types.js";
import { createSeedUpdate } from "../../shared/template/seed.js";

export interface LoadedDocument {
  doc: Y.Doc;
  storedUpdates: number;
}

export async function loadDocument(store: Store, documentId: string, regionId: string): Promise<LoadedDocument> {
  let state = await store.loadDocumentState(documentId);
  if (state.snapshot === null && state.updates.length === 0) {
    await store.seedIfEmpty(documentId, createSeedUpdate(regionId));
    state = await store.loadDocumentState(documentId);
  }
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    for (const update of state.updates) Y.applyUpdate(doc, update);
  });
  return { doc, storedUpdates: state.pendingUpdates };
}
