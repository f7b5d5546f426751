/**
 * Repairs the document after a client's update when it is left in a state the template cannot
 * hold: two people deleting the last paragraphs of the same field at the same time leave a
 * textField empty (its content is `block+`); a crafted or buggy client writes a typed field
 * value of the wrong type or outside its options. The server is the only writer of repairs, so
 * there is exactly one repair, not one per client.
 */
import * as Y from "yjs";
import type { Room } from "./room.js";
import type { UpdateWriter } from "./persist.js";
import { fieldFixes } from "./repair-fields.js";

/** Transaction origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol("server");

/** Runs `change` as one server transaction and returns the update it produced (null if none). */
export function changeAsServer(doc: Y.Doc, change: () => void): Uint8Array | null {
  const captured: Uint8Array[] = [];
  const capture = (update: Uint8Array, origin: unknown) => {
    if (origin === SERVER_ORIGIN) captured.push(update);
  };
  doc.on("update", capture);
  try {
    doc.transact(change, SERVER_ORIGIN);
  } finally {
    doc.off("update", capture);
  }
  return captured.length === 0 ? null : captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
}

/**
 * An empty paragraph with its (empty) text, as the editor creates one: people who then start
 * typing in it at the same time type into one shared text instead of each creating their own.
 */
function emptyParagraph(): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText()]);
  return paragraph;
}

export function repairAfterClientUpdate(room: Room, writer: UpdateWriter): void {
  const changed = room.takeChangedTypes();
  if (!changed) return;
  const emptyFields: Y.XmlElement[] = [];
  for (const type of changed.keys()) {
    if (type instanceof Y.XmlElement && type.nodeName === "textField" && type.length === 0 && !type._item?.deleted) emptyFields.push(type);
  }
  const fixes = fieldFixes(room.doc, changed);
  if (emptyFields.length === 0 && fixes.length === 0) return;
  const update = changeAsServer(room.doc, () => {
    for (const field of emptyFields) field.insert(0, [emptyParagraph()]);
    for (const fix of fixes) fix();
  });
  if (update) writer.enqueue(room, update, null, 0);
}
