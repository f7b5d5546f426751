/**
 * The canonical content of a reply: what municipalities approve and what is sealed. It is the
 * typed field values and the user's text, with the template id and version that fix every
 * heading, and the region. Comment anchors are not content and are stripped; guidance and
 * cursors are never in the document. Serialised with RFC 8785 (JSON Canonicalization Scheme),
 * so the same content always gives the same bytes and the same SHA-256.
 */
import canonicalize from "canonicalize";
import type { PMNodeJSON, ReplyContent } from "../template/types.js";

export interface CanonicalContent {
  templateId: string;
  templateVersion: number;
  regionId: string;
  fields: ReplyContent["fields"];
  texts: ReplyContent["texts"];
}

const NON_CONTENT_MARKS = new Set(["comment"]);

function stripNode(node: PMNodeJSON): PMNodeJSON {
  const out: PMNodeJSON = { type: node.type };
  if (node.attrs && Object.keys(node.attrs).length > 0) out.attrs = node.attrs;
  if (node.text !== undefined) out.text = node.text;
  const marks = node.marks?.filter((m) => !NON_CONTENT_MARKS.has(m.type));
  if (marks && marks.length > 0) out.marks = marks;
  if (node.content) out.content = mergeAdjacentText(node.content.map(stripNode));
  return out;
}

/** Removing a mark can leave two text nodes with the same marks side by side: join them. */
function mergeAdjacentText(nodes: PMNodeJSON[]): PMNodeJSON[] {
  const out: PMNodeJSON[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (prev && prev.type === "text" && n.type === "text" && JSON.stringify(prev.marks ?? []) === JSON.stringify(n.marks ?? [])) {
      out[out.length - 1] = { ...prev, text: (prev.text ?? "") + (n.text ?? "") };
    } else out.push(n);
  }
  return out;
}

export function canonicalContent(content: ReplyContent, regionId: string): CanonicalContent {
  const texts: ReplyContent["texts"] = {};
  for (const [id, nodes] of Object.entries(content.texts)) texts[id] = mergeAdjacentText(nodes.map(stripNode));
  return { templateId: content.templateId, templateVersion: content.templateVersion, regionId, fields: content.fields, texts };
}

/** RFC 8785 serialisation: the exact bytes that are hashed. */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new Error("value cannot be canonicalised");
  return json;
}
