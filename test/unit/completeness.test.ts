/**
 * The completeness check against the spec (docs/design/reply-template.md): one case per rule
 * id, each changing exactly one piece of a complete reply and expecting exactly that finding;
 * status variants; messages; progress; submission (§6); robustness against garbage content.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CheckContext, FieldValue, ReplyContent, Severity } from "../../shared/template/types";
import { checkCompleteness, checkSubmission, listRules, type Approval } from "../../shared/template/completeness";
import { TEMPLATE, TREATMENT_ELEMENTS, allBlocks, allFields, allTextFields, blockIndex } from "../../shared/template/definition";
import { initialFieldValues } from "../../shared/template/seed";
import { countWords, plainText } from "../../shared/template/words";
import { REGIONS, municipalitiesOf } from "../../shared/regions";
import {
  checkContext,
  completeReplyContent,
  crossRegionalReplyContent,
  paragraphs,
  withField,
  withFields,
  withRowCell,
  withText,
  wordsText,
} from "../helpers/completeReply";

type Status = "mangler" | "ugyldig";
interface Expected {
  ruleId: string;
  severity: Severity;
  status: Status;
}
interface Case extends Expected {
  /** The complete reply the change starts from. */
  base?: "regional" | "tvaerregional";
  change: (c: ReplyContent) => ReplyContent;
  ctx?: Partial<CheckContext>;
}

const REGION = "nordjylland";
const short = (c: ReplyContent, id: string) => withText(c, id, wordsText(5));
const fejl = (ruleId: string, status: Status, change: Case["change"], more: Partial<Case> = {}): Case => ({
  ruleId,
  severity: "fejl",
  status,
  change,
  ...more,
});
const advarsel = (ruleId: string, status: Status, change: Case["change"], more: Partial<Case> = {}): Case => ({
  ruleId,
  severity: "advarsel",
  status,
  change,
  ...more,
});
const cross = { base: "tvaerregional" as const };
/** The regions data as if the region's familieambulatorium were not verified. */
const withUncertainFamilieambulatorium = (regionId: string) => ({
  ...REGIONS,
  regions: REGIONS.regions.map((r) => (r.id === regionId ? { ...r, familieambulatorium: { ...r.familieambulatorium, uncertain: true } } : r)),
});

function run(c: Pick<Case, "base" | "change" | "ctx">) {
  const base = c.base === "tvaerregional" ? crossRegionalReplyContent(REGION) : completeReplyContent(REGION);
  return checkCompleteness(c.change(base), { ...checkContext(REGION), ...c.ctx });
}
const summary = (findings: { ruleId: string; severity: Severity; status: Status }[]) =>
  findings.map(({ ruleId, severity, status }) => ({ ruleId, severity, status }));

/** Per element: status, (for E03) the "aktivt" check, description — the order of the rules. */
const elementCases: Case[] = TREATMENT_ELEMENTS.flatMap((el, i): Case[] => {
  const notIncluded = i % 2 === 1; // alternate: unset (mangler) and "Indgår ikke" (ugyldig)
  return [
    fejl(`I1.5.STATUS.${el.id}`, notIncluded ? "ugyldig" : "mangler", (c) =>
      withField(c, `i1.elementer.${el.id}.status`, notIncluded ? "indgaarIkke" : undefined),
    ),
    ...(el.id === "E03" ? [fejl("I1.5.E03.AKTIVT", "mangler", (c) => withField(c, "i1.elementer.E03.aktivt", false))] : []),
    fejl(`I1.5.HVORDAN.${el.id}`, "mangler", (c) => short(c, `i1.elementer.${el.id}.hvordan`)),
  ];
});

/** One case per rule id, in template order. */
const CASES: Case[] = [
  // §1 hoved
  fejl("HOVED.REGION", "ugyldig", (c) => c, { ctx: { regionId: "atlantis" } }),
  fejl("HOVED.AFSENDER", "mangler", (c) => withField(c, "hoved.afsender", "   ")),
  fejl("HOVED.KONTAKT.NAVN", "mangler", (c) => withField(c, "hoved.kontakt.navn", undefined)),
  fejl("HOVED.KONTAKT.ORGANISATION", "mangler", (c) => withField(c, "hoved.kontakt.organisation", "")),
  fejl("HOVED.KONTAKT.EMAIL", "ugyldig", (c) => withField(c, "hoved.kontakt.email", "mette.nielsen(at)kkr.dk")),
  // §2 item 1
  fejl("I1.1.OMFANG", "mangler", (c) => withField(c, "i1.organisering.omfang", undefined)),
  fejl("I1.1.REGIONER", "mangler", (c) => withField(c, "i1.organisering.regioner", undefined), cross),
  fejl("I1.1.BEHOV", "mangler", (c) => withField(c, "i1.organisering.behov", [{ id: "b1", region: REGION, kvinderPrAar: 12 }]), cross),
  fejl("I1.1.KAPACITET", "ugyldig", (c) => withField(c, "i1.organisering.kapacitet", 20), cross),
  advarsel("I1.1.KAPACITET-REG", "mangler", (c) => withField(c, "i1.organisering.pladser", undefined)),
  advarsel("R.KAPACITET.OPHOLD", "ugyldig", (c) => withField(c, "i1.organisering.pladser", 2)),
  advarsel("R.KAPACITET.BEHOV", "ugyldig", (c) => withFields(c, { "i1.organisering.kapacitet": 120, "i1.organisering.pladser": 60 })),
  advarsel("R.KAPACITET.ANDEL", "ugyldig", (c) => withField(c, "i1.organisering.kapacitet", 70), cross),
  fejl("I1.2.TEKST", "mangler", (c) => withText(c, "i1.hjemmel.tekst", "Tilbuddet etableres efter servicelovens § 107.")),
  advarsel("I1.2.PARAGRAF", "mangler", (c) => withText(c, "i1.hjemmel.tekst", wordsText(45))),
  fejl("I1.3.FORM", "mangler", (c) => withField(c, "i1.tilknytning.form", undefined)),
  fejl("I1.3.TILBUD", "mangler", (c) => withField(c, "i1.tilknytning.tilbud", undefined)),
  fejl("I1.3.SAMMENHAENG", "mangler", (c) => short(c, "i1.tilknytning.sammenhaeng")),
  fejl("I1.4.TEKST", "mangler", (c) => withText(c, "i1.indsats.tekst", wordsText(149))),
  ...elementCases,
  advarsel("R.ELEMENTER.GENTAGET", "ugyldig", (c) => withText(c, "i1.elementer.E02.hvordan", c.texts["i1.elementer.E01.hvordan"])),
  fejl("I1.6.TABEL", "ugyldig", (c) => withRowCell(c, "i1.kompetencer.tabel", 1, "aarsvaerk", undefined)),
  fejl("I1.6.TEKST", "mangler", (c) => short(c, "i1.kompetencer.tekst")),
  advarsel("I1.6.BREDDE", "mangler", (c) => withField(c, "i1.kompetencer.tabel", (c.fields["i1.kompetencer.tabel"] as unknown[]).slice(0, 2))),
  advarsel("R.BEMANDING.DOEGN", "ugyldig", (c) =>
    withField(
      c,
      "i1.kompetencer.tabel",
      ["Socialrådgiver", "Sygeplejerske", "Familiebehandler"].map((faggruppe, i) => ({ id: `k${i}`, faggruppe, aarsvaerk: 1, levering: "egen" })),
    ),
  ),
  fejl("I1.7.LOKATION", "ugyldig", (c) => withRowCell(c, "i1.placering.lokationer", 0, "kommune", "101")),
  fejl("I1.7.TILGAENGELIGHED", "mangler", (c) => short(c, "i1.placering.tilgaengelighed")),
  fejl("I1.8.SENEST", "mangler", (c) => withField(c, "i1.specialisering.senest", undefined)),
  fejl("I1.8.AKTIVPRAKSIS", "mangler", (c) => short(c, "i1.specialisering.aktivPraksis")),
  fejl("I1.8.KOMPETENCER", "mangler", (c) => short(c, "i1.specialisering.kompetencer")),
  fejl("I1.8.SAMARBEJDSFORMER", "mangler", (c) => short(c, "i1.specialisering.samarbejdsformer")),
  fejl("I1.8.VIDENSDISTRIBUTION", "mangler", (c) => withText(c, "i1.specialisering.vidensdistribution", undefined)),
  advarsel("X.SPECIALISERING", "ugyldig", (c) => withField(c, "i1.specialisering.senest", "2026-06")),
  fejl("I1.9.FAMILIEAMBULATORIUM", "mangler", (c) => c, { ctx: { regions: withUncertainFamilieambulatorium(REGION) } }),
  fejl("I1.9.TEKST", "mangler", (c) => short(c, "i1.familieambulatorium.tekst")),
  fejl("I1.9.TOVHOLDER", "mangler", (c) => withField(c, "i1.familieambulatorium.tovholder", false)),
  fejl("I1.10.TEKST", "mangler", (c) => short(c, "i1.vidensmiljoe.tekst")),
  // §3 item 2
  fejl("I2.1.KOMMUNER", "mangler", (c) => withField(c, "i2.parter.kommuner", [])),
  advarsel("I2.1.ALLE", "mangler", (c) =>
    withField(
      c,
      "i2.parter.kommuner",
      (c.fields["i2.parter.kommuner"] as string[]).filter((k) => k !== "825"),
    ),
  ),
  fejl("I2.1.AFTALEFORM", "mangler", (c) => withField(c, "i2.parter.aftaleform", undefined)),
  fejl("I2.1.TILBUD", "mangler", (c) => withField(c, "i2.parter.doegntilbudPart", undefined)),
  fejl("I2.2.TEKST", "mangler", (c) => short(c, "i2.plan.tekst")),
  fejl("I2.3.SAT", "mangler", (c) => withField(c, "i2.tidsplan.status", undefined)),
  fejl("I2.3.DATO", "ugyldig", (c) => withField(c, "i2.tidsplan.status", "indgaaet")),
  advarsel("X.AFTALE-FOER-DRIFT", "ugyldig", (c) => withField(c, "i2.tidsplan.maaned", "2026-12")),
  advarsel("I2.3.ORDEN", "ugyldig", (c) => withRowCell(c, "i2.tidsplan.milepaele", 1, "maaned", "2025-06")),
  advarsel("I2.3.MILEPAELE", "ugyldig", (c) => withRowCell(c, "i2.tidsplan.milepaele", 1, "maaned", undefined)),
  advarsel("R.AFTALE.MILEPAEL-FORTID", "ugyldig", (c) => withRowCell(c, "i2.tidsplan.milepaele", 0, "maaned", "2025-03")),
  // §4 item 3
  fejl("I3.1.OVERVEJELSER", "mangler", (c) => short(c, "i3.form.overvejelser")),
  fejl("I3.2.DRIFTSHERRE", "mangler", (c) => withField(c, "i3.driftsansvar.driftsherre", undefined)),
  fejl("I3.2.KOMMUNE", "ugyldig", (c) => withField(c, "i3.driftsansvar.driftskommuner", ["851"])),
  fejl("I3.2.DELING", "mangler", (c) => short(c, "i3.driftsansvar.deling")),
  fejl("I3.2.NAVN", "mangler", (c) => withField(c, "i3.driftsansvar.driftsherre", "regionalt")),
  fejl("I3.3.MODEL", "mangler", (c) => withField(c, "i3.finansiering.modeller", [])),
  fejl("I3.3.ETABLERING", "mangler", (c) => short(c, "i3.finansiering.etablering")),
  fejl("I3.3.DRIFT", "mangler", (c) => short(c, "i3.finansiering.drift")),
  advarsel("R.FINANSIERING.AFKLARET", "ugyldig", (c) =>
    withText(c, "i3.finansiering.drift", `${plainText(c.texts["i3.finansiering.drift"] ?? [])} Fordelingen mellem kommunerne er endnu ikke aftalt.`),
  ),
  // §5 item 4
  fejl("I4.DRIFTSSTART", "mangler", (c) => withField(c, "i4.driftsstart", undefined)),
  advarsel("I4.MILEPAELE", "mangler", (c) =>
    withField(
      c,
      "i4.milepaele",
      (c.fields["i4.milepaele"] as { id: string; betegnelse: string }[]).map(({ id, betegnelse }) => ({ id, betegnelse })),
    ),
  ),
  advarsel("I4.ORDEN", "ugyldig", (c) => withRowCell(c, "i4.milepaele", 2, "maaned", "2026-01")),
  advarsel("I4.FORUDSAETNINGER", "mangler", (c) => withText(c, "i4.forudsaetninger", wordsText(29))),
  advarsel("R.MILEPAEL.FULD-KAPACITET", "ugyldig", (c) => withRowCell(c, "i4.milepaele", 3, "maaned", "2026-08")),
  advarsel("R.MILEPAEL.SOCIALTILSYN", "ugyldig", (c) => withRowCell(c, "i4.milepaele", 3, "betegnelse", "Fuld kapacitet og Socialtilsynets opfølgning")),
  advarsel("R.MILEPAEL.FORTID", "ugyldig", (c) => withRowCell(c, "i4.milepaele", 0, "maaned", "2025-03")),
];

/** Other statuses and conditions of the same rules, with every finding they cause. */
const VARIANTS: { name: string; change: Case["change"]; base?: Case["base"]; ctx?: Partial<CheckContext>; expect: Expected[] }[] = [
  { name: "no region at all", change: (c) => c, ctx: { regionId: "" }, expect: [{ ruleId: "HOVED.REGION", severity: "fejl", status: "mangler" }] },
  {
    name: "e-mail missing",
    change: (c) => withField(c, "hoved.kontakt.email", undefined),
    expect: [{ ruleId: "HOVED.KONTAKT.EMAIL", severity: "fejl", status: "mangler" }],
  },
  {
    name: "e-mail without domain",
    change: (c) => withField(c, "hoved.kontakt.email", "mette@kkr"),
    expect: [{ ruleId: "HOVED.KONTAKT.EMAIL", severity: "fejl", status: "ugyldig" }],
  },
  {
    name: "cross-regional need of 0 women for the partner",
    base: "tvaerregional",
    change: (c) => withRowCell(c, "i1.organisering.behov", 1, "kvinderPrAar", 0),
    expect: [{ ruleId: "I1.1.BEHOV", severity: "fejl", status: "ugyldig" }],
  },
  {
    name: "cross-regional need for a region outside the solution",
    base: "tvaerregional",
    change: (c) =>
      withField(c, "i1.organisering.behov", [...(c.fields["i1.organisering.behov"] as object[]), { id: "b3", region: "syddanmark", kvinderPrAar: 5 }]),
    expect: [{ ruleId: "I1.1.BEHOV", severity: "fejl", status: "ugyldig" }],
  },
  {
    name: "cross-regional capacity unset",
    base: "tvaerregional",
    change: (c) => withField(c, "i1.organisering.kapacitet", undefined),
    expect: [{ ruleId: "I1.1.KAPACITET", severity: "fejl", status: "mangler" }],
  },
  {
    name: "cross-regional capacity text too short",
    base: "tvaerregional",
    change: (c) => short(c, "i1.organisering.kapacitetTekst"),
    expect: [{ ruleId: "I1.1.KAPACITET", severity: "fejl", status: "mangler" }],
  },
  {
    name: "cross-regional location in the partner region is fine",
    base: "tvaerregional",
    change: (c) => withRowCell(c, "i1.placering.lokationer", 0, "kommune", "751"),
    expect: [],
  },
  {
    name: "regional: 0 places",
    change: (c) => withField(c, "i1.organisering.pladser", 0),
    expect: [{ ruleId: "I1.1.KAPACITET-REG", severity: "advarsel", status: "ugyldig" }],
  },
  { name: "regional: capacity text is not required", change: (c) => withText(c, "i1.organisering.kapacitetTekst", undefined), expect: [] },
  {
    name: "new offer: no existing offer needed",
    change: (c) => withFields(c, { "i1.tilknytning.form": "nyt", "i1.tilknytning.tilbud": undefined, "i1.tilknytning.tilbudKommune": undefined }),
    expect: [],
  },
  {
    name: "element status garbage",
    change: (c) => withField(c, "i1.elementer.E01.status", "ja"),
    expect: [{ ruleId: "I1.5.STATUS.E01", severity: "fejl", status: "mangler" }],
  },
  { name: "element levering is optional", change: (c) => withField(c, "i1.elementer.E01.levering", undefined), expect: [] },
  {
    name: "empty staff table",
    change: (c) => withField(c, "i1.kompetencer.tabel", []),
    expect: [{ ruleId: "I1.6.TABEL", severity: "fejl", status: "mangler" }],
  },
  {
    name: "no location",
    change: (c) => withField(c, "i1.placering.lokationer", []),
    expect: [{ ruleId: "I1.7.LOKATION", severity: "fejl", status: "mangler" }],
  },
  {
    name: "location row with a place name only",
    change: (c) => withField(c, "i1.placering.lokationer", [...(c.fields["i1.placering.lokationer"] as object[]), { id: "l2", stednavn: "Skagen" }]),
    expect: [{ ruleId: "I1.7.LOKATION", severity: "fejl", status: "ugyldig" }],
  },
  {
    name: "planned agreement in the reply month",
    change: (c) => withField(c, "i2.tidsplan.maaned", "2025-05"),
    expect: [{ ruleId: "I2.3.DATO", severity: "fejl", status: "ugyldig" }],
  },
  { name: "concluded agreement in the past", change: (c) => withFields(c, { "i2.tidsplan.status": "indgaaet", "i2.tidsplan.maaned": "2025-03" }), expect: [] },
  {
    name: "agreement month missing",
    change: (c) => withField(c, "i2.tidsplan.maaned", "2025-13"),
    expect: [{ ruleId: "I2.3.SAT", severity: "fejl", status: "mangler" }],
  },
  {
    name: "one operating kommune, two selected",
    change: (c) => withFields(c, { "i3.driftsansvar.driftsherre": "kommunalEn" }),
    expect: [{ ruleId: "I3.2.KOMMUNE", severity: "fejl", status: "ugyldig" }],
  },
  {
    name: "one operating kommune, none selected",
    change: (c) => withFields(c, { "i3.driftsansvar.driftsherre": "kommunalEn", "i3.driftsansvar.driftskommuner": [] }),
    expect: [{ ruleId: "I3.2.KOMMUNE", severity: "fejl", status: "mangler" }],
  },
  {
    name: "operating kommune outside the region",
    change: (c) => withField(c, "i3.driftsansvar.driftskommuner", ["101", "851"]),
    expect: [{ ruleId: "I3.2.KOMMUNE", severity: "fejl", status: "ugyldig" }],
  },
  {
    name: "private operator with a name",
    change: (c) => withFields(c, { "i3.driftsansvar.driftsherre": "privat", "i3.driftsansvar.navn": "Fonden Familiehuset" }),
    expect: [],
  },
  {
    name: "operation starts in the reply month (also after the agreement)",
    change: (c) => withField(c, "i4.driftsstart", "2025-05"),
    expect: [
      { ruleId: "X.AFTALE-FOER-DRIFT", severity: "advarsel", status: "ugyldig" },
      { ruleId: "I4.DRIFTSSTART", severity: "fejl", status: "ugyldig" },
      // and Socialtilsynet's approval (June 2026) would come after the opening
      { ruleId: "R.MILEPAEL.SOCIALTILSYN", severity: "advarsel", status: "ugyldig" },
    ],
  },
  {
    name: "a suggested milestone without month",
    change: (c) => withRowCell(c, "i4.milepaele", 3, "maaned", undefined),
    expect: [{ ruleId: "I4.MILEPAELE", severity: "advarsel", status: "ugyldig" }],
  },
  { name: "milestones in the same month are in order", change: (c) => withRowCell(c, "i4.milepaele", 2, "maaned", "2026-06"), expect: [] },
  { name: "empty free blocks are never checked", change: (c) => withText(withText(c, "indledning.tekst", []), "bilag.tekst", undefined), expect: [] },
];

describe("checkCompleteness", () => {
  it("passes a complete reply of every region, regional and cross-regional, without any finding", () => {
    for (const region of ["hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"]) {
      const report = checkCompleteness(completeReplyContent(region), checkContext(region));
      expect(report.findings, region).toEqual([]);
      expect(report.ok).toBe(true);
      const partner = region === "midtjylland" ? "nordjylland" : "midtjylland";
      expect(checkCompleteness(crossRegionalReplyContent(region, partner), checkContext(region)).findings, `${region} + ${partner}`).toEqual([]);
    }
  });

  it("has exactly one case per rule id", () => {
    const ids = CASES.map((c) => c.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(listRules().map((r) => r.id));
    expect(listRules()).toHaveLength(86); // 76 from the spec and the familieambulatorium, 10 case-worker advarsler
  });

  it.each(CASES)("$ruleId ($severity, $status)", (c) => {
    const report = run(c);
    expect(summary(report.findings)).toEqual([{ ruleId: c.ruleId, severity: c.severity, status: c.status }]);
    const [finding] = report.findings;
    const rule = listRules().find((r) => r.id === c.ruleId)!;
    expect(finding!.blockId).toBe(rule.blockId);
    expect(finding!.message.startsWith(c.status === "mangler" ? "Mangler: " : "Ugyldig: ")).toBe(true);
    expect(finding!.message.endsWith(".")).toBe(true);
    // fieldId points at something the client can jump to: a field key or a textField id of that block
    const block = allBlocks().find((b) => b.id === finding!.blockId)!;
    const targets = [...block.fields.map((f) => f.key), ...block.texts.flatMap((t) => [t.id, ...(t.fields ?? []).map((f) => f.key)])];
    expect(targets).toContain(finding!.fieldId);
    expect(report.ok).toBe(c.severity === "advarsel");
  });

  it.each(VARIANTS)("variant: $name", (v) => {
    expect(summary(run(v).findings)).toEqual(v.expect);
  });

  it("words the findings as the spec does", () => {
    const hjemmel = run({ change: (c) => withText(c, "i1.hjemmel.tekst", wordsText(12)) }).findings[0]!;
    expect(hjemmel.message).toBe("Mangler: Hjemmelsgrundlag – skriv mindst 40 ord (nu 12).");
    expect(hjemmel.fieldId).toBe("i1.hjemmel.tekst");
    const start = run({
      change: (c) => withFields(c, { "i4.driftsstart": "2025-04", "i2.tidsplan.maaned": "2025-03", "i2.tidsplan.status": "indgaaet" }),
    }).findings;
    expect(start.map((f) => f.message)).toEqual([
      "Ugyldig: Forventet driftsstart skal ligge efter svarets dato (maj 2025).",
      "Ugyldig: Milepælen »Godkendelse af tilbuddet i Socialtilsynet« (juni 2026) ligger efter driftsstart (april 2025) – tilbuddet skal være godkendt af Socialtilsynet, før den første kvinde indskrives.",
    ]);
    const alle = run({ change: (c) => withField(c, "i2.parter.kommuner", ["851", "860"]) }).findings[0]!;
    expect(alle.message).toContain("9 af regionens 11 kommuner er ikke med");
    expect(alle.message).toContain("Læsø");
    const element = run({ change: (c) => withField(c, "i1.elementer.E03.status", undefined) }).findings[0]!;
    expect(element.message).toBe("Mangler: Behandlingselement 3 (»Rusmiddel- og alkoholbehandling (+ substitutionsbehandling)«) – markér »Indgår«.");
  });

  it("uses the month of ctx.today as the reply month (a frozen date keeps a text valid)", () => {
    const content = completeReplyContent(REGION);
    expect(checkCompleteness(content, checkContext(REGION, "2026-09-15")).findings.map((f) => f.ruleId)).toEqual([
      "I2.3.DATO",
      "R.AFTALE.MILEPAEL-FORTID",
      "I4.DRIFTSSTART",
      "R.MILEPAEL.FORTID",
    ]);
    expect(checkCompleteness(content, checkContext(REGION, "2025-05-31")).ok).toBe(true);
    // a malformed date cannot be compared with: the date rules stay silent instead of guessing
    expect(checkCompleteness(content, checkContext(REGION, "i morgen")).ok).toBe(true);
  });

  it("reports findings in template order, deterministically", () => {
    const blank: ReplyContent = { templateId: TEMPLATE.templateId, templateVersion: TEMPLATE.version, texts: {}, fields: {} };
    const a = checkCompleteness(blank, checkContext(REGION));
    const b = checkCompleteness(structuredClone(blank), checkContext(REGION));
    expect(a).toEqual(b);
    const order = a.findings.map((f) => blockIndex(f.blockId));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const ruleOrder = listRules().map((r) => r.id);
    const positions = a.findings.map((f) => ruleOrder.indexOf(f.ruleId));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(listRules().map((r) => blockIndex(r.blockId))).toEqual(
      listRules()
        .map((r) => blockIndex(r.blockId))
        .sort((x, y) => x - y),
    );
  });
});

describe("progress", () => {
  it("counts every blocking rule of an item, all met in a complete reply", () => {
    expect(checkCompleteness(completeReplyContent(REGION), checkContext(REGION)).progress).toEqual({
      hoved: { ok: 5, total: 5 },
      "1": { ok: 45, total: 45 },
      "2": { ok: 6, total: 6 },
      "3": { ok: 8, total: 8 },
      "4": { ok: 1, total: 1 },
    });
  });

  it("starts from the seeded values (rules that do not apply count as met)", () => {
    const texts = Object.fromEntries(allTextFields().map((t) => [t.id, paragraphs("")]));
    const seeded: ReplyContent = { templateId: TEMPLATE.templateId, templateVersion: TEMPLATE.version, texts, fields: initialFieldValues(REGION) };
    const report = checkCompleteness(seeded, checkContext(REGION));
    expect(report.ok).toBe(false);
    expect(report.progress).toEqual({
      hoved: { ok: 2, total: 5 }, // region and afsender; kontakt missing
      "1": { ok: 5, total: 45 }, // REGIONER, BEHOV, KAPACITET (cross-regional only), TILBUD (afdeling only), FAMILIEAMBULATORIUM (uncertain data only)
      "2": { ok: 2, total: 6 }, // KOMMUNER (seeded) and DATO (needs status and month)
      "3": { ok: 3, total: 8 }, // KOMMUNE, DELING, NAVN depend on driftsherre
      "4": { ok: 0, total: 1 },
    });
  });

  it("does not count advarsel rules", () => {
    const report = run({ change: (c) => withFields(c, { "i4.forudsaetninger": undefined, "i1.organisering.pladser": undefined }) });
    expect(report.progress["1"]).toEqual({ ok: 45, total: 45 });
    expect(report.ok).toBe(true);
  });
});

describe("checkSubmission", () => {
  const HASH = "a".repeat(64);
  const approvalsOf = (regionId: string, hash = HASH): Approval[] =>
    municipalitiesOf(regionId).map((m) => ({
      kommunekode: m.code,
      godkendtAf: `Borgmester i ${m.name}`,
      tidspunkt: "2025-05-15T10:00:00Z",
      grundlag: "Byrådsbeslutning 12.05.2025, pkt. 7",
      indholdsHash: hash,
    }));
  const ctx = (more: { dato?: string } = {}) => ({ ...checkContext(REGION), expectedHash: HASH, ...more });
  const content = completeReplyContent(REGION);

  it("G.GODKENDELSER: passes with one approval per kommune of the own region for the frozen hash", () => {
    const report = checkSubmission(content, approvalsOf(REGION), ctx({ dato: "2025-05-28" }));
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.kommuner).toHaveLength(11);
    expect(report.kommuner.every((k) => k.state === "godkendt")).toBe(true);
  });

  it("G.GODKENDELSER: lists the kommuner whose approval is missing, by name", () => {
    const approvals = approvalsOf(REGION).filter((a) => a.kommunekode !== "825" && a.kommunekode !== "773");
    const report = checkSubmission(content, approvals, ctx());
    expect(summary(report.findings)).toEqual([{ ruleId: "G.GODKENDELSER", severity: "fejl", status: "mangler" }]);
    expect(report.findings[0]!.message).toBe("Mangler: Godkendelse fra 2 af regionens 11 kommuner: Morsø og Læsø.");
    expect(report.ok).toBe(false);
  });

  it("G.GODKENDELSER: an approval of another version or without basis does not count", () => {
    const approvals = approvalsOf(REGION).map((a) =>
      a.kommunekode === "851" ? { ...a, indholdsHash: "b".repeat(64) } : a.kommunekode === "860" ? { ...a, grundlag: " " } : a,
    );
    const report = checkSubmission(content, approvals, ctx());
    expect(summary(report.findings)).toEqual([{ ruleId: "G.GODKENDELSER", severity: "fejl", status: "ugyldig" }]);
    expect(report.findings[0]!.message).toBe(
      "Ugyldig: Godkendelsen fra Aalborg gælder en anden version af svaret; godkendelsen fra Hjørring mangler godkender, tidspunkt eller grundlag.",
    );
    expect(report.kommuner.find((k) => k.kommunekode === "851")!.state).toBe("anden-version");
  });

  it("G.TVAERREGIONAL: approvals come from the own region only, also for a cross-regional solution", () => {
    const crossContent = crossRegionalReplyContent(REGION, "midtjylland");
    const partnerOnly = checkSubmission(crossContent, approvalsOf("midtjylland"), ctx());
    expect(partnerOnly.findings.map((f) => f.ruleId)).toEqual(["G.GODKENDELSER"]);
    expect(partnerOnly.kommuner.map((k) => k.kommunekode)).toEqual(municipalitiesOf(REGION).map((m) => m.code));
    expect(checkSubmission(crossContent, [...approvalsOf("midtjylland"), ...approvalsOf(REGION)], ctx()).ok).toBe(true);
  });

  it("G.FRIST: a late submission is allowed and flagged by hoved.dato (advarsel)", () => {
    const late = checkSubmission(content, approvalsOf(REGION), ctx({ dato: "2025-06-02" }));
    expect(summary(late.findings)).toEqual([{ ruleId: "HOVED.DATO", severity: "advarsel", status: "ugyldig" }]);
    expect(late.findings[0]!.message).toBe("Svaret indsendes efter fristen 31. maj 2025.");
    expect(late.ok).toBe(true);
    expect(checkSubmission(content, approvalsOf(REGION), ctx({ dato: "2025-05-31" })).findings).toEqual([]);
  });

  it("G.KOMPLET: completeness findings block the submission, hoved findings first", () => {
    const incomplete = withField(content, "hoved.kontakt.navn", undefined);
    const report = checkSubmission(incomplete, [], ctx({ dato: "2025-07-01" }));
    expect(report.findings.map((f) => f.ruleId)).toEqual(["HOVED.KONTAKT.NAVN", "HOVED.DATO", "G.GODKENDELSER"]);
    expect(report.ok).toBe(false);
  });

  it("G.GODKENDELSER: malformed approvals count as missing and never throw", () => {
    const garbage = [null, 7, "x", {}, { kommunekode: 851 }, { kommunekode: "851", indholdsHash: HASH }] as unknown as Approval[];
    const report = checkSubmission(content, garbage, { ...ctx(), expectedHash: "" });
    expect(report.findings.map((f) => f.ruleId)).toEqual(["G.GODKENDELSER"]);
  });
});

describe("words", () => {
  it("counts letters and digits in text nodes only", () => {
    expect(countWords(paragraphs("Hjemmel efter § 107, stk. 3 – ø-sø og æbler."))).toBe(9);
    expect(countWords([{ type: "heading", attrs: { level: 4, title: "ikke ord" }, content: [{ type: "text", text: "To ord" }] }])).toBe(2);
    expect(
      countWords([
        {
          type: "paragraph",
          content: [
            { type: "text", text: "fed", marks: [{ type: "bold" }] },
            { type: "text", text: "tekst" },
          ],
        },
      ]),
    ).toBe(2);
    expect(countWords([])).toBe(0);
    expect(plainText(paragraphs("a", "b"))).toBe("a b");
  });

  it("never throws on garbage or cyclic nodes", () => {
    const cyclic: { type: string; content: unknown[] } = { type: "paragraph", content: [] };
    cyclic.content.push(cyclic, { type: "text", text: "en" });
    let deep: unknown = { type: "text", text: "dyb" };
    for (let i = 0; i < 100_000; i++) deep = { type: "paragraph", content: [deep] };
    const nodes = [cyclic, deep, null, 5, "text", { type: "text", text: 5 }, { type: "text" }, { content: "x" }] as never[];
    expect(countWords(nodes)).toBe(2);
    expect(countWords("nope" as never)).toBe(0);
  });
});

describe("robustness", () => {
  const keys = allFields().map((f) => f.key);
  const textIds = allTextFields().map((t) => t.id);
  const ctx = checkContext(REGION);
  const wellFormed = (report: ReturnType<typeof checkCompleteness>) => {
    expect(typeof report.ok).toBe("boolean");
    for (const f of report.findings) expect(listRules().some((r) => r.id === f.ruleId)).toBe(true);
    for (const p of Object.values(report.progress)) expect(p.ok).toBeLessThanOrEqual(p.total);
  };

  it("treats hand-picked garbage values as unset and never throws", () => {
    const garbage: unknown[] = [NaN, Infinity, -1, 1.5, {}, [], [null], [{}], [[1]], [1, "x", {}], "x", "", true, false, Object.create(null), { id: 5 }];
    for (const value of garbage) {
      const fields = Object.fromEntries(keys.map((k) => [k, value])) as Record<string, FieldValue>;
      const texts = Object.fromEntries(textIds.map((id) => [id, value])) as ReplyContent["texts"];
      wellFormed(checkCompleteness({ templateId: "x", templateVersion: 1, texts, fields }, ctx));
    }
    for (const content of [null, undefined, 5, "x", [], { fields: "x", texts: 5 }, { fields: null, texts: [] }]) {
      wellFormed(checkCompleteness(content as unknown as ReplyContent, ctx));
    }
  });

  it("never throws on arbitrary JSON in fields and texts (property, seed printed on failure)", () => {
    const fieldsArb = fc.dictionary(fc.constantFrom(...keys), fc.jsonValue(), { maxKeys: 40 });
    const textsArb = fc.dictionary(fc.constantFrom(...textIds), fc.anything(), { maxKeys: 10 });
    fc.assert(
      fc.property(fieldsArb, textsArb, (fields, texts) => {
        const content = { templateId: TEMPLATE.templateId, templateVersion: 1, texts, fields } as unknown as ReplyContent;
        const report = checkCompleteness(content, ctx);
        wellFormed(report);
        expect(checkCompleteness(content, ctx)).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws when garbage is mixed into a complete reply", () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        wellFormed(checkCompleteness(withField(completeReplyContent(REGION), key, value), ctx));
      }),
      { numRuns: 300 },
    );
  });

  it("does not change its input", () => {
    const content = completeReplyContent(REGION);
    const before = structuredClone(content);
    checkCompleteness(content, ctx);
    expect(content).toEqual(before);
  });
});
