/** Saving a named version of the reply (the coordinator), and the word comparison of two versions. */
import { useId, useRef, useState } from "react";
import { api, type VersionCompareResponse } from "../../api.js";
import { wf } from "../../i18n/workflow.js";
import { useWorkspace } from "../workspace/WorkspaceContext.js";
import "./history.css";
import { errorMessage } from "../../ui/errors.js";
import { check } from "../../ui/validate.js";
import { VersionBody } from "../../../shared/validation/workflow.js";

const checkName = (value: string) => check(VersionBody.shape.name, value);

export function SaveVersion({ onSaved }: { onSaved: (name: string) => void }) {
  const { document } = useWorkspace();
  const [name, setName] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  return (
    <form
      className="history__save wf-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const checked = checkName(name);
        if (!checked.ok) {
          setInvalid(checked.errors[""] ?? null);
          input.current?.focus();
          return;
        }
        const trimmed = checked.data;
        setBusy(true);
        setError(null);
        try {
          await api.createVersion(document.id, trimmed);
          setName("");
          onSaved(trimmed);
        } catch (err) {
          setError(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`} className="field__label">
          {wf.history.name} <span className="field__optional">{wf.common.required}</span>
        </label>
        <p className="field__help" id={`${id}-help`}>
          {wf.history.nameHelp}
        </p>
        <input
          ref={input}
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={200}
          required
          aria-required="true"
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`${id}-help${invalid ? ` ${id}-error` : ""}`}
          onChange={(e) => {
            setName(e.target.value);
            if (invalid && checkName(e.target.value).ok) setInvalid(null);
          }}
        />
        {invalid ? (
          <p className="field__error" id={`${id}-error`}>
            {invalid}
          </p>
        ) : null}
      </div>
      {error ? (
        <p className="ui-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--small" disabled={busy}>
        {wf.history.save}
      </button>
    </form>
  );
}

export function Comparison({ diff }: { diff: VersionCompareResponse }) {
  if (diff.changes.length === 0) return <p>{wf.history.noChanges}</p>;
  return (
    <div className="history__diff">
      <p className="wf-small">{wf.history.changedFields(diff.changes.length)}</p>
      <p className="wf-small muted">{wf.history.compareLegend}</p>
      {diff.changes.map((change) => (
        <section key={change.id} className="history__change" aria-label={change.label}>
          <h3 className="history__change-label">{change.label}</h3>
          <p className="history__parts">
            {change.parts.map((part, i) =>
              part.added ? (
                <ins key={i} className="diff-ins">
                  <span className="diff-tag">{wf.history.added}</span>
                  {part.value}
                </ins>
              ) : part.removed ? (
                <del key={i} className="diff-del">
                  <span className="diff-tag">{wf.history.removed}</span>
                  {part.value}
                </del>
              ) : (
                <span key={i}>{part.value}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
