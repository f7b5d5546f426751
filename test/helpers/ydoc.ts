/** Small helpers to read and edit a reply's Y.Doc the way an editor would, without a browser. */
import * as Y from "yjs";
import { YDOC_FRAGMENT } from "../../shared/schema/editor.js";

export function findTextField(doc: Y.Doc, fieldId: string): Y.XmlElement | null {
  const walk = (el: Y.XmlElement | Y.XmlFragment): Y.XmlElement | null => {
    for (const child of el.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === "textField" && child.getAttribute("id") === fieldId) return child;
      if (child.nodeName === "replyItem" || child.nodeName === "replyBlock") {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(doc.getXmlFragment(YDOC_FRAGMENT));
}

/** Appends text to the first paragraph of a text field (creating the text node if needed). */
export function appendText(doc: Y.Doc, fieldId: string, text: string): void {
  const field = findTextField(doc, fieldId);
  if (!field) throw new Error(`no text field ${fieldId}`);
  doc.transact(() => {
    let paragraph = field.get(0);
    if (!(paragraph instanceof Y.XmlElement)) {
      paragraph = new Y.XmlElement("paragraph");
      field.insert(0, [paragraph]);
    }
    const p = paragraph as Y.XmlElement;
    let textNode = p.get(0);
    if (!(textNode instanceof Y.XmlText)) {
      textNode = new Y.XmlText();
      p.insert(0, [textNode]);
    }
    const t = textNode as Y.XmlText;
    t.insert(t.length, text);
  });
}

/** The plain text of a text field (paragraphs joined by newlines). */
export function fieldText(doc: Y.Doc, fieldId: string): string {
  const field = findTextField(doc, fieldId);
  if (!field) return "";
  const textOf = (node: Y.XmlElement | Y.XmlText): string =>
    node instanceof Y.XmlText
      ? node
          .toDelta()
          .map((d: { insert: unknown }) => (typeof d.insert === "string" ? d.insert : ""))
          .join("")
      : node
          .toArray()
          .map((c) => textOf(c as Y.XmlElement | Y.XmlText))
          .join(node.nodeName === "paragraph" ? "" : "\n");
  return field
    .toArray()
    .map((c) => textOf(c as Y.XmlElement | Y.XmlText))
    .join("\n");
}

export function countNodes(doc: Y.Doc, nodeName: string): number {
  let n = 0;
  const walk = (el: Y.XmlElement | Y.XmlFragment) => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === nodeName) n++;
        walk(child);
      }
    }
  };
  walk(doc.getXmlFragment(YDOC_FRAGMENT));
  return n;
}
