/**
 * The link form under the toolbar (Ctrl/Cmd+K): only http(s) and mailto addresses are accepted,
 * the same rule as the schema's Link extension (isSafeLinkHref). Escape closes it.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Editor } from "@tiptap/react";
import { isSafeLinkHref } from "../../../shared/schema/editor.js";
import { da } from "../../i18n/da.js";

export function LinkForm({ editor, initial, onClose }: { editor: Editor; initial: string; onClose: () => void }) {
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const value = href.trim();
    if (!isSafeLinkHref(value)) {
      setError(da.toolbar.linkInvalid);
      inputRef.current?.focus();
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive("link")) {
      // No text selected: insert the address itself as the link text.
      editor
        .chain()
        .focus()
        .insertContent({ type: "text", text: value, marks: [{ type: "link", attrs: { href: value } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    }
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  };

  return (
    // Escape closes the form from any of its fields.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="link-form"
      aria-label={da.toolbar.linkDialog}
      onSubmit={apply}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor="link-href" className="field__label">
        {da.toolbar.linkAddress}
      </label>
      <p id="link-help" className="field__help">
        {da.toolbar.linkHelp}
      </p>
      <input
        id="link-href"
        ref={inputRef}
        className="input"
        type="text"
        inputMode="url"
        autoComplete="url"
        value={href}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "link-help link-error" : "link-help"}
        onChange={(e) => {
          setHref(e.target.value);
          setError(null);
        }}
      />
      {error ? (
        <p id="link-error" className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="link-form__actions">
        <button type="submit" className="button">
          {da.toolbar.linkApply}
        </button>
        {initial ? (
          <button type="button" className="button button--secondary" onClick={remove}>
            {da.toolbar.linkRemove}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={close}>
          {da.toolbar.linkCancel}
        </button>
      </div>
    </form>
  );
}
