/**
 * Several real Tiptap editors (the ONE schema, the Collaboration extension and so the real Yjs
 * binding `@tiptap/y-tiptap`) in one process, each over its own Y.Doc, joined by a relay that
 * delivers each editor's updates to the others in order but only when the test says so. A test
 * decides exactly which changes a person has seen before they type, which is what makes
 * "typing in the same paragraph at the same time" reproducible without a browser.
 *
 * Needs a DOM: run the test file with `// @vitest-environment happy-dom`.
 */
import { COLLABORATION_SYNC_OPTIONS } from "../../client/features/editor/collaboration.js";
import * as Y from "yjs";
import { Editor } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { TextSelection } from "@tiptap/pm/state";
import type { Node as PMNode } from "@tiptap/pm/model";
import { YDOC_FRAGMENT, editorSchemaExtensions } from "../../shared/schema/editor.js";
import { createSeedUpdate } from "../../shared/template/seed.js";

/** Origin of updates the relay applies, so they are not relayed back. */
const RELAY = Symbol("relay");

export interface Peer {
  name: string;
  doc: Y.Doc;
  editor: Editor;
  /** Updates made by this peer that the others have not received yet, per receiver. */
  outbox: Map<Peer, Uint8Array[]>;
}

export interface EditorNetwork {
  peers: Peer[];
  /** Delivers up to `count` (default: all) queued updates from `from` to `to`, oldest first. */
  deliver(from: Peer, to: Peer, count?: number): number;
  /** Delivers everything everywhere until nothing is queued. */
  flush(): void;
  destroy(): void;
}

export function createEditorNetwork(names: string[], regionId = "nordjylland"): EditorNetwork {
  const seed = createSeedUpdate(regionId);
  const peers: Peer[] = names.map((name) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed, RELAY);
    const element = document.createElement("div");
    document.body.append(element);
    const editor = new Editor({
      element,
      extensions: [...editorSchemaExtensions(), Collaboration.configure({ document: doc, field: YDOC_FRAGMENT, ySyncOptions: COLLABORATION_SYNC_OPTIONS })],
    });
    return { name, doc, editor, outbox: new Map() };
  });
  for (const peer of peers) {
    for (const other of peers) if (other !== peer) peer.outbox.set(other, []);
    peer.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === RELAY) return;
      for (const queue of peer.outbox.values()) queue.push(update);
    });
  }
  const clock = (doc: Y.Doc, client: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0;
  const deliver = (from: Peer, to: Peer, count = Infinity, underWay = new Set<Peer>()): number => {
    // In causal order, as the relay server forwards: what `from` has built on from a third peer
    // reaches `to` first. (Out of causal order, `to` holds part of an update pending, and the
    // Yjs binding deletes an element it cannot build from the incomplete state: seed 139558213.)
    underWay.add(from);
    let moved = 0;
    for (const other of peers) {
      if (other === to || underWay.has(other) || other.outbox.get(to)!.length === 0) continue;
      if (clock(from.doc, other.doc.clientID) > clock(to.doc, other.doc.clientID)) moved += deliver(other, to, Infinity, underWay);
    }
    const queue = from.outbox.get(to)!;
    const taken = queue.splice(0, Math.min(count, queue.length));
    for (const update of taken) Y.applyUpdate(to.doc, update, RELAY);
    return moved + taken.length;
  };
  return {
    peers,
    deliver,
    flush() {
      let moved = 1;
      while (moved > 0) {
        moved = 0;
        for (const from of peers) for (const to of peers) if (from !== to) moved += deliver(from, to);
      }
    },
    destroy() {
      for (const peer of peers) {
        const element = peer.editor.options.element;
        peer.editor.destroy();
        peer.doc.destroy();
        if (element instanceof HTMLElement) element.remove();
      }
    },
  };
}

/** Position range [start, end] of the inline content of the n-th textblock inside a text field. */
export function textblockRange(doc: PMNode, fieldId: string, index = 0): { start: number; end: number } {
  let found: { start: number; end: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name !== "textField" || node.attrs.id !== fieldId) return true;
    let seen = 0;
    node.descendants((child, childPos) => {
      if (found) return false;
      if (!child.isTextblock) return true;
      if (seen++ === index) {
        const start = pos + 1 + childPos + 1;
        found = { start, end: start + child.content.size };
      }
      return false;
    });
    return false;
  });
  if (!found) throw new Error(`no textblock ${index} in ${fieldId}`);
  return found;
}

/** Puts the caret in a field's n-th textblock at `offset` (negative: from its end). */
export function placeCaret(peer: Peer, fieldId: string, offset: number, index = 0): void {
  const { start, end } = textblockRange(peer.editor.state.doc, fieldId, index);
  const pos = offset < 0 ? end + offset + 1 : start + offset;
  const { state } = peer.editor.view;
  peer.editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, Math.max(start, Math.min(end, pos)))));
}

/** Types text the way ProseMirror handles a key press: replace the selection with the character. */
export function typeText(peer: Peer, text: string): void {
  for (const ch of text) {
    const { state } = peer.editor.view;
    const { from, to } = state.selection;
    peer.editor.view.dispatch(state.tr.insertText(ch, from, to));
  }
}

/** The plain text of a field's textblocks, one line each. */
export function fieldLines(peer: Peer, fieldId: string): string[] {
  const lines: string[] = [];
  peer.editor.state.doc.descendants((node) => {
    if (node.type.name !== "textField") return true;
    if (node.attrs.id !== fieldId) return false;
    node.descendants((child) => {
      if (!child.isTextblock) return true;
      lines.push(child.textContent);
      return false;
    });
    return false;
  });
  return lines;
}
