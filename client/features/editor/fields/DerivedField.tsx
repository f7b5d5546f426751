/**
 * Read-only fields: `fixed` texts of the template and `derived` values (from the document's
 * region, from regions.json, or from another field). They are shown, never written here.
 */
import type { ReactNode } from "react";
import { findRegion, municipalitiesOf } from "../../../../shared/regions.js";
import { CONFIRMED_FAMILIEAMBULATORIUM, findBlock, findField } from "../../../../shared/template/definition.js";
import type { FieldDef } from "../../../../shared/template/types.js";
import { da, formatDate } from "../../../i18n/da.js";
import { asString, useFieldValue } from "../fieldStore.js";
import { useParticipatingRegions, useReply } from "../ReplyContext.js";
import { fieldDomId } from "./inputs.js";

function Familieambulatorier() {
  const regions = useParticipatingRegions();
  const { store, regionId: own } = useReply();
  const confirmed = asString(useFieldValue(store, CONFIRMED_FAMILIEAMBULATORIUM))?.trim();
  return (
    <ul className="plain-list">
      {regions.map((regionId) => {
        const region = findRegion(regionId);
        if (!region) return null;
        const f = region.familieambulatorium;
        const where = [f.hospital, f.city].filter(Boolean).join(", ");
        if (regionId === own && confirmed)
          return (
            <li key={regionId}>
              <strong>{region.name}:</strong> {confirmed} <span className="muted">{da.fields.confirmed}</span>
            </li>
          );
        return (
          <li key={regionId}>
            <strong>{region.name}:</strong> {f.name}
            {where ? ` (${where})` : ""}
            {f.uncertain ? <span className="muted"> {regionId === own ? da.fields.uncertainOwn : da.fields.uncertain}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Item 3.1 shows the single source of truth, item 1.3's choice, with a way to get there. */
function TilbudsformFromI1() {
  const { store, jumpTo } = useReply();
  const sourceKey = "i1.tilknytning.form";
  const value = asString(useFieldValue(store, sourceKey));
  const option = findField(sourceKey)?.options?.find((o) => o.value === value);
  const block = findBlock("i1.tilknytning");
  const target = block ? `${block.number ?? ""} ${block.heading}`.trim() : sourceKey;
  return (
    <>
      <span>{option?.label ?? da.fields.notSetYet}</span>{" "}
      <button type="button" className="button button--link" onClick={() => jumpTo({ fieldId: sourceKey, blockId: "i1.tilknytning" })}>
        {da.fields.goTo(target)}
      </button>
    </>
  );
}

function DerivedValue({ def }: { def: FieldDef }) {
  const { store, regionId } = useReply();
  const stored = asString(useFieldValue(store, def.key));
  if (def.type === "fixed") return <>{def.fixedText ?? ""}</>;
  switch (def.key) {
    case "hoved.region":
      return <>{findRegion(regionId)?.name ?? regionId}</>;
    case "hoved.dato":
      return <>{stored ? formatDate(stored) : da.fields.dateSetAtSubmission}</>;
    case "hoved.kommuner":
      return (
        <>
          {municipalitiesOf(regionId)
            .map((m) => m.name)
            .join(", ")}
        </>
      );
    case "i3.form.tilbudsform":
      return <TilbudsformFromI1 />;
    default:
      if (def.key.endsWith(".familieambulatorier")) return <Familieambulatorier />;
      return <>{stored ?? "–"}</>;
  }
}

export function DerivedField({ def }: { def: FieldDef }): ReactNode {
  const labelId = fieldDomId(def.key, "label");
  return (
    <div className="field field--readonly" data-field={def.key} role="group" aria-labelledby={labelId}>
      <span className="field__label" id={labelId}>
        {def.label}
      </span>
      <div className="field__value">
        <DerivedValue def={def} />
      </div>
    </div>
  );
}
