/**
 * Refuses local transactions that would change the template structure: the sequence of
 * replyItem / replyBlock / textField nodes and their ids. Only the server creates or removes
 * structural nodes (and refuses such updates with INVALID_CONTENT), so the client stops them
 * before they reach the Y.Doc. Remote changes (y-sync transactions, including collaborative
 * undo) always pass: the editor must mirror the shared document, whatever it holds.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState, type Selection, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { Node as PMNode } from "@tiptap/pm/model";
import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { STRUCTURAL_NODE_NAMES } from "../../../shared/schema/editor.js";

const STRUCTURAL: ReadonlySet<string> = new Set(STRUCTURAL_NODE_NAMES);

/** "replyItem:i1/replyBlock:i1.hjemmel/textField:i1.hjemmel.tekst/…" in document order. */
export function structuralSignature(doc: PMNode): string {
  const parts: string[] = [];
  const walk = (node: PMNode) => {
    node.forEach((child) => {
      if (!STRUCTURAL.has(child.type.name)) return;
      parts.push(`${child.type.name}:${String(child.attrs.id)}`);
      if (child.type.name !== "textField") walk(child); // text content below is free
    });
  };
  walk(doc);
  return parts.join("/");
}

/** True if the transaction may be applied. */
export function allowsTransaction(tr: Transaction): boolean {
  if (!tr.docChanged || isChangeOrigin(tr)) return true;
  return structuralSignature(tr.before) === structuralSignature(tr.doc);
}

/**
 * The selection of the whole text field holding the caret: Ctrl/Cmd+A in a form-like editor
 * selects the field one is writing in, never the whole reply (whose structure cannot be deleted).
 */
export function selectCurrentField(state: EditorState): Selection | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name !== "textField") continue;
    return TextSelection.between(state.doc.resolve($from.start(depth)), state.doc.resolve($from.end(depth)));
  }
  return null;
}

export interface StructureGuardOptions {
  /** Called when a local transaction was refused (to tell the user why nothing happened). */
  onBlocked: (() => void) | null;
  /** The short text shown beside the caret when a change was refused. */
  caretNotice: string;
  /** How long that text stays, in milliseconds. */
  caretNoticeMs: number;
}

const guardKey = new PluginKey<number | null>("structureGuard");

/** The refusal, drawn at the caret where it happened (screen readers hear the live region). */
function caretNoticeWidget(text: string): HTMLElement {
  const notice = document.createElement("span");
  notice.className = "caret-notice";
  notice.setAttribute("aria-hidden", "true");
  notice.textContent = text;
  return notice;
}

export const StructureGuard = Extension.create<StructureGuardOptions>({
  name: "structureGuard",

  addOptions() {
    return { onBlocked: null, caretNotice: "", caretNoticeMs: 5000 };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-a": ({ editor }) => {
        const selection = selectCurrentField(editor.state);
        if (!selection) return false;
        editor.view.dispatch(editor.state.tr.setSelection(selection));
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const { onBlocked, caretNotice, caretNoticeMs } = this.options;
    let guardView: EditorView | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const showNotice = (at: number | null) => {
      if (guardView && !guardView.isDestroyed) guardView.dispatch(guardView.state.tr.setMeta(guardKey, { at }));
    };
    return [
      new Plugin<number | null>({
        key: guardKey,
        state: {
          init: () => null,
          // The notice sits where the refused change was made, and goes when the caret moves or text changes.
          apply: (tr, shownAt) => {
            const meta = tr.getMeta(guardKey) as { at: number | null } | undefined;
            if (meta) return meta.at;
            return tr.docChanged || tr.selectionSet ? null : shownAt;
          },
        },
        props: {
          decorations: (state) => {
            const at = guardKey.getState(state);
            if (at === null || at === undefined || !caretNotice || at > state.doc.content.size) return null;
            return DecorationSet.create(state.doc, [Decoration.widget(at, () => caretNoticeWidget(caretNotice), { side: 1, key: "caret-notice" })]);
          },
        },
        filterTransaction: (tr, state) => {
          const ok = allowsTransaction(tr);
          if (!ok) {
            onBlocked?.();
            // Not from inside a dispatch: show the notice once the refused one is over.
            const at = state.selection.head;
            queueMicrotask(() => showNotice(at));
            clearTimeout(timer);
            timer = setTimeout(() => showNotice(null), caretNoticeMs);
          }
          return ok;
        },
        view: (view) => {
          guardView = view;
          return {
            destroy: () => {
              clearTimeout(timer);
              guardView = null;
            },
          };
        },
      }),
    ];
  },
});
