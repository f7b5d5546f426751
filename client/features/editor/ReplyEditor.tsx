/**
 * The reply editor: one Tiptap editor over the Y.XmlFragment of the synced Y.Doc, with the
 * template's node views, the structure guard, remote carets and the toolbar. Mount it only after
 * the provider has synced and the fragment holds the template (see EditorPage): the editor never
 * creates content on its own.
 */
import { useCallback, useEffect, useMemo, useRef } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import type { AwarenessUser } from "../../../shared/validation/api.js";
import { da } from "../../i18n/da.js";
import { buildEditorExtensions } from "./extensions.js";
import { FieldStore } from "./fieldStore.js";
import { ensureTextSelection, jumpToTarget, type JumpTarget } from "./focus.js";
import { ReplyContext, type ReplyContextValue } from "./ReplyContext.js";
import { moveFocusByTab } from "./tabOrder.js";
import { Toolbar, type ToolbarHandle } from "./Toolbar.js";

export interface ReplyEditorProps {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: AwarenessUser;
  regionId: string;
  editable: boolean;
  /** A local edit was refused because it would change the template structure. */
  onBlocked: () => void;
  /** The editor instance, for "jump to" from outside (null while none). */
  onEditor: (editor: Editor | null) => void;
}

export function ReplyEditor({ ydoc, provider, user, regionId, editable, onBlocked, onEditor }: ReplyEditorProps) {
  // Lives as long as the Y.Doc (its observer goes with ydoc.destroy() at the end of the session);
  // not torn down in an effect, which StrictMode would run once too often.
  const store = useMemo(() => new FieldStore(ydoc), [ydoc]);

  const toolbar = useRef<ToolbarHandle | null>(null);
  const callbacks = useRef({ onBlocked });
  callbacks.current.onBlocked = onBlocked;

  // Built once per document session; the callbacks go through refs so they can change freely.
  const extensions = useMemo(
    () =>
      buildEditorExtensions({
        ydoc,
        provider,
        user,
        onBlocked: () => callbacks.current.onBlocked(),
        onRequestLink: () => toolbar.current?.openLink(),
        onFocusToolbar: () => toolbar.current?.focus(),
      }),
    // `user` is fixed for a session; a new provider means a new editor anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ydoc, provider],
  );

  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      onCreate: ({ editor: created }) => ensureTextSelection(created),
      editorProps: {
        attributes: {
          id: "reply-editor",
          class: "reply-editor",
          "aria-label": da.editor.ariaLabel,
          spellcheck: "true",
          lang: "da",
        },
      },
    },
    [extensions],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  const jumpTo = useCallback((target: JumpTarget) => void jumpToTarget(target, editor), [editor]);
  const context = useMemo<ReplyContextValue>(() => ({ ydoc, store, editable, regionId, jumpTo }), [ydoc, store, editable, regionId, jumpTo]);

  return (
    <ReplyContext.Provider value={context}>
      {/* Tab from the text moves to the next field (focus.ts); the frame only listens, it is never focused. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className="reply-editor-frame"
        onKeyDown={(e) => {
          if (e.key !== "Tab" || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !editor) return;
          if (moveFocusByTab(editor, e.shiftKey)) e.preventDefault();
        }}
      >
        <Toolbar editor={editor} disabled={!editable} handleRef={toolbar} />
        <EditorContent editor={editor} className="reply-editor-host" />
      </div>
    </ReplyContext.Provider>
  );
}
