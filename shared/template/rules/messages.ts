/**
 * The Danish wording of findings, in the spec's style:
 *   "Mangler: Hjemmelsgrundlag – skriv mindst 40 ord (nu 12)."
 *   "Ugyldig: Forventet driftsstart skal ligge efter svarets dato (maj 2025)."
 */
import { elementNumber } from "../definition.js";
import { danishList, formatDate, formatMonthYear } from "../../danish.js";
/** "2025-05" → "maj 2025" (shared/danish.ts). */
export const monthLabel = formatMonthYear;
/** "2025-06-02" → "2. juni 2025" (shared/danish.ts). */
export const dateLabel = formatDate;
export { danishList };

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** "Mangler: <label>." or "Mangler: <label> – <hint>." */
export function missing(label: string, hint?: string): string {
  return sentence(hint ? `Mangler: ${label} – ${hint}` : `Mangler: ${label}`);
}

/** "Ugyldig: <text>." */
export function invalid(text: string): string {
  return sentence(`Ugyldig: ${text}`);
}

export function tooFewWords(label: string, minimum: number, words: number): string {
  return missing(label, `skriv mindst ${minimum} ord (nu ${words})`);
}

/** A treatment element in messages: "Behandlingselement 1 (»Særlige fysiske rammer som kan …«)". */
export function elementLabel(id: string, text: string): string {
  const firstSentence = text.split(/\.\s/)[0] ?? text;
  const words = firstSentence.split(/\s+/);
  const short = words.length > 6 ? `${words.slice(0, 6).join(" ").replace(/[,.]$/, "")} …` : firstSentence.replace(/\.$/, "");
  return `Behandlingselement ${elementNumber(id)} (»${short}«)`;
}
