/** Rules of item 3: new offer or unit, operating responsibility, financing (spec §4). */
import { choiceRule, fieldLabel, mangler, ugyldig, wordsRule, type Rule } from "./rule.js";
import { danishList, invalid, missing } from "./messages.js";
import { findField } from "../definition.js";

const DRIFTSHERRE = "i3.driftsansvar.driftsherre";
const KOMMUNER = "i3.driftsansvar.driftskommuner";
const MODELLER = "i3.finansiering.modeller";

const kommune: Rule = {
  id: "I3.2.KOMMUNE",
  blockId: "i3.driftsansvar",
  severity: "fejl",
  check: ({ values, participating }) => {
    const herre = values.choice(DRIFTSHERRE);
    const codes = values.members(KOMMUNER).filter((k) => values.isKommune(k));
    const label = fieldLabel(KOMMUNER);
    if (herre === "kommunalEn") {
      if (codes.length === 0) return mangler(KOMMUNER, missing(label, "vælg den kommune, der har driftsansvaret"));
      if (codes.length > 1) return ugyldig(KOMMUNER, invalid(`Ved ét kommunalt driftsansvar skal der vælges præcis én driftskommune (nu ${codes.length})`));
    }
    if (herre === "kommunalDelt") {
      if (codes.length === 0) return mangler(KOMMUNER, missing(label, "vælg de kommuner, der deler driftsansvaret"));
      if (codes.length === 1) return ugyldig(KOMMUNER, invalid("Ved delt kommunalt driftsansvar skal der vælges mindst to driftskommuner (nu 1)"));
    }
    const outside = participating ? codes.filter((k) => !participating.includes(values.regionOfKommune(k) ?? "")) : [];
    if (outside.length === 0) return null;
    const names = outside.map((k) => values.kommuneName(k));
    return ugyldig(KOMMUNER, invalid(`${label} – ${danishList(names)} ligger ikke i en region, der deltager i løsningen`));
  },
};

const navn: Rule = {
  id: "I3.2.NAVN",
  blockId: "i3.driftsansvar",
  severity: "fejl",
  check: ({ values }) => {
    const herre = values.choice(DRIFTSHERRE);
    if (herre !== "regionalt" && herre !== "privat") return null;
    const key = "i3.driftsansvar.navn";
    return values.line(key) ? null : mangler(key, missing(fieldLabel(key)));
  },
};

const model: Rule = {
  id: "I3.3.MODEL",
  blockId: "i3.finansiering",
  severity: "fejl",
  check: ({ values }) => {
    const options = new Set((findField(MODELLER)?.options ?? []).map((o) => o.value));
    return values.members(MODELLER).some((m) => options.has(m)) ? null : mangler(MODELLER, missing(fieldLabel(MODELLER), "vælg mindst én model"));
  },
};

export const I3_RULES: readonly Rule[] = [
  wordsRule("I3.1.OVERVEJELSER", "i3.form", "i3.form.overvejelser"),
  choiceRule("I3.2.DRIFTSHERRE", "i3.driftsansvar", DRIFTSHERRE),
  kommune,
  wordsRule("I3.2.DELING", "i3.driftsansvar", "i3.driftsansvar.deling", {
    when: ({ values }) => values.choice(DRIFTSHERRE) === "kommunalDelt",
  }),
  navn,
  model,
  wordsRule("I3.3.ETABLERING", "i3.finansiering", "i3.finansiering.etablering"),
  wordsRule("I3.3.DRIFT", "i3.finansiering", "i3.finansiering.drift"),
];
