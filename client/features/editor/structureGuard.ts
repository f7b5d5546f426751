/**
 * Refuses local transactions that would change the template structure: the sequence of
 * replyItem / replyBlock / textField nodes and their ids. Only the server creates or removes
 * structural nodes (and refuses such updates with INVALID_CONTENT), so the client stops them
 * before they reach the Y.Doc. Remote changes (y-sync transactions, including collaborative
 * undo) always pass: the editor must mirror the shared document, whatever it holds.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
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

export interface StructureGuardOptions {
  /** Called when a local transaction was refused (to tell the user why nothing happened). */
  onBlocked: (() => void) | null;
}

export const StructureGuard = Extension.create<StructureGuardOptions>({
  name: "structureGuard",

  addOptions() {
    return { onBlocked: null };
  },

  addProseMirrorPlugins() {
    const onBlocked = this.options.onBlocked;
    return [
      new Plugin({
        key: new PluginKey("structureGuard"),
        filterTransaction: (tr) => {
          const ok = allowsTransaction(tr);
          if (!ok) onBlocked?.();
          return ok;
        },
      }),
    ];
  },
});
