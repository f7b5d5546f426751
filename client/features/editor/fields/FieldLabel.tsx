/** The visible label text of a typed field, with "(valgfri)" for optional fields. */
import type { FieldDef } from "../../../../shared/template/types.js";
import { da } from "../../../i18n/da.js";

export function FieldLabelText({ def }: { def: Pick<FieldDef, "label" | "optional"> }) {
  return (
    <>
      {def.label}
      {def.optional ? <span className="field__optional"> {da.fields.optional}</span> : null}
    </>
  );
}
