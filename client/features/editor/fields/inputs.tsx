/**
 * Scalar inputs shared by typed fields and by the cells of a rows table. Each takes the stored
 * value (untrusted JSON) and commits a new one; inputs that can hold a half-typed value (numbers,
 * month/year) keep a local draft until it parses, and never write an invalid value.
 */
import { useId, useState, type ChangeEvent } from "react";
import type { ChoiceOption, FieldValue, RowColumnDef } from "../../../../shared/template/types.js";
import { REGIONS } from "../../../../shared/regions.js";
import { da, formatNumber } from "../../../i18n/da.js";
import { asNumber, asString } from "../fieldStore.js";

export type ScalarType = RowColumnDef["type"] | "date";
export type ScalarValue = string | number | boolean | null;

/** A DOM id derived from a field key ("i1.hjemmel" → "f-i1_hjemmel"). */
export function fieldDomId(key: string, suffix = ""): string {
  return `f-${key.replace(/[^A-Za-z0-9_-]/g, "_")}${suffix ? `-${suffix}` : ""}`;
}

export function joinIds(...ids: (string | null | undefined | false)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined.length > 0 ? joined : undefined;
}

// ---------------------------------------------------------------------------------------------
// Parsing of drafted values (pure)
// ---------------------------------------------------------------------------------------------

type Parsed = { ok: true; value: ScalarValue } | { ok: false; error: string };

const MONTH_YEAR = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Danish notation: thousands grouped with "." (exactly three digits each), a decimal after ",". */
const INT_GROUPED = /^\d{1,3}(\.\d{3})+$/;
const NUMBER_GROUPED = /^\d{1,3}(\.\d{3})+(,\d)?$/;
/** Without grouping: "12000000", and one decimal after "," or ".". */
const INT_PLAIN = /^\d+$/;
const NUMBER_PLAIN = /^\d+([.,]\d)?$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX = 1e9;

/**
 * A typed number in Danish notation ("12.000.000", "4,5") or plain ("12000000", "4.5"). Numbers
 * have at most one decimal, so "1.000" can only mean a thousand and "4.5" only four and a half.
 */
export function parseDanishNumber(t: string, decimals: boolean): number | null {
  if ((decimals ? NUMBER_GROUPED : INT_GROUPED).test(t)) return Number(t.replace(/\./g, "").replace(",", "."));
  if ((decimals ? NUMBER_PLAIN : INT_PLAIN).test(t)) return Number(t.replace(",", "."));
  return null;
}

export function parseDraft(type: "int" | "number" | "monthYear" | "date", text: string): Parsed {
  const t = text.trim();
  if (t === "") return { ok: true, value: null };
  switch (type) {
    case "int":
    case "number": {
      const n = parseDanishNumber(t, type === "number");
      const error = type === "int" ? da.fields.invalidInt : da.fields.invalidNumber;
      return n !== null && n <= MAX ? { ok: true, value: n } : { ok: false, error };
    }
    case "monthYear":
      return MONTH_YEAR.test(t) ? { ok: true, value: t } : { ok: false, error: da.fields.invalidMonth };
    case "date":
      return DATE.test(t) ? { ok: true, value: t } : { ok: false, error: da.fields.invalidMonth };
  }
}

function storedText(type: "int" | "number" | "monthYear" | "date", value: FieldValue): string {
  if (type === "int" || type === "number") {
    const n = asNumber(value);
    return n === null ? "" : formatNumber(n);
  }
  return asString(value) ?? "";
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

export interface InputProps {
  id: string;
  value: FieldValue;
  disabled: boolean;
  onCommit: (value: ScalarValue) => void;
  /** For inputs without a visible <label for>, e.g. table cells. */
  ariaLabel?: string;
  describedBy?: string;
}

export function LineInput({ id, value, disabled, onCommit, ariaLabel, describedBy }: InputProps) {
  return (
    <input
      id={id}
      type="text"
      className="input"
      value={asString(value) ?? ""}
      disabled={disabled}
      maxLength={500}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(e.target.value.replace(/[\r\n]+/g, " "))}
    />
  );
}

export function DraftInput({ type, id, value, disabled, onCommit, ariaLabel, describedBy }: InputProps & { type: "int" | "number" | "monthYear" | "date" }) {
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const stored = storedText(type, value);
  const shown = draft ?? stored;
  const parsed = draft === null ? null : parseDraft(type, draft);
  const error = parsed && !parsed.ok ? parsed.error : null;

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.target.value;
    setDraft(text);
    // A number input reports "" for text it cannot parse; that must not clear the stored value.
    if (e.target.validity.badInput) return;
    const result = parseDraft(type, text);
    if (result.ok && result.value !== value) onCommit(result.value);
  };
  const onBlur = () => {
    if (draft !== null && parseDraft(type, draft).ok) setDraft(null);
  };

  // Numbers are text inputs: a number input shows "4.5" or "4,5" depending on the browser's own
  // language and refuses "4,5" in an English browser; Danish users write "12.000.000" and "4,5".
  const inputType = type === "monthYear" ? "month" : type === "date" ? "date" : "text";
  return (
    <>
      <input
        id={id}
        type={inputType}
        className="input"
        value={shown}
        disabled={disabled}
        inputMode={type === "int" ? "numeric" : type === "number" ? "decimal" : undefined}
        spellCheck={type === "int" || type === "number" ? false : undefined}
        // Browsers without <input type="month"> show a text box: tell them the format.
        placeholder={type === "monthYear" ? da.fields.monthPlaceholder : undefined}
        pattern={type === "monthYear" ? "\\d{4}-\\d{2}" : undefined}
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={joinIds(describedBy, error && errorId)}
        onChange={onChange}
        onBlur={onBlur}
      />
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </>
  );
}

export function ChoiceSelect({ id, value, options, disabled, onCommit, ariaLabel, describedBy }: InputProps & { options: ChoiceOption[] }) {
  const current = asString(value) ?? "";
  const known = options.some((o) => o.value === current);
  return (
    <select
      id={id}
      className="select"
      value={known ? current : ""}
      disabled={disabled}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(e.target.value === "" ? null : e.target.value)}
    >
      <option value="">{da.fields.choose}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function RegionSelect({ id, value, disabled, onCommit, ariaLabel, describedBy, regionIds }: InputProps & { regionIds?: string[] }) {
  const current = asString(value) ?? "";
  const regions = regionIds ? REGIONS.regions.filter((r) => regionIds.includes(r.id) || r.id === current) : REGIONS.regions;
  return (
    <select
      id={id}
      className="select"
      value={regions.some((r) => r.id === current) ? current : ""}
      disabled={disabled}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(e.target.value === "" ? null : e.target.value)}
    >
      <option value="">{da.fields.chooseRegion}</option>
      {regions.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

/** Kommuner grouped by region; the participating regions first, the others after them. */
export function KommuneSelect({ id, value, disabled, onCommit, ariaLabel, describedBy, regionOrder }: InputProps & { regionOrder: string[] }) {
  const current = asString(value) ?? "";
  const ordered = [
    ...regionOrder.map((rid) => REGIONS.regions.find((r) => r.id === rid)).filter((r) => r !== undefined),
    ...REGIONS.regions.filter((r) => !regionOrder.includes(r.id)),
  ];
  const known = REGIONS.municipalities.some((m) => m.code === current);
  return (
    <select
      id={id}
      className="select"
      value={known ? current : ""}
      disabled={disabled}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      onChange={(e) => onCommit(e.target.value === "" ? null : e.target.value)}
    >
      <option value="">{da.fields.chooseKommune}</option>
      {ordered.map((region) => (
        <optgroup key={region.id} label={region.name}>
          {REGIONS.municipalities
            .filter((m) => m.region === region.id)
            .map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** One scalar of any column type, for table cells. */
export function ScalarInput(props: InputProps & { type: ScalarType; options?: ChoiceOption[]; regionOrder: string[] }) {
  const { type, options, regionOrder, ...rest } = props;
  switch (type) {
    case "line":
      return <LineInput {...rest} />;
    case "choice":
      return <ChoiceSelect {...rest} options={options ?? []} />;
    case "int":
    case "number":
    case "monthYear":
    case "date":
      return <DraftInput {...rest} type={type} />;
    case "region":
      return <RegionSelect {...rest} />;
    case "kommune":
      return <KommuneSelect {...rest} regionOrder={regionOrder} />;
  }
}
