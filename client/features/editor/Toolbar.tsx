/**
 * The formatting toolbar (WAI-ARIA toolbar pattern: one tab stop, arrow keys move between
 * buttons). Every button has a Danish name and, where Tiptap has one, its keyboard shortcut.
 * Undo/redo are the collaboration undo: they only undo the user's own changes. "Kommentér"
 * (Ctrl/Cmd+Alt+M) starts a comment thread on the selected text (client/features/comments).
 */
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { da } from "../../i18n/da.js";
import { cm } from "../../i18n/comments.js";
import { commentTarget, followDomSelection } from "../comments/commentMarks.js";
import { useThreadStore, useThreadsState } from "../comments/threadHooks.js";
import { LinkForm } from "./LinkForm.js";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "Meta" : "Control";
const MOD_LABEL = isMac ? "⌘" : "Ctrl";

interface ToolState {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  heading: boolean;
  link: boolean;
  linkHref: string;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** The selection is text inside one field (a comment can be anchored to it). */
  commentable: boolean;
}

const EMPTY: ToolState = {
  bold: false,
  italic: false,
  bulletList: false,
  orderedList: false,
  heading: false,
  link: false,
  linkHref: "",
  inTable: false,
  canUndo: false,
  canRedo: false,
  commentable: false,
};

/** A toolbar button; its visible Danish text is (the start of) its accessible name. */
function ToolButton(props: {
  label: string;
  /** A longer accessible name that starts with the visible label. */
  name?: string;
  shortcut?: { aria: string; hint: string };
  pressed?: boolean;
  disabled: boolean;
  onRun: () => void;
  variant?: string;
}) {
  const { label, name, shortcut, pressed, disabled, onRun, variant } = props;
  return (
    <button
      type="button"
      className={`toolbar__button${variant ? ` toolbar__button--${variant}` : ""}`}
      aria-label={name}
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-keyshortcuts={shortcut?.aria}
      title={shortcut ? `${name ?? label} (${shortcut.hint})` : (name ?? label)}
      disabled={disabled}
      // Keep the editor's selection: the command runs on it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onRun}
    >
      {label}
    </button>
  );
}

const sc = (keys: string, hint: string) => ({ aria: keys, hint });

export interface ToolbarHandle {
  openLink: () => void;
  focus: () => void;
}

export function Toolbar({ editor, disabled, handleRef }: { editor: Editor | null; disabled: boolean; handleRef: RefObject<ToolbarHandle | null> }) {
  const state =
    useEditorState({
      editor,
      selector: ({ editor: e }): ToolState => {
        if (!e) return EMPTY;
        return {
          bold: e.isActive("bold"),
          italic: e.isActive("italic"),
          bulletList: e.isActive("bulletList"),
          orderedList: e.isActive("orderedList"),
          heading: e.isActive("heading", { level: 4 }),
          link: e.isActive("link"),
          linkHref: typeof e.getAttributes("link").href === "string" ? (e.getAttributes("link").href as string) : "",
          inTable: e.isActive("table"),
          canUndo: e.can().undo(),
          canRedo: e.can().redo(),
          commentable: commentTarget(e.state) !== null,
        };
      },
    }) ?? EMPTY;
  const threadStore = useThreadStore();
  const { canComment } = useThreadsState(threadStore);
  const anchorOnly = threadStore?.anchorOnly ?? false;
  // Read-only but may anchor comments: let the editor see the browser's selection.
  useEffect(() => (editor && anchorOnly ? followDomSelection(editor) : undefined), [editor, anchorOnly]);
  const [linkOpen, setLinkOpen] = useState(false);
  const barRef = useRef<HTMLDivElement>(null);
  const off = disabled || !editor;

  const buttons = () => Array.from(barRef.current?.querySelectorAll<HTMLButtonElement>("button.toolbar__button:not([disabled])") ?? []);

  // Roving tabindex: exactly one enabled button is in the tab order (kept after re-renders).
  useEffect(() => {
    const all = Array.from(barRef.current?.querySelectorAll<HTMLButtonElement>("button.toolbar__button") ?? []);
    const enabled = all.filter((b) => !b.disabled);
    const current = enabled.find((b) => b.getAttribute("tabindex") === "0") ?? enabled[0];
    for (const b of all) b.setAttribute("tabindex", b === current ? "0" : "-1");
  });

  const focusButton = (target: HTMLButtonElement | undefined) => {
    if (!target) return;
    for (const b of buttons()) b.setAttribute("tabindex", b === target ? "0" : "-1");
    target.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = buttons();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next: HTMLButtonElement | undefined;
    if (e.key === "ArrowRight") next = list[(index + 1) % list.length];
    else if (e.key === "ArrowLeft") next = list[(index - 1 + list.length) % list.length];
    else if (e.key === "Home") next = list[0];
    else if (e.key === "End") next = list[list.length - 1];
    else if (e.key === "Escape") {
      e.preventDefault();
      editor?.commands.focus();
      return;
    } else return;
    e.preventDefault();
    focusButton(next);
  };

  handleRef.current = {
    openLink: () => {
      if (!off) setLinkOpen(true);
    },
    focus: () => focusButton(buttons().find((b) => b.tabIndex === 0) ?? buttons()[0]),
  };

  const run = (command: (e: Editor) => void) => () => {
    if (editor && !off) command(editor);
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label={da.toolbar.label} aria-controls="reply-editor" ref={barRef} onKeyDown={onKeyDown}>
        <div className="toolbar__group">
          <ToolButton
            label={da.toolbar.bold}
            variant="bold"
            shortcut={sc(`${MOD}+B`, `${MOD_LABEL}+B`)}
            pressed={state.bold}
            disabled={off}
            onRun={run((e) => e.chain().focus().toggleBold().run())}
          />
          <ToolButton
            label={da.toolbar.italic}
            variant="italic"
            shortcut={sc(`${MOD}+I`, `${MOD_LABEL}+I`)}
            pressed={state.italic}
            disabled={off}
            onRun={run((e) => e.chain().focus().toggleItalic().run())}
          />
          <ToolButton
            label={da.toolbar.heading}
            shortcut={sc(`${MOD}+Alt+4`, `${MOD_LABEL}+Alt+4`)}
            pressed={state.heading}
            disabled={off}
            onRun={run((e) => e.chain().focus().toggleHeading({ level: 4 }).run())}
          />
        </div>
        <div className="toolbar__group">
          <ToolButton
            label={da.toolbar.bulletList}
            shortcut={sc(`${MOD}+Shift+8`, `${MOD_LABEL}+Shift+8`)}
            pressed={state.bulletList}
            disabled={off}
            onRun={run((e) => e.chain().focus().toggleBulletList().run())}
          />
          <ToolButton
            label={da.toolbar.orderedList}
            shortcut={sc(`${MOD}+Shift+7`, `${MOD_LABEL}+Shift+7`)}
            pressed={state.orderedList}
            disabled={off}
            onRun={run((e) => e.chain().focus().toggleOrderedList().run())}
          />
        </div>
        <div className="toolbar__group">
          <ToolButton
            label={da.toolbar.link}
            shortcut={sc(`${MOD}+K`, `${MOD_LABEL}+K`)}
            pressed={state.link}
            disabled={off}
            onRun={() => setLinkOpen((open) => !open)}
          />
          <ToolButton
            label={da.toolbar.table}
            disabled={off || state.inTable}
            onRun={run((e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
          />
        </div>
        <div className="toolbar__group">
          <ToolButton
            label={cm.toolbar.comment}
            name={cm.toolbar.commentName}
            shortcut={sc(`${MOD}+Alt+M`, `${MOD_LABEL}+Alt+M`)}
            disabled={(off && !anchorOnly) || !editor || !canComment || !state.commentable}
            onRun={() => {
              // Not through run(): a kommentator's read-only toolbar is "off", yet may anchor a comment.
              if (editor && (!off || anchorOnly)) threadStore?.startDraft(editor);
            }}
          />
        </div>
        <div className="toolbar__group">
          <ToolButton
            label={da.toolbar.undo}
            shortcut={sc(`${MOD}+Z`, `${MOD_LABEL}+Z`)}
            disabled={off || !state.canUndo}
            onRun={run((e) => e.chain().focus().undo().run())}
          />
          <ToolButton
            label={da.toolbar.redo}
            shortcut={sc(`${MOD}+Shift+Z ${MOD}+Y`, `${MOD_LABEL}+Shift+Z`)}
            disabled={off || !state.canRedo}
            onRun={run((e) => e.chain().focus().redo().run())}
          />
        </div>
        {state.inTable ? (
          <div className="toolbar__group toolbar__group--table" role="group" aria-label={da.toolbar.tableGroup}>
            <ToolButton label={da.toolbar.addRow} name={da.toolbar.addRowName} disabled={off} onRun={run((e) => e.chain().focus().addRowAfter().run())} />
            <ToolButton
              label={da.toolbar.addColumn}
              name={da.toolbar.addColumnName}
              disabled={off}
              onRun={run((e) => e.chain().focus().addColumnAfter().run())}
            />
            <ToolButton label={da.toolbar.deleteRow} name={da.toolbar.deleteRowName} disabled={off} onRun={run((e) => e.chain().focus().deleteRow().run())} />
            <ToolButton
              label={da.toolbar.deleteColumn}
              name={da.toolbar.deleteColumnName}
              disabled={off}
              onRun={run((e) => e.chain().focus().deleteColumn().run())}
            />
            <ToolButton label={da.toolbar.deleteTable} disabled={off} onRun={run((e) => e.chain().focus().deleteTable().run())} />
          </div>
        ) : null}
      </div>
      {linkOpen && editor && !off ? <LinkForm editor={editor} initial={state.linkHref} onClose={() => setLinkOpen(false)} /> : null}
    </div>
  );
}
