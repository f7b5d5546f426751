/**
 * Which comment threads still have text in the document, as it changes: when someone deletes a
 * thread's text, every open page shows "Teksten er slettet" at once (and the highlight's return
 * brings it back), not only after the next refetch (issue 14).
 */
import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";

/** Thread ids of every comment mark in the document. */
export function anchoredThreadIds(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name === "comment" && typeof mark.attrs.threadId === "string") ids.add(mark.attrs.threadId);
    }
    return false;
  });
  return ids;
}

/** Calls `onChange` with the anchored ids whenever that set changes (and once at the start). */
export function watchAnchors(editor: Editor, onChange: (anchored: Set<string>) => void): () => void {
  let key = "";
  const check = () => {
    const ids = anchoredThreadIds(editor.state.doc);
    const next = [...ids].sort().join(",");
    if (next === key) return;
    key = next;
    onChange(ids);
  };
  const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
    if (transaction.docChanged) check();
  };
  check();
  editor.on("transaction", onUpdate);
  return () => void editor.off("transaction", onUpdate);
}
