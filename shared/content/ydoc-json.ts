/**
 * ProseMirror JSON of a Y.XmlFragment, as the Yjs binding writes it
 * (`yXmlFragmentToProsemirrorJSON` of @tiptap/y-tiptap), but tolerant: whatever the editor schema
 * cannot hold (a Y.Map, Y.Array or Y.XmlHook among the nodes, an embed in a text, a non-value
 * attribute) is left out instead of throwing. A reply damaged in storage (before the server's
 * schema guard refused such content, or restored from an old backup) then still reads, checks and
 * exports; `countUnreadable` says how much was left out. For valid content the result is the
 * binding's, so content hashes do not change.
 */
import * as Y from "yjs";
import type { PMNodeJSON } from "../template/types.js";

/** y-prosemirror stores overlapping marks of one type as "name--<hash>". */
const markName = (attribute: string) => (attribute.includes("--") ? attribute.slice(0, attribute.indexOf("--")) : attribute);
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function textNodes(text: Y.XmlText): PMNodeJSON[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return delta.flatMap((d) => {
    if (typeof d.insert !== "string") return [];
    const node: PMNodeJSON = { type: "text", text: d.insert };
    if (d.attributes) {
      node.marks = Object.entries(d.attributes).map(([key, attrs]) => {
        const mark: { type: string; attrs?: Record<string, unknown> } = { type: markName(key) };
        if (isPlainObject(attrs) && Object.keys(attrs).length > 0) mark.attrs = attrs;
        return mark;
      });
    }
    return [node];
  });
}

function elementNode(element: Y.XmlElement): PMNodeJSON {
  const node: PMNodeJSON = { type: element.nodeName };
  const attrs = Object.fromEntries(Object.entries(element.getAttributes()).filter(([, value]) => !isPlainObject(value)));
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  const content = childNodes(element);
  if (content.length > 0) node.content = content;
  return node;
}

function childNodes(parent: Y.XmlFragment | Y.XmlElement): PMNodeJSON[] {
  return parent.toArray().flatMap((child) => {
    if (child instanceof Y.XmlHook) return [];
    if (child instanceof Y.XmlText) return textNodes(child);
    if (child instanceof Y.XmlElement) return [elementNode(child)];
    return [];
  });
}

export function yFragmentToJSON(fragment: Y.XmlFragment): PMNodeJSON {
  return { type: "doc", content: childNodes(fragment) };
}

/** How many things in the fragment the editor schema cannot hold (0 for a sound reply). */
export function countUnreadable(fragment: Y.XmlFragment): number {
  let count = 0;
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray() as unknown[]) {
      if (child instanceof Y.XmlHook || !(child instanceof Y.XmlText || child instanceof Y.XmlElement)) count++;
      else if (child instanceof Y.XmlText) count += (child.toDelta() as { insert: unknown }[]).filter((d) => typeof d.insert !== "string").length;
      else walk(child);
    }
  };
  walk(fragment);
  return count;
}
