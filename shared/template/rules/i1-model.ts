/** Rules of item 1, blocks 1.1–1.4: organisation and capacity, legal basis, attachment, content (spec §2). */
import { choiceRule, fieldLabel, mangler, minimumOf, textLabel, ugyldig, wordsRule, type Rule, type RuleInput } from "./rule.js";
import { danishList, invalid, missing, tooFewWords } from "./messages.js";
import { asInt } from "./values.js";

const ORG = "i1.organisering";
const OMFANG = "i1.organisering.omfang";
const REGIONER = "i1.organisering.regioner";
const BEHOV = "i1.organisering.behov";
const KAPACITET = "i1.organisering.kapacitet";
const KAPACITET_TEKST = "i1.organisering.kapacitetTekst";

const isCrossRegional = ({ values }: RuleInput) => values.choice(OMFANG) === "tvaerregional";

interface NeedRows {
  /** Participating regions without any row naming them. */
  uncovered: string[];
  /** 1-based numbers of rows that are half-filled, below 1, duplicated or for a region outside the solution. */
  invalidRows: number[];
  /** Sum of kvinder pr. år over the valid rows. */
  total: number;
}

/** Reads the `behov` rows against the participating regions (spec I1.1.BEHOV). */
function needRows({ values, participating }: RuleInput): NeedRows {
  const named = new Set<string>();
  const counted = new Set<string>();
  const invalidRows: number[] = [];
  let total = 0;
  values.rows(BEHOV).forEach((row, i) => {
    const state = values.rowState(BEHOV, row);
    if (state === "empty") return;
    const region = values.cell(row, "region");
    if (values.isRegion(region)) named.add(region);
    const women = asInt(values.cell(row, "kvinderPrAar")) ?? 0;
    const ok = state === "complete" && values.isRegion(region) && women >= 1 && !counted.has(region) && (participating?.includes(region) ?? true);
    if (!ok) {
      invalidRows.push(i + 1);
      return;
    }
    counted.add(region);
    total += women;
  });
  const uncovered = (participating ?? []).filter((r) => !named.has(r));
  return { uncovered, invalidRows, total };
}

const regioner: Rule = {
  id: "I1.1.REGIONER",
  blockId: ORG,
  severity: "fejl",
  check: (input) => {
    if (!isCrossRegional(input)) return null;
    const { values, ctx } = input;
    const partners = values.members(REGIONER).filter((r) => values.isRegion(r) && r !== ctx.regionId);
    if (partners.length > 0) return null;
    return mangler(REGIONER, missing(fieldLabel(REGIONER), `vælg mindst én anden region end ${values.regionName(ctx.regionId)}`));
  },
};

const behov: Rule = {
  id: "I1.1.BEHOV",
  blockId: ORG,
  severity: "fejl",
  check: (input) => {
    // Without partner regions there is nothing to split the need between; I1.1.REGIONER reports that.
    if (!isCrossRegional(input) || input.participating === null || input.participating.length < 2) return null;
    const { uncovered, invalidRows } = needRows(input);
    const label = fieldLabel(BEHOV);
    if (uncovered.length > 0) {
      const names = uncovered.map((r) => input.values.regionName(r));
      return mangler(BEHOV, missing(label, `angiv antal kvinder pr. år for ${danishList(names)}`));
    }
    if (invalidRows.length === 0) return null;
    return ugyldig(
      BEHOV,
      invalid(`${label} – række ${danishList(invalidRows.map(String))}: hver deltagende region skal have én række med mindst 1 kvinde pr. år`),
    );
  },
};

const kapacitet: Rule = {
  id: "I1.1.KAPACITET",
  blockId: ORG,
  severity: "fejl",
  check: (input) => {
    if (!isCrossRegional(input)) return null;
    const { values } = input;
    const capacity = values.int(KAPACITET);
    if (capacity === null) return mangler(KAPACITET, missing(fieldLabel(KAPACITET)));
    const { total } = needRows(input);
    if (capacity < total) {
      return ugyldig(
        KAPACITET,
        invalid(`Forventet kapacitet (${capacity} kvinder pr. år) skal mindst svare til det samlede behov i de deltagende regioner (${total} kvinder pr. år)`),
      );
    }
    const min = minimumOf("I1.1.KAPACITET");
    const words = values.words(KAPACITET_TEKST);
    return words >= min ? null : mangler(KAPACITET_TEKST, tooFewWords(textLabel(KAPACITET_TEKST), min, words));
  },
};

/** Advarsel only: the agency sums the five replies' capacity against the national need (l. 85–89, 377–380). */
const kapacitetRegional: Rule = {
  id: "I1.1.KAPACITET-REG",
  blockId: ORG,
  severity: "advarsel",
  check: ({ values }) => {
    if (values.choice(OMFANG) !== "regional") return null;
    for (const key of ["i1.organisering.pladser", KAPACITET]) {
      const v = values.int(key);
      const label = fieldLabel(key);
      if (v === null) return mangler(key, missing(label, "det indgår i styrelsens samlede overblik over kapaciteten på landsplan"));
      if (v < 1) return ugyldig(key, invalid(`${label} skal være mindst 1`));
    }
    return null;
  },
};

const paragraf: Rule = {
  id: "I1.2.PARAGRAF",
  blockId: "i1.hjemmel",
  severity: "advarsel",
  check: ({ values }) => {
    const id = "i1.hjemmel.tekst";
    // An empty text is reported by I1.2.TEKST; this rule is about a text that cites no provision.
    if (values.words(id) === 0 || values.text(id).includes("§")) return null;
    return mangler(id, missing(textLabel(id), "henvis til de konkrete lovbestemmelser (teksten indeholder intet »§«)"));
  },
};

const tilbud: Rule = {
  id: "I1.3.TILBUD",
  blockId: "i1.tilknytning",
  severity: "fejl",
  check: ({ values }) => {
    if (values.choice("i1.tilknytning.form") !== "afdeling") return null;
    for (const key of ["i1.tilknytning.tilbud", "i1.tilknytning.tilbudKommune"]) {
      const ok = key.endsWith("Kommune") ? values.isKommune(values.raw(key)) : values.line(key) !== null;
      if (!ok) return mangler(key, missing(fieldLabel(key), "udfyldes, når der etableres en afdeling på et eksisterende tilbud"));
    }
    return null;
  },
};

export const I1_MODEL_RULES: readonly Rule[] = [
  choiceRule("I1.1.OMFANG", ORG, OMFANG, "vælg regional eller tværregional løsning"),
  regioner,
  behov,
  kapacitet,
  kapacitetRegional,
  wordsRule("I1.2.TEKST", "i1.hjemmel", "i1.hjemmel.tekst"),
  paragraf,
  choiceRule("I1.3.FORM", "i1.tilknytning", "i1.tilknytning.form", "vælg nyt selvstændigt tilbud eller afdeling på eksisterende tilbud"),
  tilbud,
  wordsRule("I1.3.SAMMENHAENG", "i1.tilknytning", "i1.tilknytning.sammenhaeng"),
  wordsRule("I1.4.TEKST", "i1.indsats", "i1.indsats.tekst"),
];
