/**
 * What the benchmark clients write, identical for every server: a reply document (the template
 * seed Regionssvar's server writes on first load) and text typed into one of its text fields.
 *
 * Regionssvar seeds the template itself and refuses edits outside text fields; Hocuspocus and the
 * reference server start empty. So the clients of those two start from the same deterministic
 * seed update (fixed client id: applying it twice changes nothing), and every server ends up
 * holding the same document structure with the same edits.
 */
import * as Y from "yjs";
import { createSeedUpdate } from "../../shared/template/seed.js";
import { writeReplyContent } from "../../shared/content/write.js";
import { completeReplyContent } from "../../test/helpers/completeReply.js";
import { findTextField } from "../../test/helpers/ydoc.js";

export const REGION = "nordjylland";
/** The text field all edits go to (the first item's "indsats" text). */
export const FIELD = "i1.indsats.tekst";

let seed: Uint8Array | null = null;
export function seedUpdate(): Uint8Array {
  seed ??= createSeedUpdate(REGION);
  return seed;
}

/** A client document: empty, or holding the template seed already. */
export function newDoc(withSeed: boolean): Y.Doc {
  const doc = new Y.Doc();
  if (withSeed) Y.applyUpdate(doc, seedUpdate());
  return doc;
}

/** The Y.XmlText of the field's first paragraph, created if the paragraph has none yet. */
export function fieldXmlText(doc: Y.Doc, fieldId = FIELD): Y.XmlText {
  const field = findTextField(doc, fieldId);
  if (!field) throw new Error(`document has no text field ${fieldId}`);
  let paragraph = field.get(0);
  if (!(paragraph instanceof Y.XmlElement)) {
    paragraph = new Y.XmlElement("paragraph");
    doc.transact(() => field.insert(0, [paragraph as Y.XmlElement]));
  }
  const p = paragraph as Y.XmlElement;
  let text = p.get(0);
  if (!(text instanceof Y.XmlText)) {
    text = new Y.XmlText();
    doc.transact(() => p.insert(0, [text as Y.XmlText]));
  }
  return text as Y.XmlText;
}

/** Appends `text` at the end of the field, as one transaction (one keystroke or paste). */
export function typeAtEnd(doc: Y.Doc, text: string): void {
  const t = fieldXmlText(doc);
  doc.transact(() => t.insert(t.length, text));
}

/** A seeded document with `chars` characters typed into the field in transactions of `chunk`. */
export function docWithText(chars: number, chunk = 100): Y.Doc {
  const doc = newDoc(true);
  const words = "Kommunerne i regionen etablerer et fælles tilbud med døgnbehandling. ";
  for (let written = 0; written < chars; written += chunk) {
    const n = Math.min(chunk, chars - written);
    let s = "";
    while (s.length < n) s += words;
    typeAtEnd(doc, s.slice(0, n));
  }
  return doc;
}

/** A seeded document holding a complete reply (every text and field of the template filled in). */
export function docWithCompleteReply(): Y.Doc {
  const doc = newDoc(true);
  writeReplyContent(doc, completeReplyContent(REGION));
  return doc;
}

/** The whole document as one update (what a client holding it pushes in its sync step 2). */
export function stateOf(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}
