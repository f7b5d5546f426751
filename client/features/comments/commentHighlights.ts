/**
 * The editor side of comment threads.
 *
 * The `comment` mark (shared/schema/editor.ts) only carries a thread id; what a reader sees is
 * drawn here as decorations, from what the thread store knows: open threads (and the one being
 * written) are highlighted with a background AND an underline (never colour alone), the thread
 * open in the panel is outlined, resolved threads are not highlighted unless open in the panel,
 * and marks of threads the server does not know (e.g. a draft abandoned elsewhere) stay invisible.
 *
 * Interaction: clicking a highlight opens its thread in the panel; Ctrl/Cmd+Alt+M comments the
 * selection, or, with the caret inside a highlight, opens that thread. When the editor is
 * read-only, highlights are focusable buttons: Tab reaches them, Enter or Space opens the thread.
 *
 * Only edits go through the editor: setting and removing the mark (never added to the user's
 * undo history, so undo never detaches a thread). A read-only editor sets them only for a
 * kommentator on a draft (ThreadStore.anchorOnly): the server lets a comment mark through from a
 * role that may comment, and nothing else.
 */
import { Extension, type Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { threadIdsOf, threadsAtCaret } from "./commentMarks.js";

/** id of the (visually hidden) text that describes a focusable highlight; rendered by the panel. */
export const HIGHLIGHT_HELP_ID = "comment-anchor-help";

/** What the editor asks of the comments feature (set by the thread store while it is bound). */
export interface CommentController {
  /** Comment the current selection (Ctrl/Cmd+Alt+M). */
  startDraft: () => void;
  /** Open a thread in the panel; `focus` moves the keyboard focus there. */
  open: (threadId: string, options: { focus: boolean }) => void;
}

export type HighlightStatus = "open" | "resolved" | "draft";

export interface HighlightInfo {
  statuses: ReadonlyMap<string, HighlightStatus>;
  /** The thread open in the panel. */
  active: string | null;
}

interface HighlightRange {
  from: number;
  to: number;
  ids: string[];
  className: string;
}

interface PluginState {
  info: HighlightInfo;
  ranges: HighlightRange[];
}

export const commentHighlightsKey = new PluginKey<PluginState>("commentHighlights");

export interface CommentHighlightsStorage {
  controller: CommentController | null;
}

declare module "@tiptap/core" {
  interface Storage {
    commentHighlights: CommentHighlightsStorage;
  }
}

const EMPTY_INFO: HighlightInfo = { statuses: new Map(), active: null };

function visible(info: HighlightInfo, id: string): boolean {
  const status = info.statuses.get(id);
  return status === "open" || status === "draft" || (status === "resolved" && info.active === id);
}

function computeRanges(doc: PMNode, info: HighlightInfo): HighlightRange[] {
  if (info.statuses.size === 0) return [];
  const ranges: HighlightRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const ids = threadIdsOf(node).filter((id) => visible(info, id));
    if (ids.length === 0) return false;
    const classes = ["comment-highlight"];
    if (ids.length > 1) classes.push("comment-highlight--overlap");
    if (ids.some((id) => info.statuses.get(id) === "draft")) classes.push("comment-highlight--draft");
    if (info.active !== null && ids.includes(info.active)) classes.push("comment-highlight--active");
    const className = classes.join(" ");
    const previous = ranges[ranges.length - 1];
    // Adjacent text nodes of the same threads (split by bold, links …) form one range.
    if (previous && previous.to === pos && previous.className === className && previous.ids.join(" ") === ids.join(" ")) previous.to = pos + node.nodeSize;
    else ranges.push({ from: pos, to: pos + node.nodeSize, ids, className });
    return false;
  });
  return ranges;
}

function buildDecorations(doc: PMNode, ranges: HighlightRange[], editable: boolean): DecorationSet {
  if (ranges.length === 0) return DecorationSet.empty;
  return DecorationSet.create(
    doc,
    ranges.map((r) =>
      Decoration.inline(
        r.from,
        r.to,
        editable
          ? { class: r.className, "data-comment-threads": r.ids.join(" ") }
          : { class: r.className, "data-comment-threads": r.ids.join(" "), tabindex: "0", role: "button", "aria-describedby": HIGHLIGHT_HELP_ID },
      ),
    ),
  );
}

/** Ctrl/Cmd+Alt+M, read from the physical key (Alt changes the character on many layouts). */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && (event.code === "KeyM" || event.key.toLowerCase() === "m");
}

/** The thread ids of the highlight a DOM event happened in (innermost wrapper), or []. */
function idsAtTarget(target: EventTarget | null, root: HTMLElement): string[] {
  const element = target instanceof Element ? target.closest("[data-comment-threads]") : null;
  if (!element || !root.contains(element)) return [];
  return (element.getAttribute("data-comment-threads") ?? "").split(" ").filter(Boolean);
}

/** Picks the next of several overlapping threads on repeated clicks. */
function pickThread(ids: string[], active: string | null): string | undefined {
  const at = active === null ? -1 : ids.indexOf(active);
  return ids[(at + 1) % ids.length];
}

export const CommentHighlights = Extension.create<Record<string, never>, CommentHighlightsStorage>({
  name: "commentHighlights",

  addStorage() {
    return { controller: null };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    const storage = this.storage;
    // The decorations depend on the ranges and on whether the editor is editable; built once per pair.
    let cache: { ranges: HighlightRange[]; editable: boolean; set: DecorationSet } | null = null;

    return [
      new Plugin<PluginState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({ info: EMPTY_INFO, ranges: computeRanges(state.doc, EMPTY_INFO) }),
          apply: (tr, previous, _oldState, newState) => {
            const info = (tr.getMeta(commentHighlightsKey) as HighlightInfo | undefined) ?? previous.info;
            if (info === previous.info && !tr.docChanged) return previous;
            return { info, ranges: computeRanges(newState.doc, info) };
          },
        },
        props: {
          decorations(state) {
            const { ranges } = commentHighlightsKey.getState(state) ?? { ranges: [] };
            const editable = editor.options.editable !== false;
            if (!cache || cache.ranges !== ranges || cache.editable !== editable)
              cache = { ranges, editable, set: buildDecorations(state.doc, ranges, editable) };
            return cache.set;
          },
          handleDOMEvents: {
            click: (view, event) => {
              const controller = storage.controller;
              if (!controller) return false;
              // The end of a drag that selected text is not a click on a highlight.
              if (view.editable && !(view.root as Document).getSelection?.()?.isCollapsed) return false;
              const ids = idsAtTarget(event.target, view.dom);
              const id = pickThread(ids, commentHighlightsKey.getState(view.state)?.info.active ?? null);
              if (id) controller.open(id, { focus: !view.editable });
              return false; // the click still places the caret
            },
            keydown: (view, event) => {
              const controller = storage.controller;
              if (!controller) return false;
              if (isCommentShortcut(event)) {
                event.preventDefault();
                if (!view.state.selection.empty) {
                  controller.startDraft();
                } else {
                  const known = commentHighlightsKey.getState(view.state)?.info.statuses ?? EMPTY_INFO.statuses;
                  const id = threadsAtCaret(view.state).find((t) => known.has(t));
                  if (id) controller.open(id, { focus: true });
                }
                return true;
              }
              if (!view.editable && (event.key === "Enter" || event.key === " ")) {
                const id = pickThread(idsAtTarget(event.target, view.dom), null);
                if (!id) return false;
                event.preventDefault();
                controller.open(id, { focus: true });
                return true;
              }
              return false;
            },
          },
        },
      }),
    ];
  },
});

/** Tells the editor which threads exist and which one is open (redraws the highlights). */
export function setHighlightInfo(editor: Editor, info: HighlightInfo): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, info).setMeta("addToHistory", false));
}
