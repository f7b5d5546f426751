/**
 * The comment mark in the text: where a new comment may anchor, setting and removing the mark,
 * finding a thread's text, and a read-only editor following the browser's selection.
 */
import { type Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { TextSelection, type EditorState } from "@tiptap/pm/state";

/** Longest quote the server stores. */
export const MAX_QUOTE = 2000;

export function threadIdsOf(node: PMNode): string[] {
  const ids: string[] = [];
  for (const mark of node.marks) {
    if (mark.type.name === "comment" && typeof mark.attrs.threadId === "string") ids.push(mark.attrs.threadId);
  }
  return ids;
}

export interface CommentTarget {
  from: number;
  to: number;
  /** The selected text, as the thread's quote. */
  quote: string;
  /** id of the enclosing replyBlock. */
  blockId: string | null;
}

/** The selection as the anchor of a new thread: non-empty text inside one text field, or null. */
export function commentTarget(state: EditorState): CommentTarget | null {
  const { selection, doc } = state;
  if (selection.empty || !(selection instanceof TextSelection)) return null;
  const { $from, $to } = selection;
  let fieldDepth = -1;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type.name === "textField") {
      fieldDepth = d;
      break;
    }
  }
  if (fieldDepth < 0 || $to.depth < fieldDepth || $to.node(fieldDepth) !== $from.node(fieldDepth) || $to.before(fieldDepth) !== $from.before(fieldDepth))
    return null;
  const text = doc.textBetween($from.pos, $to.pos, " ", " ").replace(/\s+/g, " ").trim();
  if (text.length === 0) return null;
  let blockId: string | null = null;
  for (let d = fieldDepth - 1; d > 0; d--) {
    const node = $from.node(d);
    if (node.type.name === "replyBlock") {
      blockId = typeof node.attrs.id === "string" ? node.attrs.id : null;
      break;
    }
  }
  const quote = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
  return { from: $from.pos, to: $to.pos, quote, blockId };
}

/**
 * Sets the comment mark of `threadId` on the selection (a collaborative edit, not undoable).
 * `anchorOnly`: the editor is read-only, but this person may anchor comments (a kommentator).
 */
export function applyCommentMark(editor: Editor, threadId: string, anchorOnly = false): boolean {
  if (!(editor.isEditable || anchorOnly) || editor.isDestroyed) return false;
  return editor.chain().setMark("comment", { threadId }).setMeta("addToHistory", false).run();
}

/** Removes every piece of the comment mark of `threadId` (e.g. a cancelled draft). */
export function removeCommentMark(editor: Editor, threadId: string, anchorOnly = false): void {
  if (!(editor.isEditable || anchorOnly) || editor.isDestroyed) return;
  const { state } = editor;
  const tr = state.tr;
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name === "comment" && mark.attrs.threadId === threadId) tr.removeMark(pos, pos + node.nodeSize, mark);
    }
    return false;
  });
  if (tr.steps.length > 0) editor.view.dispatch(tr.setMeta("addToHistory", false));
}

/** Where the thread's text is now (first to last marked character), or null when it is gone. */
export function findThreadRange(doc: PMNode, threadId: string): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    if (threadIdsOf(node).includes(threadId)) {
      if (from < 0) from = pos;
      to = pos + node.nodeSize;
    }
    return false;
  });
  return from < 0 ? null : { from, to };
}

/** Threads whose text touches the caret (the character after it first). */
export function threadsAtCaret(state: EditorState): string[] {
  const $head = state.selection.$head;
  const ids = new Set<string>();
  for (const node of [$head.nodeAfter, $head.nodeBefore]) if (node) for (const id of threadIdsOf(node)) ids.add(id);
  return [...ids];
}

/**
 * A read-only ProseMirror view does not follow the browser's selection (it is not focusable). For
 * someone who may anchor comments there (a kommentator), mirror the DOM selection into the editor
 * state, so "Kommentér" sees what was selected. Returns the cleanup.
 */
export function followDomSelection(editor: Editor): () => void {
  const onChange = () => {
    if (editor.isDestroyed || editor.isEditable) return;
    const selection = editor.view.dom.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!editor.view.dom.contains(range.startContainer) || !editor.view.dom.contains(range.endContainer)) return;
    try {
      const from = editor.view.posAtDOM(range.startContainer, range.startOffset);
      const to = editor.view.posAtDOM(range.endContainer, range.endOffset);
      const { state } = editor;
      if (state.selection.from === from && state.selection.to === to) return;
      editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    } catch {
      // A position inside a node view the DOM cannot map: leave the selection as it was.
    }
  };
  const doc = editor.view.dom.ownerDocument;
  doc.addEventListener("selectionchange", onChange);
  return () => doc.removeEventListener("selectionchange", onChange);
}
