/**
 * Rules of block 1.5: each of the 11 treatment elements must be marked »Indgår« and described
 * (spec §2, 1.5; request l. 712–744). One rule id per element, so a finding jumps to its row.
 */
import { TREATMENT_ELEMENTS } from "../definition.js";
import { fieldLabel, mangler, minimumOf, ugyldig, type Rule } from "./rule.js";
import { elementLabel, invalid, missing, tooFewWords } from "./messages.js";

const BLOCK = "i1.elementer";

function elementRules(el: { id: string; text: string }): Rule[] {
  const base = `${BLOCK}.${el.id}`;
  const label = elementLabel(el.id, el.text);
  const statusKey = `${base}.status`;
  const textId = `${base}.hvordan`;
  const min = minimumOf("I1.5.HVORDAN");
  const rules: Rule[] = [
    {
      id: `I1.5.STATUS.${el.id}`,
      blockId: BLOCK,
      severity: "fejl",
      check: ({ values }) => {
        const status = values.choice(statusKey);
        if (status === "indgaar") return null;
        if (status === "indgaarIkke") {
          return ugyldig(statusKey, invalid(`${label} er markeret »Indgår ikke« – tilbuddet skal kunne tilbyde alle 11 elementer`));
        }
        return mangler(statusKey, missing(label, "markér »Indgår«"));
      },
    },
  ];
  if (el.id === "E03") {
    const key = `${base}.aktivt`;
    rules.push({
      id: "I1.5.E03.AKTIVT",
      blockId: BLOCK,
      severity: "fejl",
      check: ({ values }) => (values.checked(key) ? null : mangler(key, missing(label, `sæt kryds ved »${fieldLabel(key)}«`))),
    });
  }
  rules.push({
    id: `I1.5.HVORDAN.${el.id}`,
    blockId: BLOCK,
    severity: "fejl",
    check: ({ values }) => {
      const n = values.words(textId);
      return n >= min ? null : mangler(textId, tooFewWords(label, min, n));
    },
  });
  return rules;
}

export const I1_ELEMENT_RULES: readonly Rule[] = TREATMENT_ELEMENTS.flatMap(elementRules);
