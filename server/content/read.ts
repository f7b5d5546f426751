/**
 * Reads a reply's current content for checks and exports: from the loaded room when someone is
 * editing (the freshest state, including updates still being committed), otherwise from storage.
 */
import type * as Y from "yjs";
import type { Store } from "../storage/types.js";
import type { RoomRegistry } from "../collab/rooms.js";
import { loadDocument } from "../collab/load.js";
import { extractReplyContent } from "../../shared/content/extract.js";
import type { ReplyContent } from "../../shared/template/types.js";

export async function withDocument<T>(store: Store, rooms: RoomRegistry, documentId: string, regionId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const room = rooms.get(documentId);
  if (room) return read(room.doc);
  return readFromStorage(store, rooms, documentId, regionId, read);
}

/** Reads the committed state from storage, ignoring any loaded room. */
export async function readFromStorage<T>(store: Store, _rooms: RoomRegistry, documentId: string, regionId: string, read: (doc: Y.Doc) => T): Promise<T> {
  const { doc } = await loadDocument(store, documentId, regionId);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

export function readReplyContent(store: Store, rooms: RoomRegistry, documentId: string, regionId: string): Promise<ReplyContent> {
  return withDocument(store, rooms, documentId, regionId, extractReplyContent);
}
