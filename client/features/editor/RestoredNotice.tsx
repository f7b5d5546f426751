/**
 * When the coordinator restores a saved version, the text under everyone's carets is replaced:
 * a caret anchored to a character that is gone would land mid-sentence of the restored text, and
 * the next keys with it. So the caret moves to the end of the field it was in, and the page says
 * what happened (issue 14).
 */
import { useState } from "react";
import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { da } from "../../i18n/da.js";
import { useServerEvent, useWorkspace } from "../workspace/WorkspaceContext.js";

/** Puts the caret at the end of the text field holding it (nothing if it is in none). */
export function caretToEndOfField(editor: Editor): void {
  const { state } = editor;
  const { $head } = state.selection;
  for (let depth = $head.depth; depth > 0; depth--) {
    if ($head.node(depth).type.name !== "textField") continue;
    const end = TextSelection.near(state.doc.resolve($head.end(depth)), -1);
    editor.view.dispatch(state.tr.setSelection(end).setMeta("addToHistory", false));
    return;
  }
}

export function RestoredNotice() {
  const { editor } = useWorkspace();
  const [versionName, setVersionName] = useState<string | null>(null);
  useServerEvent((event) => {
    if (event.type !== "restored") return;
    if (editor && !editor.isDestroyed) caretToEndOfField(editor);
    setVersionName(event.versionName);
  });
  return (
    <div role="status" aria-live="polite" className="notice-region">
      {versionName !== null ? (
        <div className="banner banner--info">
          <p className="banner__text">{da.editor.restored(versionName)}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => setVersionName(null)}>
            {da.editor.restoredDismiss}
          </button>
        </div>
      ) : null}
    </div>
  );
}
