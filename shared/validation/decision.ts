/**
 * The political decision behind a kommune's approval (issue 18): which body decided (the
 * kommunalbestyrelse or byråd, or an administrative level it delegated to), at which meeting and
 * agenda item, with a link to the minutes, and the outcome. The letter prints it as one line
 * (decisionText), so the approvals table shows the decision, not the click.
 */
import { z } from "zod";
import { formatDate } from "../danish.js";

export const DecisionOrgan = z.enum(["kommunalbestyrelse", "byraad", "delegeret"]);
export type DecisionOrgan = z.infer<typeof DecisionOrgan>;
export const DecisionOutcome = z.enum(["godkendt", "godkendt_med_forbehold", "ikke_godkendt"]);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

export const ORGAN_LABELS: Record<DecisionOrgan, string> = {
  kommunalbestyrelse: "Kommunalbestyrelsen",
  byraad: "Byrådet",
  delegeret: "Delegeret til et administrativt niveau",
};
export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  godkendt: "Godkendt",
  godkendt_med_forbehold: "Godkendt med forbehold",
  ikke_godkendt: "Ikke godkendt",
};

export const Decision = z
  .object({
    organ: z.enum(DecisionOrgan.options, { error: "Vælg, hvem der har truffet beslutningen." }),
    delegeretTil: z.string().trim().max(200, "Højst 200 tegn.").default(""),
    moedeDato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Angiv datoen for mødet eller beslutningen."),
    punkt: z.string().trim().min(1, "Angiv punktet på dagsordenen (fx 7).").max(100, "Højst 100 tegn."),
    referat: z
      .string()
      .trim()
      .max(1000, "Linket er for langt.")
      .refine((s) => s === "" || /^https:\/\/\S+$/.test(s), "Angiv et link til referatet, der begynder med https://.")
      .default(""),
    udfald: z.enum(DecisionOutcome.options, { error: "Vælg beslutningens udfald." }),
    forbehold: z.string().trim().max(2000, "Forbeholdet er for langt (højst 2000 tegn).").default(""),
  })
  .superRefine((d, ctx) => {
    if (d.organ === "delegeret" && d.delegeretTil === "")
      ctx.addIssue({ code: "custom", path: ["delegeretTil"], message: "Skriv, hvem beslutningen er delegeret til (fx direktionen)." });
    if (d.udfald === "godkendt_med_forbehold" && d.forbehold === "")
      ctx.addIssue({ code: "custom", path: ["forbehold"], message: "Skriv forbeholdet, som det står i beslutningen." });
  });
export type Decision = z.infer<typeof Decision>;

/** "Byrådet, møde 19. maj 2025, pkt. 7: Godkendt med forbehold: … Referat: https://…" */
export function decisionText(d: Decision): string {
  const organ = d.organ === "delegeret" ? `${d.delegeretTil} (delegeret)` : ORGAN_LABELS[d.organ];
  const outcome = d.udfald === "godkendt_med_forbehold" ? `${OUTCOME_LABELS[d.udfald]}: ${d.forbehold}` : OUTCOME_LABELS[d.udfald];
  // One full stop after the outcome, also when the reservation ends with its own.
  return `${organ}, møde ${formatDate(d.moedeDato)}, pkt. ${d.punkt}: ${outcome.replace(/[.!?]$/, "")}.${d.referat ? ` Referat: ${d.referat}` : ""}`;
}
