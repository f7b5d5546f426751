/**
 * One typed field of the template (FieldDef), bound live to the Y.Map `fields`: the widget
 * shows the stored value (local or remote) and writes through the helpers of
 * shared/content/fields.ts. Every field's wrapper carries `data-field` for "jump to".
 */
import type { ReactNode } from "react";
import { setScalarField } from "../../../../shared/content/fields.js";
import type { FieldDef } from "../../../../shared/template/types.js";
import { da } from "../../../i18n/da.js";
import { asBoolean, asString, useFieldValue } from "../fieldStore.js";
import { useParticipatingRegions, useReply } from "../ReplyContext.js";
import { DerivedField } from "./DerivedField.js";
import { FieldLabelText } from "./FieldLabel.js";
import { DraftInput, KommuneSelect, LineInput, RegionSelect, fieldDomId, joinIds, type ScalarValue } from "./inputs.js";
import { RowsField } from "./RowsField.js";
import { SetField } from "./SetField.js";

function Help({ def }: { def: FieldDef }) {
  return def.help ? (
    <p id={fieldDomId(def.key, "help")} className="field__help">
      {def.help}
    </p>
  ) : null;
}

/** Label above one input. */
function LabelledField({ def, children }: { def: FieldDef; children: ReactNode }) {
  return (
    <div className="field" data-field={def.key}>
      <label className="field__label" htmlFor={fieldDomId(def.key)}>
        <FieldLabelText def={def} />
      </label>
      <Help def={def} />
      {children}
    </div>
  );
}

function useScalar(def: FieldDef) {
  const { ydoc, store, editable } = useReply();
  const value = useFieldValue(store, def.key);
  const commit = (next: ScalarValue) => setScalarField(ydoc, def.key, next);
  const describedBy = def.help ? fieldDomId(def.key, "help") : undefined;
  return { value, commit, disabled: !editable, describedBy };
}

function ScalarField({ def }: { def: FieldDef }) {
  const { value, commit, disabled, describedBy } = useScalar(def);
  const regions = useParticipatingRegions();
  const id = fieldDomId(def.key);
  let input: ReactNode;
  switch (def.type) {
    case "line":
      input = <LineInput id={id} value={value} disabled={disabled} onCommit={commit} describedBy={describedBy} />;
      break;
    case "int":
    case "number":
    case "monthYear":
    case "date":
      input = <DraftInput type={def.type} id={id} value={value} disabled={disabled} onCommit={commit} describedBy={describedBy} />;
      break;
    case "region":
      input = <RegionSelect id={id} value={value} disabled={disabled} onCommit={commit} describedBy={describedBy} />;
      break;
    case "kommune":
      input = <KommuneSelect id={id} value={value} disabled={disabled} onCommit={commit} describedBy={describedBy} regionOrder={regions} />;
      break;
    default:
      input = null;
  }
  return <LabelledField def={def}>{input}</LabelledField>;
}

/** A choice as a radio group; optional or already chosen choices can be cleared. */
function ChoiceField({ def }: { def: FieldDef }) {
  const { value, commit, disabled, describedBy } = useScalar(def);
  const current = asString(value);
  const name = fieldDomId(def.key);
  return (
    <fieldset className="field field--group" data-field={def.key} aria-describedby={describedBy}>
      <legend className="field__label">
        <FieldLabelText def={def} />
      </legend>
      <Help def={def} />
      <div className="choices">
        {(def.options ?? []).map((option, i) => {
          const id = i === 0 ? name : `${name}-${i}`;
          return (
            <div className="choice" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={current === option.value}
                disabled={disabled}
                onChange={() => commit(option.value)}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      {current !== null && !disabled ? (
        <button type="button" className="button button--link" onClick={() => commit(null)} aria-label={`${da.fields.clearChoice}: ${def.label}`}>
          {da.fields.clearChoice}
        </button>
      ) : null}
    </fieldset>
  );
}

function CheckField({ def }: { def: FieldDef }) {
  const { value, commit, disabled, describedBy } = useScalar(def);
  const id = fieldDomId(def.key);
  return (
    <div className="field field--check" data-field={def.key}>
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          checked={asBoolean(value)}
          disabled={disabled}
          aria-describedby={joinIds(describedBy)}
          onChange={(e) => commit(e.target.checked)}
        />
        <label htmlFor={id}>
          <FieldLabelText def={def} />
        </label>
      </div>
      <Help def={def} />
    </div>
  );
}

export function FieldWidget({ def }: { def: FieldDef }) {
  switch (def.type) {
    case "fixed":
    case "derived":
      return <DerivedField def={def} />;
    case "choice":
      return <ChoiceField def={def} />;
    case "check":
      return <CheckField def={def} />;
    case "multi":
    case "region[]":
    case "kommune[]":
      return <SetField def={def} />;
    case "rows":
      return <RowsField def={def} />;
    case "line":
    case "int":
    case "number":
    case "monthYear":
    case "date":
    case "region":
    case "kommune":
      return <ScalarField def={def} />;
  }
}

/** The typed fields of a block or text field, in template order. */
export function FieldList({ fields }: { fields: readonly FieldDef[] }) {
  if (fields.length === 0) return null;
  return (
    <div className="fields">
      {fields.map((def) => (
        <FieldWidget key={def.key} def={def} />
      ))}
    </div>
  );
}
