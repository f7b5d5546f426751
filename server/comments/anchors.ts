/**
 * Where comment threads are anchored: the `comment` marks in the text (y-prosemirror stores a
 * mark as a formatting attribute of the text, keyed "comment" or "comment--<hash>" when marks
 * of that type overlap). A thread with no mark left is orphaned.
 */
import * as Y from "yjs";
import { YDOC_FRAGMENT } from "../../shared/schema/editor.js";

export interface Anchor {
  text: string;
  blockId: string | null;
}

export function commentAnchors(doc: Y.Doc): Map<string, Anchor> {
  const anchors = new Map<string, Anchor>();
  const visit = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText, blockId: string | null) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== "string" || !op.attributes) continue;
        for (const [key, value] of Object.entries(op.attributes)) {
          if (key !== "comment" && !key.startsWith("comment--")) continue;
          const threadId = (value as { threadId?: unknown } | null)?.threadId;
          if (typeof threadId !== "string") continue;
          const anchor = anchors.get(threadId) ?? { text: "", blockId };
          anchor.text += op.insert;
          anchors.set(threadId, anchor);
        }
      }
      return;
    }
    const nextBlock = node instanceof Y.XmlElement && node.nodeName === "replyBlock" ? ((node.getAttribute("id") as string | undefined) ?? blockId) : blockId;
    // Only the schema's node kinds: a reply damaged in storage may hold other types (see ydoc-json.ts).
    for (const child of node.toArray() as unknown[]) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) visit(child, nextBlock);
  };
  visit(doc.getXmlFragment(YDOC_FRAGMENT), null);
  return anchors;
}
