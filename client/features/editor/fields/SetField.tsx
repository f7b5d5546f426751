/**
 * Set fields (multi, region[], kommune[]) as checkbox groups. Each toggle writes one member
 * (toggleSetField), so two people ticking different boxes at once both keep their tick.
 */
import { setSetField, toggleSetField } from "../../../../shared/content/fields.js";
import { REGIONS, findMunicipality, findRegion, municipalitiesOf } from "../../../../shared/regions.js";
import type { FieldDef } from "../../../../shared/template/types.js";
import { da } from "../../../i18n/da.js";
import { asStringArray, useFieldValue } from "../fieldStore.js";
import { useParticipatingRegions, useReply } from "../ReplyContext.js";
import { FieldLabelText } from "./FieldLabel.js";
import { fieldDomId } from "./inputs.js";

interface Option {
  value: string;
  label: string;
}

function Checkboxes({
  def,
  options,
  members,
  disabled,
  idPrefix,
}: {
  def: FieldDef;
  options: Option[];
  members: string[];
  disabled: boolean;
  idPrefix: string;
}) {
  const { ydoc } = useReply();
  return (
    <div className="checkboxes">
      {options.map((option) => {
        const id = `${idPrefix}-${option.value.replace(/[^A-Za-z0-9_-]/g, "_")}`;
        return (
          <div className="choice" key={option.value}>
            <input
              type="checkbox"
              id={id}
              checked={members.includes(option.value)}
              disabled={disabled}
              onChange={(e) => toggleSetField(ydoc, def.key, option.value, e.target.checked)}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </div>
  );
}

function KommuneGroups({ def, members, disabled }: { def: FieldDef; members: string[]; disabled: boolean }) {
  const { ydoc } = useReply();
  const regions = useParticipatingRegions();
  const shown = new Set(regions.flatMap((r) => municipalitiesOf(r).map((m) => m.code)));
  const others = members.filter((code) => !shown.has(code));
  return (
    <>
      {regions.map((regionId) => {
        const region = findRegion(regionId);
        const kommuner = municipalitiesOf(regionId);
        const codes = kommuner.map((m) => m.code);
        const name = region?.name ?? regionId;
        return (
          <fieldset className="subgroup" key={regionId}>
            <legend className="subgroup__label">{name}</legend>
            {!disabled ? (
              <div className="subgroup__actions">
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => setSetField(ydoc, def.key, [...new Set([...members, ...codes])])}
                >
                  {da.fields.selectAllIn(name)}
                </button>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() =>
                    setSetField(
                      ydoc,
                      def.key,
                      members.filter((c) => !codes.includes(c)),
                    )
                  }
                >
                  {da.fields.selectNoneIn(name)}
                </button>
              </div>
            ) : null}
            <Checkboxes
              def={def}
              options={kommuner.map((m) => ({ value: m.code, label: m.name }))}
              members={members}
              disabled={disabled}
              idPrefix={fieldDomId(def.key, regionId)}
            />
          </fieldset>
        );
      })}
      {others.length > 0 ? (
        <fieldset className="subgroup">
          <legend className="subgroup__label">{da.fields.otherSelected}</legend>
          <Checkboxes
            def={def}
            options={others.map((code) => ({ value: code, label: findMunicipality(code)?.name ?? code }))}
            members={members}
            disabled={disabled}
            idPrefix={fieldDomId(def.key, "other")}
          />
        </fieldset>
      ) : null}
    </>
  );
}

export function SetField({ def }: { def: FieldDef }) {
  const { store, editable, regionId } = useReply();
  const members = asStringArray(useFieldValue(store, def.key));
  const disabled = !editable;
  const idPrefix = fieldDomId(def.key);

  let body;
  if (def.type === "kommune[]") {
    body = <KommuneGroups def={def} members={members} disabled={disabled} />;
  } else {
    const options: Option[] =
      def.type === "region[]"
        ? // The own region always participates; the choice is about the other regions.
          REGIONS.regions.filter((r) => r.id !== regionId || members.includes(r.id)).map((r) => ({ value: r.id, label: r.name }))
        : (def.options ?? []);
    body = <Checkboxes def={def} options={options} members={members} disabled={disabled} idPrefix={idPrefix} />;
  }

  return (
    <fieldset className="field field--group" data-field={def.key} aria-describedby={def.help ? fieldDomId(def.key, "help") : undefined}>
      <legend className="field__label">
        <FieldLabelText def={def} />
      </legend>
      {def.help ? (
        <p id={fieldDomId(def.key, "help")} className="field__help">
          {def.help}
        </p>
      ) : null}
      {body}
    </fieldset>
  );
}
