/**
 * Reads a reply's current content for checks, versions and exports: from the loaded room when
 * someone is editing (the freshest state, including updates still being committed), otherwise
 * from storage. Code outside collab/ reads through CollabService (read, readCommitted,
 * readContent), never through the rooms.
 */
import type * as Y from "yjs";
import type { Store } from "../storage/types.js";
import type { RoomRegistry } from "./rooms.js";
import { loadDocument } from "./load.js";

/** The two fields of a document row that reading needs. */
export interface DocumentRef {
  id: string;
  regionId: string;
}

export interface DocumentReader {
  /** The freshest state: the loaded room if there is one, else what is committed. */
  read<T>(document: DocumentRef, read: (doc: Y.Doc) => T): Promise<T>;
  /** What is committed, ignoring any loaded room. */
  readCommitted<T>(document: DocumentRef, read: (doc: Y.Doc) => T): Promise<T>;
}

export async function readLive<T>(store: Store, rooms: RoomRegistry, document: DocumentRef, read: (doc: Y.Doc) => T): Promise<T> {
  const room = rooms.get(document.id);
  if (room) return read(room.doc);
  return readFromStorage(store, document, read);
}

export async function readFromStorage<T>(store: Store, document: DocumentRef, read: (doc: Y.Doc) => T): Promise<T> {
  const { doc } = await loadDocument(store, document.id, document.regionId);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}
