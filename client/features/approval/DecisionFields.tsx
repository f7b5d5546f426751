/**
 * The fields of a kommune's political decision (shared/validation/decision.ts): body, meeting
 * date, agenda item, minutes, outcome and reservation. Controlled; the form that holds them
 * checks them with the route's schema and passes each field's message in `errors`.
 */
import { useId } from "react";
import { DecisionOrgan, DecisionOutcome, ORGAN_LABELS, OUTCOME_LABELS, type Decision } from "../../../shared/validation/decision.js";
import { decisionTexts as t } from "../../i18n/decision.js";
import { wf } from "../../i18n/workflow.js";
import { da } from "../../i18n/da.js";

export type DecisionDraft = { [K in keyof Decision]: string };
export const EMPTY_DECISION: DecisionDraft = { organ: "", delegeretTil: "", moedeDato: "", punkt: "", referat: "", udfald: "", forbehold: "" };

type Props = { value: DecisionDraft; onChange: (next: DecisionDraft) => void; errors: Partial<Record<keyof Decision, string>> };

export function DecisionFields({ value, onChange, errors }: Props) {
  const id = useId();
  const set = (key: keyof Decision) => (v: string) => onChange({ ...value, [key]: v });
  const describedBy = (key: keyof Decision, help = false) =>
    [help ? `${id}-${key}-help` : "", errors[key] ? `${id}-${key}-error` : ""].filter(Boolean).join(" ") || undefined;
  const error = (key: keyof Decision) =>
    errors[key] ? (
      <p className="field__error" id={`${id}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;
  const input = (
    key: "delegeretTil" | "moedeDato" | "punkt" | "referat",
    label: string,
    options: { type?: string; help?: string; required?: boolean } = {},
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`} className="field__label">
        {label} <span className="field__optional">{options.required === false ? da.fields.optional : wf.common.required}</span>
      </label>
      {options.help ? (
        <p className="field__help" id={`${id}-${key}-help`}>
          {options.help}
        </p>
      ) : null}
      <input
        id={`${id}-${key}`}
        data-decision={key}
        className="input"
        type={options.type ?? "text"}
        value={value[key]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={describedBy(key, Boolean(options.help))}
        onChange={(e) => set(key)(e.target.value)}
      />
      {error(key)}
    </div>
  );
  const choice = (key: "organ" | "udfald", legend: string, options: readonly string[], labels: Record<string, string>) => (
    <fieldset className="wf-decision field" aria-describedby={describedBy(key)} aria-invalid={errors[key] ? true : undefined}>
      <legend>
        {legend} <span className="field__optional">{wf.common.required}</span>
      </legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={`${id}-${key}`} data-decision={key} value={option} checked={value[key] === option} onChange={() => set(key)(option)} />{" "}
          {labels[option]}
        </label>
      ))}
      {error(key)}
    </fieldset>
  );

  return (
    <>
      {choice("organ", t.organ, DecisionOrgan.options, ORGAN_LABELS)}
      {value.organ === "delegeret" ? input("delegeretTil", t.delegeretTil, { help: t.delegeretTilHelp }) : null}
      {input("moedeDato", t.moedeDato, { type: "date" })}
      {input("punkt", t.punkt)}
      {input("referat", t.referat, { type: "url", help: t.referatHelp, required: false })}
      {choice("udfald", t.udfald, DecisionOutcome.options, OUTCOME_LABELS)}
      {value.udfald === "godkendt_med_forbehold" ? (
        <div className="field">
          <label htmlFor={`${id}-forbehold`} className="field__label">
            {t.forbehold} <span className="field__optional">{wf.common.required}</span>
          </label>
          <p className="field__help" id={`${id}-forbehold-help`}>
            {t.forbeholdHelp}
          </p>
          <textarea
            id={`${id}-forbehold`}
            data-decision="forbehold"
            className="input wf-textarea"
            rows={3}
            value={value.forbehold}
            aria-invalid={errors.forbehold ? true : undefined}
            aria-describedby={describedBy("forbehold", true)}
            onChange={(e) => set("forbehold")(e.target.value)}
          />
          {error("forbehold")}
        </div>
      ) : null}
    </>
  );
}
