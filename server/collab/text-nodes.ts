/**
 * Gives every empty textblock of a reply its (empty) Y.XmlText (issue 14). The editor creates
 * textblocks that way since the binding's patch, and the seed does; replies created before have
 * empty paragraphs without one, where two people typing the first characters at once would each
 * create a text of their own, which the binding merges lossily. The server adds them when it
 * loads such a reply, as one server change, before anyone types.
 *
 * Safe if two instances do it at once: the paragraph then holds two empty texts, and the binding
 * writes into the first, the same one on every client, and removes the other.
 */
import * as Y from "yjs";
import { YDOC_FRAGMENT, editorSchema } from "../../shared/schema/editor.js";

/** Empty textblocks (by the editor schema) without any child, in document order. */
export function textblocksWithoutText(doc: Y.Doc): Y.XmlElement[] {
  const nodes = editorSchema().nodes;
  const found: Y.XmlElement[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray() as unknown[]) {
      if (!(child instanceof Y.XmlElement) || child instanceof Y.XmlHook) continue;
      if (nodes[child.nodeName]?.isTextblock && child.length === 0) found.push(child);
      else walk(child);
    }
  };
  walk(doc.getXmlFragment(YDOC_FRAGMENT));
  return found;
}

/** Inserts the missing texts in the current transaction; returns how many. */
export function addMissingTextNodes(doc: Y.Doc): number {
  const blocks = textblocksWithoutText(doc);
  for (const block of blocks) block.insert(0, [new Y.XmlText()]);
  return blocks.length;
}
