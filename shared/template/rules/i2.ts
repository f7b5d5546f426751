/** Rules of item 2: parties, plan and timetable of the cooperation agreement (spec §3). */
import { checkedRule, choiceRule, fieldLabel, mangler, ugyldig, wordsRule, type Rule } from "./rule.js";
import { danishList, invalid, missing, monthLabel } from "./messages.js";
import { filledRule, orderRule } from "./milestones.js";

const KOMMUNER = "i2.parter.kommuner";
const STATUS = "i2.tidsplan.status";
const MAANED = "i2.tidsplan.maaned";
const MILEPAELE = "i2.tidsplan.milepaele";

const kommuner: Rule = {
  id: "I2.1.KOMMUNER",
  blockId: "i2.parter",
  severity: "fejl",
  check: ({ values }) =>
    values.members(KOMMUNER).some((k) => values.isKommune(k)) ? null : mangler(KOMMUNER, missing(fieldLabel(KOMMUNER), "vælg mindst én kommune")),
};

/** Advarsel: the request says "de relevante kommuner" (l. 348–350), but any kommune can be a woman's handlekommune. */
const alle: Rule = {
  id: "I2.1.ALLE",
  blockId: "i2.parter",
  severity: "advarsel",
  check: ({ values, ctx }) => {
    const listed = new Set(values.members(KOMMUNER).filter((k) => values.isKommune(k)));
    // No kommune at all is I2.1.KOMMUNER's finding.
    if (listed.size === 0) return null;
    const own = ctx.regions.municipalities.filter((m) => m.region === ctx.regionId);
    const absent = own.filter((m) => !listed.has(m.code)).map((m) => m.name);
    if (absent.length === 0) return null;
    return mangler(
      KOMMUNER,
      missing(
        fieldLabel(KOMMUNER),
        `${absent.length} af regionens ${own.length} kommuner er ikke med (${danishList(absent)}); enhver kommune kan være handlekommune for en gravid`,
      ),
    );
  },
};

const sat: Rule = {
  id: "I2.3.SAT",
  blockId: "i2.tidsplan",
  severity: "fejl",
  check: ({ values }) => {
    if (!values.choice(STATUS)) return mangler(STATUS, missing(fieldLabel(STATUS), "vælg, om aftalen allerede er indgået eller indgås senere"));
    return values.monthYear(MAANED) ? null : mangler(MAANED, missing(fieldLabel(MAANED)));
  },
};

const dato: Rule = {
  id: "I2.3.DATO",
  blockId: "i2.tidsplan",
  severity: "fejl",
  check: ({ values, replyMonth }) => {
    const status = values.choice(STATUS);
    const month = values.monthYear(MAANED);
    if (!status || !month || !replyMonth) return null;
    if (status === "planlagt" && month <= replyMonth) {
      return ugyldig(MAANED, invalid(`Tidspunktet for en planlagt samarbejdsaftale skal ligge efter svarets dato (${monthLabel(replyMonth)})`));
    }
    if (status === "indgaaet" && month > replyMonth) {
      return ugyldig(MAANED, invalid(`En allerede indgået samarbejdsaftale kan ikke være indgået efter svarets dato (${monthLabel(replyMonth)})`));
    }
    return null;
  },
};

/** Advarsel (P): element E05 (cooperation with the familieambulatorium) must work from the first day. */
const aftaleFoerDrift: Rule = {
  id: "X.AFTALE-FOER-DRIFT",
  blockId: "i2.tidsplan",
  severity: "advarsel",
  check: ({ values }) => {
    const month = values.monthYear(MAANED);
    const start = values.monthYear("i4.driftsstart");
    if (!month || !start || month <= start) return null;
    return ugyldig(
      MAANED,
      invalid(
        `Samarbejdsaftalen (${monthLabel(month)}) indgås efter forventet driftsstart (${monthLabel(start)}) – samarbejdet med familieambulatoriet skal fungere fra første indskrivning`,
      ),
    );
  },
};

export const I2_RULES: readonly Rule[] = [
  kommuner,
  alle,
  choiceRule("I2.1.AFTALEFORM", "i2.parter", "i2.parter.aftaleform"),
  checkedRule("I2.1.TILBUD", "i2.parter", "i2.parter.doegntilbudPart"),
  wordsRule("I2.2.TEKST", "i2.plan", "i2.plan.tekst"),
  sat,
  dato,
  aftaleFoerDrift,
  orderRule("I2.3.ORDEN", "i2.tidsplan", MILEPAELE),
  filledRule("I2.3.MILEPAELE", "i2.tidsplan", MILEPAELE, false),
];
