/** Rules of item 4: start of operation, milestones, assumptions (spec §5). */
import { fieldLabel, mangler, ugyldig, wordsRule, type Rule } from "./rule.js";
import { invalid, missing, monthLabel } from "./messages.js";
import { filledRule, orderRule } from "./milestones.js";

const DRIFTSSTART = "i4.driftsstart";

/** The request finds that no such offer exists today (l. 147–149), so operation starts after the reply. */
const driftsstart: Rule = {
  id: "I4.DRIFTSSTART",
  blockId: "i4",
  severity: "fejl",
  check: ({ values, replyMonth }) => {
    const start = values.monthYear(DRIFTSSTART);
    if (!start) return mangler(DRIFTSSTART, missing(fieldLabel(DRIFTSSTART)));
    if (replyMonth && start <= replyMonth) {
      return ugyldig(DRIFTSSTART, invalid(`Forventet driftsstart skal ligge efter svarets dato (${monthLabel(replyMonth)})`));
    }
    return null;
  },
};

export const I4_RULES: readonly Rule[] = [
  driftsstart,
  filledRule("I4.MILEPAELE", "i4", "i4.milepaele", true),
  orderRule("I4.ORDEN", "i4", "i4.milepaele"),
  wordsRule("I4.FORUDSAETNINGER", "i4", "i4.forudsaetninger", { severity: "advarsel" }),
];
