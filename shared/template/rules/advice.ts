/**
 * What a case worker at the agency would question (issue 18): advarsler, never blocking, each
 * saying what to look at. Thresholds are deliberately generous: they catch numbers that cannot
 * be meant, not choices a region may defend.
 */
import { NATIONAL_NEED } from "../../capacity.js";
import { TREATMENT_ELEMENTS } from "../definition.js";
import { ugyldig, type Rule } from "./rule.js";
import { invalid, monthLabel } from "./messages.js";
import { formatNumber } from "../../danish.js";
import { readMilestones } from "./milestones.js";
import { asNumber, type Values } from "./values.js";

const PLADSER = "i1.organisering.pladser";
const KAPACITET = "i1.organisering.kapacitet";
const TABEL = "i1.kompetencer.tabel";
const DRIFTSSTART = "i4.driftsstart";
const MILEPAELE = "i4.milepaele";

/**
 * A stay runs from pregnancy to months after the birth; an average under two months means the
 * places cannot hold the women the reply expects.
 */
const MIN_AVERAGE_STAY_DAYS = 60;
/**
 * One person on duty round the clock is 8,760 hours a year; an årsværk gives about 1,600 hours
 * of work after leave and training, so round-the-clock cover needs about 5.5 årsværk.
 */
const ROUND_THE_CLOCK_AARSVAERK = 5.5;
/** Words a financing text uses when the financing is not settled. */
const UNSETTLED = /\b(ikke (er )?afklaret|uafklaret|endnu ikke (besluttet|aftalt|fastlagt)|afventer|ikke besluttet)\b/i;

const averageStay: Rule = {
  id: "R.KAPACITET.OPHOLD",
  blockId: "i1.organisering",
  severity: "advarsel",
  check: ({ values }) => {
    const places = values.int(PLADSER);
    const women = values.int(KAPACITET);
    if (places === null || women === null || places < 1 || women < 1) return null;
    const days = Math.round((places * 365) / women);
    if (days >= MIN_AVERAGE_STAY_DAYS) return null;
    return ugyldig(
      PLADSER,
      invalid(
        `${formatNumber(places)} pladser til ${formatNumber(women)} kvinder om året giver et gennemsnitligt ophold på kun ${formatNumber(days)} dage – tjek antal pladser og kapacitet; et forløb varer typisk fra graviditeten til måneder efter fødslen`,
      ),
    );
  },
};

const nationalNeed: Rule = {
  id: "R.KAPACITET.BEHOV",
  blockId: "i1.organisering",
  severity: "advarsel",
  check: ({ values }) => {
    const women = values.int(KAPACITET);
    if (women === null || women <= NATIONAL_NEED.max) return null;
    return ugyldig(
      KAPACITET,
      invalid(
        `${formatNumber(women)} kvinder om året er mere end hele landets behov (${NATIONAL_NEED.min}–${NATIONAL_NEED.max} kvinder om året) – tjek kapaciteten`,
      ),
    );
  },
};

/**
 * A cross-regional reply states each region's need itself; a capacity more than twice that need
 * is far above the regions' share of the national need. (regions.json has no population, so a
 * regional reply's share cannot be judged here.)
 */
const shareOfNeed: Rule = {
  id: "R.KAPACITET.ANDEL",
  blockId: "i1.organisering",
  severity: "advarsel",
  check: ({ values, participating }) => {
    if (values.choice("i1.organisering.omfang") !== "tvaerregional" || !participating || participating.length < 2) return null;
    const needOf = new Map(values.rows("i1.organisering.behov").map((row) => [values.cell(row, "region"), asNumber(values.cell(row, "kvinderPrAar")) ?? 0]));
    // Only once every participating region's need is stated (I1.1.BEHOV asks for it first).
    if (participating.some((region) => (needOf.get(region) ?? 0) < 1)) return null;
    const women = values.int(KAPACITET);
    const need = participating.reduce((sum, region) => sum + (needOf.get(region) ?? 0), 0);
    if (women === null || women <= 2 * need) return null;
    return ugyldig(
      KAPACITET,
      invalid(
        `Kapaciteten (${formatNumber(women)} kvinder om året) er mere end dobbelt så stor som det behov, svaret selv angiver for regionerne (${formatNumber(need)}) – tjek kapacitet og behov`,
      ),
    );
  },
};

const roundTheClock: Rule = {
  id: "R.BEMANDING.DOEGN",
  blockId: "i1.kompetencer",
  severity: "advarsel",
  check: ({ values }) => {
    // Staff bought in (»Tilkøbes«) are not on the unit's own rota.
    const own = values.rows(TABEL).filter((row) => values.cell(row, "levering") !== "tilkoeb");
    const total = own.reduce((sum, row) => sum + Math.max(0, asNumber(values.cell(row, "aarsvaerk")) ?? 0), 0);
    if (total === 0 || total >= ROUND_THE_CLOCK_AARSVAERK) return null;
    return ugyldig(
      TABEL,
      invalid(
        `${formatNumber(total)} årsværk i alt rækker ikke til en medarbejder til stede hele døgnet (det kræver ca. ${formatNumber(ROUND_THE_CLOCK_AARSVAERK)} årsværk) – tjek faggrupper og årsværk`,
      ),
    );
  },
};

/** A milestone of item 4 whose name matches, with its month compared to the opening. */
function openingMilestone(
  id: string,
  match: RegExp,
  wrong: (month: string, start: string) => boolean,
  message: (name: string, month: string, start: string) => string,
): Rule {
  return {
    id,
    blockId: "i4",
    severity: "advarsel",
    check: ({ values }) => {
      const start = values.monthYear(DRIFTSSTART);
      if (!start) return null;
      const hit = readMilestones(values, MILEPAELE).complete.find((m) => match.test(m.betegnelse) && wrong(m.maaned, start));
      return hit ? ugyldig(MILEPAELE, message(hit.betegnelse, monthLabel(hit.maaned), monthLabel(start))) : null;
    },
  };
}

const fullBeforeOpening = openingMilestone(
  "R.MILEPAEL.FULD-KAPACITET",
  /fuld(t)? (kapacitet|belæg|belagt)/i,
  (month, start) => month < start,
  (name, month, start) => invalid(`Milepælen »${name}« (${month}) ligger før driftsstart (${start}) – tjek milepælene`),
);

const approvalAfterOpening = openingMilestone(
  "R.MILEPAEL.SOCIALTILSYN",
  /socialtilsyn/i,
  (month, start) => month > start,
  (name, month, start) =>
    invalid(
      `Milepælen »${name}« (${month}) ligger efter driftsstart (${start}) – tilbuddet skal være godkendt af Socialtilsynet, før den første kvinde indskrives`,
    ),
);

/** A milestone before the reply's own date is either reached or a slip (not asked of an agreement already made). */
function pastMilestones(id: string, blockId: string, key: string, when: (values: Values) => boolean = () => true): Rule {
  return {
    id,
    blockId,
    severity: "advarsel",
    check: ({ values, replyMonth }) => {
      if (!when(values)) return null;
      const past = replyMonth ? readMilestones(values, key).complete.find((m) => m.maaned < replyMonth) : undefined;
      if (!past || !replyMonth) return null;
      return ugyldig(
        key,
        invalid(
          `Milepælen »${past.betegnelse}« (${monthLabel(past.maaned)}) ligger før svarets dato (${monthLabel(replyMonth)}) – skriv, om den er nået, eller flyt den`,
        ),
      );
    },
  };
}

const unsettledFinancing: Rule = {
  id: "R.FINANSIERING.AFKLARET",
  blockId: "i3.finansiering",
  severity: "advarsel",
  check: ({ values }) => {
    for (const id of ["i3.finansiering.etablering", "i3.finansiering.drift"]) {
      const phrase = UNSETTLED.exec(values.text(id))?.[0];
      if (phrase)
        return ugyldig(
          id,
          invalid(
            `Finansieringen beskrives som »${phrase}« – styrelsen beder om et forslag til finansieringsmodel; beskriv det forslag, der arbejdes videre med`,
          ),
        );
    }
    return null;
  },
};

const normalised = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const repeatedText: Rule = {
  id: "R.ELEMENTER.GENTAGET",
  blockId: "i1.elementer",
  severity: "advarsel",
  check: ({ values }) => {
    const seen = new Map<string, number>();
    for (const [i, el] of TREATMENT_ELEMENTS.entries()) {
      const id = `i1.elementer.${el.id}.hvordan`;
      const text = normalised(values.text(id));
      if (text.split(" ").length < 5) continue;
      const first = seen.get(text);
      if (first !== undefined)
        return ugyldig(id, invalid(`Behandlingselement ${i + 1} har samme tekst som behandlingselement ${first + 1} – beskriv, hvordan hvert element indgår`));
      seen.set(text, i);
    }
    return null;
  },
};

export const ADVICE_RULES: readonly Rule[] = [
  averageStay,
  nationalNeed,
  shareOfNeed,
  repeatedText,
  roundTheClock,
  unsettledFinancing,
  fullBeforeOpening,
  approvalAfterOpening,
  pastMilestones("R.AFTALE.MILEPAEL-FORTID", "i2.tidsplan", "i2.tidsplan.milepaele", (values) => values.choice("i2.tidsplan.status") !== "indgaaet"),
  pastMilestones("R.MILEPAEL.FORTID", "i4", MILEPAELE),
];
