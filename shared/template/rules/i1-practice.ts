/** Rules of item 1, blocks 1.6–1.10: staff, location, specialisation, familieambulatorium, knowledge (spec §2). */
import { fieldLabel, mangler, minimumOf, textLabel, ugyldig, wordsRule, type Rule } from "./rule.js";
import { danishList, invalid, missing, monthLabel, tooFewWords } from "./messages.js";
import { asLine, asNumber } from "./values.js";
import { CONFIRMED_FAMILIEAMBULATORIUM } from "../definition.js";

const TABEL = "i1.kompetencer.tabel";
const LOKATIONER = "i1.placering.lokationer";
const SENEST = "i1.specialisering.senest";
const TOVHOLDER = "i1.familieambulatorium.tovholder";
const TOVHOLDER_TEKST = "i1.familieambulatorium.tovholderTekst";

const rowList = (rows: number[]) => `række ${danishList(rows.map(String))}`;

const tabel: Rule = {
  id: "I1.6.TABEL",
  blockId: "i1.kompetencer",
  severity: "fejl",
  check: ({ values }) => {
    let valid = 0;
    const invalidRows: number[] = [];
    values.rows(TABEL).forEach((row, i) => {
      const state = values.rowState(TABEL, row);
      if (state === "empty") return;
      if (state === "complete" && (asNumber(values.cell(row, "aarsvaerk")) ?? 0) > 0) valid++;
      else invalidRows.push(i + 1);
    });
    const label = fieldLabel(TABEL);
    if (invalidRows.length > 0) return ugyldig(TABEL, invalid(`${label} – ${rowList(invalidRows)} skal have en faggruppe og årsværk over 0`));
    return valid > 0 ? null : mangler(TABEL, missing(label, "angiv mindst én faggruppe med årsværk"));
  },
};

const bredde: Rule = {
  id: "I1.6.BREDDE",
  blockId: "i1.kompetencer",
  severity: "advarsel",
  check: ({ values }) => {
    const groups = new Set(
      values
        .rows(TABEL)
        .map((row) => asLine(values.cell(row, "faggruppe"))?.toLocaleLowerCase("da"))
        .filter((g): g is string => g !== undefined),
    );
    const min = minimumOf("I1.6.BREDDE");
    // An empty table is I1.6.TABEL's finding; this rule is about a narrow one.
    if (groups.size === 0 || groups.size >= min) return null;
    return mangler(
      TABEL,
      missing(
        fieldLabel(TABEL),
        `kun ${groups.size === 1 ? "1 faggruppe" : `${groups.size} forskellige faggrupper`}; en højt specialiseret indsats forudsætter tæt koordinerede social- og sundhedsfaglige kompetencer (mindst ${min} faggrupper)`,
      ),
    );
  },
};

const lokation: Rule = {
  id: "I1.7.LOKATION",
  blockId: "i1.placering",
  severity: "fejl",
  check: ({ values, participating }) => {
    const label = fieldLabel(LOKATIONER);
    const invalidRows: number[] = [];
    const kommuner: string[] = [];
    values.rows(LOKATIONER).forEach((row, i) => {
      const state = values.rowState(LOKATIONER, row);
      if (state === "empty") return;
      const code = values.cell(row, "kommune");
      if (state === "complete" && values.isKommune(code)) kommuner.push(code);
      else invalidRows.push(i + 1);
    });
    if (invalidRows.length > 0) return ugyldig(LOKATIONER, invalid(`${label} – ${rowList(invalidRows)} mangler en gyldig kommune`));
    if (kommuner.length === 0) return mangler(LOKATIONER, missing(label, "angiv mindst én kommune"));
    const outside = participating ? kommuner.filter((k) => !participating.includes(values.regionOfKommune(k) ?? "")) : [];
    if (outside.length === 0) return null;
    const names = [...new Set(outside)].map((k) => values.kommuneName(k));
    return ugyldig(LOKATIONER, invalid(`${label} – ${danishList(names)} ligger ikke i en region, der deltager i løsningen`));
  },
};

const senest: Rule = {
  id: "I1.8.SENEST",
  blockId: "i1.specialisering",
  severity: "fejl",
  check: ({ values }) => (values.monthYear(SENEST) ? null : mangler(SENEST, missing(fieldLabel(SENEST)))),
};

/** Advarsel (P): active practice, the first parameter of specialisation, only starts when the offer runs. */
const specialiseringFoerDrift: Rule = {
  id: "X.SPECIALISERING",
  blockId: "i1.specialisering",
  severity: "advarsel",
  check: ({ values }) => {
    const s = values.monthYear(SENEST);
    const start = values.monthYear("i4.driftsstart");
    if (!s || !start || s >= start) return null;
    return ugyldig(
      SENEST,
      invalid(
        `Tilstrækkelig specialisering forventes opnået (${monthLabel(s)}) før forventet driftsstart (${monthLabel(start)}) – specialisering forudsætter aktiv praksis i tilbuddet`,
      ),
    );
  },
};

const tovholder: Rule = {
  id: "I1.9.TOVHOLDER",
  blockId: "i1.familieambulatorium",
  severity: "fejl",
  check: ({ values }) => {
    if (!values.checked(TOVHOLDER)) return mangler(TOVHOLDER, missing("Tovholderfunktion", `sæt kryds ved »${fieldLabel(TOVHOLDER)}«`));
    const min = minimumOf("I1.9.TOVHOLDER");
    const n = values.words(TOVHOLDER_TEKST);
    return n >= min ? null : mangler(TOVHOLDER_TEKST, tooFewWords(textLabel(TOVHOLDER_TEKST), min, n));
  },
};

/** The letter names the familieambulatorium as a party: where the data is uncertain, the region confirms the name. */
const familieambulatorium: Rule = {
  id: "I1.9.FAMILIEAMBULATORIUM",
  blockId: "i1.familieambulatorium",
  severity: "fejl",
  check: ({ values, ctx }) => {
    const region = ctx.regions.regions.find((r) => r.id === ctx.regionId);
    if (!region?.familieambulatorium.uncertain || values.line(CONFIRMED_FAMILIEAMBULATORIUM)) return null;
    return mangler(
      CONFIRMED_FAMILIEAMBULATORIUM,
      missing(
        fieldLabel(CONFIRMED_FAMILIEAMBULATORIUM),
        `oplysningen »${region.familieambulatorium.name}« er usikker; skriv navnet, som regionen har bekræftet`,
      ),
    );
  },
};

export const I1_PRACTICE_RULES: readonly Rule[] = [
  tabel,
  wordsRule("I1.6.TEKST", "i1.kompetencer", "i1.kompetencer.tekst"),
  bredde,
  lokation,
  wordsRule("I1.7.TILGAENGELIGHED", "i1.placering", "i1.placering.tilgaengelighed"),
  senest,
  wordsRule("I1.8.AKTIVPRAKSIS", "i1.specialisering", "i1.specialisering.aktivPraksis"),
  wordsRule("I1.8.KOMPETENCER", "i1.specialisering", "i1.specialisering.kompetencer"),
  wordsRule("I1.8.SAMARBEJDSFORMER", "i1.specialisering", "i1.specialisering.samarbejdsformer"),
  wordsRule("I1.8.VIDENSDISTRIBUTION", "i1.specialisering", "i1.specialisering.vidensdistribution"),
  specialiseringFoerDrift,
  familieambulatorium,
  wordsRule("I1.9.TEKST", "i1.familieambulatorium", "i1.familieambulatorium.tekst"),
  tovholder,
  wordsRule("I1.10.TEKST", "i1.vidensmiljoe", "i1.vidensmiljoe.tekst"),
];
