/**
 * "Jump to" a field or block of the reply: scroll it into view and put the keyboard focus on it.
 * A rich-text field gets the editor caret at its start; a typed field focuses its first control;
 * anything else (a disabled widget, a block) becomes focusable just for this.
 */
import type { Editor } from "@tiptap/core";
import { Selection, TextSelection } from "@tiptap/pm/state";

export interface JumpTarget {
  fieldId?: string;
  blockId: string;
}

/** Position of the textField node with this id, or -1. */
export function textFieldPosition(editor: Editor, id: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === "textField") {
      if (node.attrs.id === id) found = pos;
      return false; // no textField inside a textField
    }
    return true;
  });
  return found;
}

function focusTextField(editor: Editor, id: string): boolean {
  if (!editor.isEditable) return false;
  const pos = textFieldPosition(editor, id);
  if (pos < 0) return false;
  const selection = TextSelection.near(editor.state.doc.resolve(pos + 1));
  editor.view.dispatch(editor.state.tr.setSelection(selection));
  editor.view.focus();
  return true;
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function findTargetElement(target: JumpTarget): HTMLElement | null {
  const byField = target.fieldId ? document.querySelector<HTMLElement>(`[data-field="${CSS.escape(target.fieldId)}"]`) : null;
  return byField ?? document.querySelector<HTMLElement>(`[data-block="${CSS.escape(target.blockId)}"]`);
}

export function jumpToTarget(target: JumpTarget, editor: Editor | null): boolean {
  const element = findTargetElement(target);
  if (!element) return false;
  element.scrollIntoView({ block: "center", behavior: prefersReducedMotion() ? "auto" : "smooth" });

  if (element.hasAttribute("data-text-field") && editor && target.fieldId && focusTextField(editor, target.fieldId)) return true;

  // A typed field: its first enabled control. A block or a read-only text field: the element itself.
  const isTypedField = element.hasAttribute("data-field") && !element.hasAttribute("data-text-field");
  const control = isTypedField
    ? element.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])")
    : null;
  if (control) {
    control.focus({ preventScroll: true });
    return true;
  }
  if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: true });
  return true;
}

/**
 * "Jump to" an item of the template (the outline): scroll to it and focus its heading, which is
 * made focusable for this (tabindex -1, so it never becomes a Tab stop of its own).
 */
export function jumpToItem(itemId: string): boolean {
  const item = document.querySelector<HTMLElement>(`[data-item="${CSS.escape(itemId)}"]`);
  const heading = item?.querySelector<HTMLElement>(".reply-item__heading") ?? item;
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.scrollIntoView({ block: "start", behavior: prefersReducedMotion() ? "auto" : "smooth" });
  heading.focus({ preventScroll: true });
  return true;
}

/**
 * The first render from Yjs can leave the selection on structural nodes (between items), where
 * the browser cannot show a caret and the first click is lost. Put it at the first text position.
 */
export function ensureTextSelection(editor: Editor): void {
  const { selection, doc } = editor.state;
  if (selection.$from.parent.inlineContent && selection.$to.parent.inlineContent) return;
  editor.view.dispatch(editor.state.tr.setSelection(Selection.atStart(doc)).setMeta("addToHistory", false));
}
