/**
 * Tab order through the reply. The whole reply is one contenteditable, so the browser's own Tab
 * would jump from the caret to the first form control of the document and could never stop in
 * a text field. Instead, the stops are every tabbable control plus every text field's content,
 * in document order; Tab and Shift+Tab move to the next or previous stop. Lists and tables keep
 * their own Tab (indent, next cell): ProseMirror handles those first and prevents the default.
 */
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";

const TABBABLE = [
  "a[href]",
  "button:not([disabled])",
  "input:not([disabled]):not([type=hidden])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "[tabindex]:not([tabindex='-1'])",
].join(", ");
const TEXT_CONTENT = ".text-field__content";

function isVisible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

/** Every stop in document order; a radio group is one stop (its checked or else first radio). */
function stops(editor: Editor): HTMLElement[] {
  const root = editor.view.dom;
  const all = Array.from(document.querySelectorAll<HTMLElement>(`${TABBABLE}, ${TEXT_CONTENT}`));
  return all.filter((el) => {
    if (el === root || !isVisible(el)) return false;
    if (el.matches(TEXT_CONTENT)) return editor.isEditable;
    // Inside the reply only the chrome's controls are stops, never links inside the user's text.
    if (root.contains(el) && !el.closest("[data-chrome]")) return false;
    if (el.getAttribute("tabindex") === "-1") return false;
    if (el instanceof HTMLInputElement && el.type === "radio" && el.name) {
      const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]:not([disabled])`));
      return el === (group.find((r) => r.checked) ?? group[0]);
    }
    return true;
  });
}

/** The content element of the text field holding the editor's selection. */
function currentTextContent(editor: Editor): HTMLElement | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name !== "textField") continue;
    const dom = editor.view.nodeDOM($from.before(depth));
    return dom instanceof HTMLElement ? dom.querySelector<HTMLElement>(TEXT_CONTENT) : null;
  }
  return null;
}

function focusTextContent(editor: Editor, content: HTMLElement, backwards: boolean): boolean {
  const field = content.closest<HTMLElement>("[data-text-field]");
  const id = field?.getAttribute("data-field");
  if (!id) return false;
  let found: { pos: number; size: number } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name !== "textField") return true;
    if (node.attrs.id === id) found = { pos, size: node.nodeSize };
    return false;
  });
  if (!found) return false;
  const { pos, size } = found as { pos: number; size: number };
  const doc = editor.state.doc;
  const selection = backwards ? TextSelection.near(doc.resolve(pos + size - 1), -1) : TextSelection.near(doc.resolve(pos + 1), 1);
  editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView());
  editor.view.focus();
  return true;
}

/** Handles Tab / Shift+Tab inside the editor frame; true if focus was moved. */
export function moveFocusByTab(editor: Editor, backwards: boolean): boolean {
  const active = document.activeElement;
  const from = active === editor.view.dom ? currentTextContent(editor) : active instanceof HTMLElement ? active : null;
  if (!from) return false;
  const list = stops(editor);
  let index = list.indexOf(from);
  if (index < 0 && from instanceof HTMLInputElement && from.type === "radio") {
    // A radio that is not its group's representative: use the representative's place.
    index = list.findIndex((el) => el instanceof HTMLInputElement && el.type === "radio" && el.name === from.name);
  }
  if (index < 0) {
    // Inside the reply but not on a stop (a heading or block jumped to): go on from its place in
    // the document (its own controls count as after it).
    if (!editor.view.dom.contains(from)) return false;
    const after = list.findIndex((el) => (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
    const next = backwards ? list[(after < 0 ? list.length : after) - 1] : after < 0 ? undefined : list[after];
    return next ? moveTo(editor, next, backwards) : false;
  }
  const next = list[index + (backwards ? -1 : 1)];
  if (!next) return false;
  return moveTo(editor, next, backwards);
}

function moveTo(editor: Editor, next: HTMLElement, backwards: boolean): boolean {
  if (next.matches(TEXT_CONTENT)) return focusTextContent(editor, next, backwards);
  next.focus();
  return true;
}
