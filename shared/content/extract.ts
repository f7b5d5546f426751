/**
 * Reads a reply's Y.Doc as plain JSON (ReplyContent) for checks, exports and hashing: the content
 * of every textField node, every typed field value, and the template id and version from `meta`.
 * The result shares nothing with the Y.Doc, so callers may keep or change it freely.
 */
import type * as Y from "yjs";
import type { PMNodeJSON, ReplyContent } from "../template/types.js";
import { YDOC_FRAGMENT, YDOC_META } from "../schema/editor.js";
import { readAllFields } from "./fields.js";
import { yFragmentToJSON } from "./ydoc-json.js";

const CONTAINERS = new Set(["doc", "replyItem", "replyBlock"]);

/**
 * A detached copy of a node in ProseMirror's own JSON form: an element whose Y.XmlText became
 * empty serialises as `content: []`, which ProseMirror (Node.toJSON) writes as no `content` at
 * all, so that key is dropped. Copying also detaches mark attributes, which are the very objects
 * stored inside the Y.Doc. A mark always carries `attrs` (empty for bold), as the first version's
 * content hashes have it.
 */
function normalise(node: PMNodeJSON): PMNodeJSON {
  const out: PMNodeJSON = { type: node.type };
  if (node.attrs !== undefined) out.attrs = structuredClone(node.attrs);
  if (node.text !== undefined) out.text = node.text;
  if (node.marks !== undefined) out.marks = node.marks.map((mark) => ({ type: mark.type, attrs: structuredClone(mark.attrs ?? {}) }));
  const content = (node.content ?? []).map(normalise);
  if (content.length > 0) out.content = content;
  return out;
}

/** textField id → its children, in document order (the first node wins if an id repeats). */
function collectTexts(root: PMNodeJSON): Record<string, PMNodeJSON[]> {
  const texts: Record<string, PMNodeJSON[]> = {};
  const walk = (node: PMNodeJSON) => {
    if (node.type === "textField") {
      const id = node.attrs?.id;
      if (typeof id === "string" && !(id in texts)) texts[id] = (node.content ?? []).map(normalise);
      return;
    }
    if (CONTAINERS.has(node.type)) for (const child of node.content ?? []) walk(child);
  };
  walk(root);
  return texts;
}

export function extractReplyContent(doc: Y.Doc): ReplyContent {
  const root = yFragmentToJSON(doc.getXmlFragment(YDOC_FRAGMENT));
  const meta = doc.getMap(YDOC_META);
  const templateId = meta.get("templateId");
  const templateVersion = meta.get("templateVersion");
  return {
    templateId: typeof templateId === "string" ? templateId : "",
    templateVersion: typeof templateVersion === "number" ? templateVersion : 0,
    texts: collectTexts(root),
    fields: readAllFields(doc),
  };
}
