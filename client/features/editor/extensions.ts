/**
 * The editor's extension list: the ONE schema (shared/schema/editor.ts) with client-only node
 * views added by `.extend()` (which never changes the schema), plus collaboration, remote carets,
 * the structure guard, the comment highlights and a few view-only helpers.
 */
import { Extension, type AnyExtension } from "@tiptap/core";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { Focus, Placeholder } from "@tiptap/extensions";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { ReplyBlock, ReplyItem, TextField, YDOC_FRAGMENT, editorSchemaExtensions } from "../../../shared/schema/editor.js";
import type { AwarenessUser } from "../../../shared/validation/api.js";
import { da } from "../../i18n/da.js";
import { CommentHighlights } from "../comments/commentHighlights.js";
import { BlockView, ItemView, TextFieldView, rerenderOnIdChange } from "./nodeViews.js";
import { StructureGuard } from "./structureGuard.js";
import { COLLABORATION_SYNC_OPTIONS } from "./collaboration.js";

const ReplyItemView = ReplyItem.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ItemView, { update: rerenderOnIdChange });
  },
});

const ReplyBlockView = ReplyBlock.extend({
  addNodeView() {
    return ReactNodeViewRenderer(BlockView, { update: rerenderOnIdChange });
  },
});

const TextFieldNodeView = TextField.extend({
  addNodeView() {
    // Re-renders when its own content changes (the word count), never for other fields.
    return ReactNodeViewRenderer(TextFieldView);
  },
});

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** A remote caret: a coloured bar plus a label with the name and organisation (never colour alone). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const colour = typeof user.color === "string" && HEX_COLOUR.test(user.color) ? user.color : "#444444";
  const name = typeof user.name === "string" ? user.name : "";
  const organisation = typeof user.organisation === "string" ? user.organisation : "";
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = colour;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = colour;
  label.textContent = organisation ? `${name} (${organisation})` : name;
  caret.append(label);
  return caret;
}

export interface EditorShortcutOptions {
  onRequestLink: () => void;
  onFocusToolbar: () => void;
}

/** Ctrl/Cmd+K opens the link form; Alt+F10 moves focus to the toolbar (a common convention). */
const EditorShortcuts = Extension.create<EditorShortcutOptions>({
  name: "regionssvarShortcuts",
  addOptions() {
    return { onRequestLink: () => {}, onFocusToolbar: () => {} };
  },
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.options.onRequestLink();
        return true;
      },
      "Alt-F10": () => {
        this.options.onFocusToolbar();
        return true;
      },
    };
  },
});

export interface EditorExtensionOptions extends EditorShortcutOptions {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
  onBlocked: () => void;
}

export function buildEditorExtensions(options: EditorExtensionOptions): AnyExtension[] {
  const schema = editorSchemaExtensions().map((ext): AnyExtension => {
    switch (ext.name) {
      case ReplyItem.name:
        return ReplyItemView;
      case ReplyBlock.name:
        return ReplyBlockView;
      case TextField.name:
        return TextFieldNodeView;
      default:
        return ext;
    }
  });
  return [
    ...schema,
    Collaboration.configure({ document: options.ydoc, field: YDOC_FRAGMENT, ySyncOptions: COLLABORATION_SYNC_OPTIONS }),
    CollaborationCaret.configure({ provider: options.provider, user: { ...options.user }, render: renderCaret }),
    StructureGuard.configure({ onBlocked: options.onBlocked, caretNotice: da.editor.structureBlockedShort }),
    // Marks the text field holding the caret (class has-focus), since focus sits on the editor root.
    Focus.configure({ className: "has-focus", mode: "all" }),
    Placeholder.configure({ placeholder: da.editor.placeholder, includeChildren: true, showOnlyCurrent: true }),
    EditorShortcuts.configure({ onRequestLink: options.onRequestLink, onFocusToolbar: options.onFocusToolbar }),
    // Comment threads: highlights of the `comment` mark (background and underline, outlined when
    // open in the panel), click / Enter opens the thread, Ctrl/Cmd+Alt+M comments the selection.
    CommentHighlights,
  ];
}
