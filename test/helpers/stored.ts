/** What storage holds of a collaborative document, replayed into a Y.Doc (snapshot, then the update log). */
import * as Y from "yjs";
import type { Store, StoredDocumentState } from "../../server/storage/types.js";

export function replayStored(state: Pick<StoredDocumentState, "snapshot" | "updates">): Y.Doc {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The committed state of a document as a Y.Doc. */
export async function storedDoc(store: Store, documentId: string): Promise<Y.Doc> {
  return replayStored(await store.loadDocumentState(documentId));
}
