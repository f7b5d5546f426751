/**
 * The reply template "Svar på anmodning om fornyet behandling af central udmelding", version 1,
 * as data (spec: docs/design/reply-template.md). Headings, guidance, labels and choice options
 * are the Danish texts of the spec, verbatim; the rules that check a reply against this data live
 * in ./completeness.ts and ./rules/.
 *
 * Keys: a block's id is "<item>.<name>"; its typed fields are keyed "<block id>.<name>" and its
 * rich-text fields have the id "<block id>.<name>". Items that consist of one block (hoved,
 * indledning, i4, bilag) use the item id as the block id; such an "item-level" block repeats the
 * item heading and has no number, so renderers show only one of the two (see isItemLevelBlock).
 *
 * Changing anything a reply stores (a key, an option value, a textField id, an element) is a new
 * template version; wording of labels and guidance is not stored in replies.
 */
import type { BlockDef, ChoiceOption, FieldDef, ItemDef, ProgressKey, TemplateDef, TextFieldDef } from "./types.js";

export const TEMPLATE_ID = "sbst-fornyet-behandling-2025";
export const TEMPLATE_VERSION = 1;

export { SUBMISSION_DEADLINE } from "../deadline.js";

/** The suggested milestones of item 4, prefilled by the seed (spec §5). */
export const SUGGESTED_MILESTONES: readonly string[] = [
  "Politisk behandling i kommunalbestyrelserne",
  "Godkendelse af tilbuddet i Socialtilsynet",
  "Rekruttering og kompetenceudvikling",
  "Fuld kapacitet",
];

/** The 11 treatment elements the offer must be able to provide (request l. 712–744, footnote numbers removed). */
export const TREATMENT_ELEMENTS: readonly { id: string; text: string }[] = [
  { id: "E01", text: "Særlige fysiske rammer som kan imødekomme behovet for et skærmet miljø med ro og stabilitet for den enkelte familie" },
  { id: "E02", text: "Forældreforberedelse og familiebehandling ud fra en mentaliserings- og traumebaseret tilgang" },
  { id: "E03", text: "Rusmiddel- og alkoholbehandling (+ substitutionsbehandling). Det skal være muligt at blive indskrevet med et aktivt rusmiddelbrug" },
  { id: "E04", text: "Mulighed for tilbageholdelse i behandlingen" },
  { id: "E05", text: "Tæt tværsektorielt samarbejde med det lokale familieambulatorie" },
  { id: "E06", text: "Mulighed for helhedsorienteret afdækning af familiens samlede problemstillinger" },
  { id: "E07", text: "Støtte, ophold og familie/rusmiddelbehandling til partner" },
  { id: "E08", text: "Støtte og ophold til eventuelle andre børn i familien" },
  { id: "E09", text: "Mulighed for psykologsamtaler" },
  { id: "E10", text: "Støtte til at møde op i psykiatrisk behandling, aftaler i kommunalt regi og konsultationer i familieambulatoriet" },
  { id: "E11", text: "Mulighed for fortsat ophold og behandling efter fødslen for hele familien" },
];

/** The own region's familieambulatorium as the region confirmed it, where regions.json is uncertain (issue 18, item 4). */
export const CONFIRMED_FAMILIEAMBULATORIUM = "i1.familieambulatorium.bekraeftet";

/** The one number of a treatment element (E03 → 3), shown in the editor, the messages and the letter alike. */
export function elementNumber(id: string): number {
  return Number(id.slice(1));
}

const LEVERING: ChoiceOption[] = [
  { value: "egen", label: "Egen indsats" },
  { value: "tilkoeb", label: "Tilkøbes / via samarbejde" },
];

function elementText(el: { id: string; text: string }): TextFieldDef {
  const base = `i1.elementer.${el.id}`;
  const fields: FieldDef[] = [
    {
      key: `${base}.status`,
      type: "choice",
      label: "Status",
      options: [
        { value: "indgaar", label: "Indgår" },
        { value: "indgaarIkke", label: "Indgår ikke" },
      ],
    },
    { key: `${base}.levering`, type: "choice", label: "Levering", options: LEVERING, optional: true },
  ];
  if (el.id === "E03") fields.push({ key: `${base}.aktivt`, type: "check", label: "Indskrivning med aktivt rusmiddelbrug er mulig" });
  return { id: `${base}.hvordan`, label: `${elementNumber(el.id)}. ${el.text}`, fields };
}

const hoved: ItemDef = {
  id: "hoved",
  heading: "Dokumenthoved",
  optional: false,
  blocks: [
    {
      id: "hoved",
      itemId: "hoved",
      heading: "Dokumenthoved",
      fields: [
        { key: "hoved.modtager", type: "fixed", label: "Modtager", fixedText: "Social- og Boligstyrelsen" },
        {
          key: "hoved.emne",
          type: "fixed",
          label: "Emne",
          fixedText: "Svar på anmodning om fornyet behandling af central udmelding – døgnbehandlingstilbud til udsatte gravide med skadeligt rusmiddelbrug",
        },
        { key: "hoved.hjemmel", type: "fixed", label: "Hjemmel", fixedText: "jf. servicelovens § 13 b, stk. 3" },
        { key: "hoved.jnr", type: "line", label: "Styrelsens j.nr.", optional: true },
        { key: "hoved.anmodningsdato", type: "date", label: "Dato for styrelsens anmodning", optional: true },
        { key: "hoved.voresJnr", type: "line", label: "Vores j.nr.", optional: true },
        { key: "hoved.region", type: "derived", label: "Region", fixedText: "The document's region (server-set, read-only)" },
        { key: "hoved.afsender", type: "line", label: "Afsender" },
        { key: "hoved.kontakt.navn", type: "line", label: "Kontaktpersonens navn" },
        { key: "hoved.kontakt.organisation", type: "line", label: "Kontaktpersonens organisation" },
        { key: "hoved.kontakt.email", type: "line", label: "Kontaktpersonens e-mail" },
        { key: "hoved.kontakt.telefon", type: "line", label: "Kontaktpersonens telefon", optional: true },
        { key: "hoved.dato", type: "derived", label: "Dato", fixedText: "Set by the server at submission; outside the approved content hash" },
        { key: "hoved.frist", type: "fixed", label: "Svarfrist", fixedText: "31. maj 2025" },
        { key: "hoved.kommuner", type: "derived", label: "Kommuner i regionen", fixedText: "All kommuner of the region in regions.json" },
      ],
      texts: [],
    },
  ],
};

const indledning: ItemDef = {
  id: "indledning",
  heading: "Indledning",
  optional: true,
  blocks: [{ id: "indledning", itemId: "indledning", heading: "Indledning", fields: [], texts: [{ id: "indledning.tekst", label: "Indledning" }] }],
};

const i1: ItemDef = {
  id: "i1",
  heading: "1. Konkret løsningsforslag til model for etablering af døgnbehandlingstilbud/-afdeling",
  guidance:
    "Beskriv en konkret model for etablering af døgnbehandlingstilbuddet/-afdelingen i regionen, herunder hjemmelsgrundlag, evt. tilknytning til eksisterende tilbud, indholdet i den faglige indsats, kompetencesammensætning og geografisk placering. Løsningen skal kunne levere en højt specialiseret indsats, der rummer både familie- og rusmiddelbehandling.",
  optional: false,
  blocks: [
    {
      id: "i1.organisering",
      itemId: "i1",
      number: "1.1",
      heading: "Regional eller tværregional løsning",
      guidance:
        "En løsning kan etableres i samarbejde med kommuner i andre regioner, hvis det er fagligt og geografisk hensigtsmæssigt – under forudsætning af, at kapaciteten kan imødekomme behovet i hver enkelt region, og at kvinderne og deres familier kan tilbydes en indsats inden for en rimelig afstand af deres lokalområde.",
      fields: [
        {
          key: "i1.organisering.omfang",
          type: "choice",
          label: "Løsningens omfang",
          options: [
            { value: "regional", label: "Regional løsning (kommunerne i regionen)" },
            { value: "tvaerregional", label: "Tværregional løsning (i samarbejde med kommuner i andre regioner)" },
          ],
        },
        { key: "i1.organisering.regioner", type: "region[]", label: "Øvrige regioner i samarbejdet" },
        {
          key: "i1.organisering.behov",
          type: "rows",
          label: "Behov pr. region",
          columns: [
            { key: "region", label: "Region", type: "region" },
            { key: "kvinderPrAar", label: "Kvinder pr. år", type: "int" },
          ],
        },
        { key: "i1.organisering.pladser", type: "int", label: "Antal pladser" },
        { key: "i1.organisering.kapacitet", type: "int", label: "Forventet kapacitet (kvinder pr. år)" },
      ],
      texts: [{ id: "i1.organisering.kapacitetTekst", label: "Kapaciteten i forhold til behovet i hver region" }],
    },
    {
      id: "i1.hjemmel",
      itemId: "i1",
      number: "1.2",
      heading: "Hjemmelsgrundlag",
      guidance:
        "Beskriv hjemmelsgrundlaget for tilbuddet/afdelingen – også for ophold for partner og eventuelle andre børn og for tilbageholdelse (jf. lov om tilbageholdelse af stofmisbrugere i behandling § 1 og sundhedslovens § 141 b).",
      fields: [],
      texts: [{ id: "i1.hjemmel.tekst", label: "Hjemmelsgrundlag" }],
    },
    {
      id: "i1.tilknytning",
      itemId: "i1",
      number: "1.3",
      heading: "Tilknytning til eksisterende tilbud",
      guidance:
        "Angiv, om der etableres et nyt selvstændigt tilbud eller en afdeling på et eksisterende tilbud, og beskriv sammenhængen til den eksisterende/øvrige tilbudsstruktur på socialområdet i regionen.",
      fields: [
        {
          key: "i1.tilknytning.form",
          type: "choice",
          label: "Nyt tilbud eller afdeling",
          options: [
            { value: "nyt", label: "Nyt selvstændigt tilbud" },
            { value: "afdeling", label: "Afdeling på eksisterende tilbud" },
          ],
        },
        { key: "i1.tilknytning.tilbud", type: "line", label: "Navn på eksisterende tilbud" },
        { key: "i1.tilknytning.tilbudKommune", type: "kommune", label: "Det eksisterende tilbuds kommune" },
      ],
      texts: [{ id: "i1.tilknytning.sammenhaeng", label: "Sammenhæng til den øvrige tilbudsstruktur" }],
    },
    {
      id: "i1.indsats",
      itemId: "i1",
      number: "1.4",
      heading: "Indholdet i den faglige indsats",
      guidance:
        "Beskriv den faglige indsats, herunder hvordan tilbuddet vil arbejde med en kombineret familie- og rusmiddelbehandling. Hent fx inspiration i Social- og Boligstyrelsens forløbsbeskrivelse for målgruppen.",
      fields: [],
      texts: [{ id: "i1.indsats.tekst", label: "Den faglige indsats" }],
    },
    {
      id: "i1.elementer",
      itemId: "i1",
      number: "1.5",
      heading: "Behandlingselementer",
      guidance:
        "Døgnbehandlingsindsatsen skal kunne tilbyde følgende elementer i behandlingen. Markér hvert element »Indgår« og beskriv kort hvordan. Substitutionsbehandling og psykologsamtaler kan tilkøbes (fodnote 10 og 12).",
      fields: [],
      texts: TREATMENT_ELEMENTS.map(elementText),
    },
    {
      id: "i1.kompetencer",
      itemId: "i1",
      number: "1.6",
      heading: "Kompetencesammensætning",
      guidance: "Beskriv faggrupper, antal årsværk og hvilke kompetencer der tilkøbes.",
      fields: [
        {
          key: "i1.kompetencer.tabel",
          type: "rows",
          label: "Faggrupper og årsværk",
          columns: [
            { key: "faggruppe", label: "Faggruppe", type: "line" },
            { key: "aarsvaerk", label: "Årsværk", type: "number" },
            { key: "levering", label: "Levering", type: "choice", options: LEVERING, optional: true },
          ],
        },
      ],
      texts: [{ id: "i1.kompetencer.tekst", label: "Kompetencesammensætning" }],
    },
    {
      id: "i1.placering",
      itemId: "i1",
      number: "1.7",
      heading: "Geografisk placering",
      guidance:
        "Angiv, hvor tilbuddet foreslås placeret, og hvordan placeringen gør det reelt tilgængeligt for kvinderne og deres familier – inden for en rimelig afstand af deres lokalområde.",
      fields: [
        {
          key: "i1.placering.lokationer",
          type: "rows",
          label: "Placering",
          columns: [
            { key: "kommune", label: "Kommune", type: "kommune" },
            { key: "stednavn", label: "Stednavn", type: "line", optional: true },
          ],
        },
      ],
      texts: [{ id: "i1.placering.tilgaengelighed", label: "Tilgængelighed for kvinderne og deres familier" }],
    },
    {
      id: "i1.specialisering",
      itemId: "i1",
      number: "1.8",
      heading: "Opnåelse af tilstrækkelig specialisering",
      guidance:
        "Beskriv hvordan, og inden for hvilken tidshorisont, tilbuddet forventes at opnå en tilstrækkelig specialisering. Styrelsen vurderer ud fra fire parametre: aktiv praksis, kompetencer, samarbejdsformer og vidensdistribution.",
      fields: [{ key: "i1.specialisering.senest", type: "monthYear", label: "Tilstrækkelig specialisering forventes opnået (måned/år)" }],
      texts: [
        { id: "i1.specialisering.aktivPraksis", label: "Aktiv praksis" },
        { id: "i1.specialisering.kompetencer", label: "Kompetencer" },
        { id: "i1.specialisering.samarbejdsformer", label: "Samarbejdsformer" },
        { id: "i1.specialisering.vidensdistribution", label: "Vidensdistribution" },
      ],
    },
    {
      id: "i1.familieambulatorium",
      itemId: "i1",
      number: "1.9",
      heading: "Samarbejde med familieambulatoriet",
      guidance:
        "Beskriv samarbejdet med familieambulatoriet om den kombinerede familie- og rusmiddelbehandling, og hvordan tilbuddet varetager en tovholder- og brobyggerfunktion mellem familieambulatoriet, handlekommunen og øvrige aktører.",
      fields: [
        {
          key: "i1.familieambulatorium.familieambulatorier",
          type: "derived",
          label: "Familieambulatorier",
          fixedText: "The familieambulatorium of each participating region (regions.json), read-only",
        },
        {
          key: CONFIRMED_FAMILIEAMBULATORIUM,
          type: "line",
          label: "Familieambulatoriets navn, bekræftet af regionen",
          optional: true,
          help: "Skal udfyldes, når oplysningen om regionens familieambulatorium er usikker: skriv navnet, som regionen har bekræftet det. Familieambulatoriet står som part i det forseglede svar.",
        },
        { key: "i1.familieambulatorium.tovholder", type: "check", label: "Tilbuddet påtager sig tovholder- og brobyggerfunktionen" },
      ],
      texts: [
        { id: "i1.familieambulatorium.tekst", label: "Samarbejdet med familieambulatoriet" },
        { id: "i1.familieambulatorium.tovholderTekst", label: "Tovholder- og brobyggerfunktionen" },
      ],
    },
    {
      id: "i1.vidensmiljoe",
      itemId: "i1",
      number: "1.10",
      heading: "Samarbejde mellem de højt specialiserede tilbud (nationalt fagligt vidensmiljø)",
      guidance:
        "Giv et forslag til, hvordan der kan etableres et samarbejde mellem de højt specialiserede døgnbehandlingstilbud/-afdelinger med henblik på et nationalt fagligt vidensmiljø om målgruppen.",
      fields: [],
      texts: [{ id: "i1.vidensmiljoe.tekst", label: "Nationalt fagligt vidensmiljø" }],
    },
  ],
};

const MILESTONE_COLUMNS: FieldDef["columns"] = [
  { key: "betegnelse", label: "Milepæl", type: "line" },
  { key: "maaned", label: "Måned/år", type: "monthYear" },
];

const i2: ItemDef = {
  id: "i2",
  heading:
    "2. Tidsperspektiv for indgåelse af et formaliseret og struktureret samarbejde mellem kommunernes tilbud og det regionale familieambulatorie (samarbejdsaftale)",
  guidance:
    "Beskriv en plan for, hvordan kommunerne i regionen vil oprette et koordineret samarbejde og etablere konkrete skriftlige samarbejdsaftaler mellem de relevante kommuner og det regionale familieambulatorium – og hvornår.",
  optional: false,
  blocks: [
    {
      id: "i2.parter",
      itemId: "i2",
      number: "2.1",
      heading: "Parter i samarbejdsaftalen",
      fields: [
        {
          key: "i2.parter.familieambulatorier",
          type: "derived",
          label: "Familieambulatorier",
          fixedText: "The familieambulatorium of each participating region (regions.json), read-only",
        },
        { key: "i2.parter.kommuner", type: "kommune[]", label: "Kommuner, der indgår i aftalen" },
        {
          key: "i2.parter.aftaleform",
          type: "choice",
          label: "Aftaleform",
          options: [
            { value: "faelles", label: "Én fælles aftale for alle kommuner i regionen" },
            { value: "flere", label: "Flere aftaler (fx pr. kommune eller klynge)" },
          ],
        },
        { key: "i2.parter.doegntilbudPart", type: "check", label: "Døgnbehandlingstilbuddet/-afdelingen er part i aftalen" },
      ],
      texts: [],
    },
    {
      id: "i2.plan",
      itemId: "i2",
      number: "2.2",
      heading: "Plan for koordineret samarbejde",
      guidance: "Beskriv roller og procedurer for samarbejdet om den enkelte gravide, og hvem der indgår aftalen.",
      fields: [],
      texts: [{ id: "i2.plan.tekst", label: "Plan for koordineret samarbejde" }],
    },
    {
      id: "i2.tidsplan",
      itemId: "i2",
      number: "2.3",
      heading: "Tidsplan for samarbejdsaftalen",
      fields: [
        {
          key: "i2.tidsplan.status",
          type: "choice",
          label: "Status for aftalen",
          options: [
            { value: "planlagt", label: "Aftalen indgås senest" },
            { value: "indgaaet", label: "Aftalen er allerede indgået" },
          ],
        },
        { key: "i2.tidsplan.maaned", type: "monthYear", label: "Tidspunkt for aftalen (måned/år)" },
        { key: "i2.tidsplan.milepaele", type: "rows", label: "Milepæle for samarbejdsaftalen", columns: MILESTONE_COLUMNS, optional: true },
      ],
      texts: [],
    },
  ],
};

const i3: ItemDef = {
  id: "i3",
  heading: "3. Forslag til finansieringsmodel for etablering af døgnbehandlingstilbud/-afdeling",
  guidance:
    "Giv et forslag til finansiering af døgnbehandlingstilbuddet/-afdelingen, herunder overvejelser om, hvorvidt der etableres et nyt tilbud eller en afdeling på et eksisterende tilbud. Placeres driftsansvaret på kommunalt niveau, skal det fremgå, hvis driftsansvaret deles mellem flere kommunalbestyrelser.",
  optional: false,
  blocks: [
    {
      id: "i3.form",
      itemId: "i3",
      number: "3.1",
      heading: "Nyt tilbud eller afdeling",
      fields: [
        // Single source of truth is i1.tilknytning.form (spec §4, 3.1): shown here read-only with a link.
        { key: "i3.form.tilbudsform", type: "derived", label: "Nyt tilbud eller afdeling", fixedText: "i1.tilknytning.form" },
      ],
      texts: [{ id: "i3.form.overvejelser", label: "Overvejelser om nyt tilbud eller afdeling" }],
    },
    {
      id: "i3.driftsansvar",
      itemId: "i3",
      number: "3.2",
      heading: "Driftsansvar",
      fields: [
        {
          key: "i3.driftsansvar.driftsherre",
          type: "choice",
          label: "Driftsherre",
          options: [
            { value: "kommunalEn", label: "Kommunalt – én kommunalbestyrelse" },
            { value: "kommunalDelt", label: "Kommunalt – delt mellem flere kommunalbestyrelser" },
            { value: "regionalt", label: "Regionalt (regionsrådet)" },
            { value: "privat", label: "Selvejende eller privat tilbud (efter aftale)" },
          ],
        },
        { key: "i3.driftsansvar.driftskommuner", type: "kommune[]", label: "Driftskommune(r)" },
        { key: "i3.driftsansvar.navn", type: "line", label: "Driftsherrens navn" },
      ],
      texts: [{ id: "i3.driftsansvar.deling", label: "Deling af driftsansvaret mellem kommunalbestyrelserne" }],
    },
    {
      id: "i3.finansiering",
      itemId: "i3",
      number: "3.3",
      heading: "Finansieringsmodel",
      fields: [
        {
          key: "i3.finansiering.modeller",
          type: "multi",
          label: "Finansieringsmodel",
          options: [
            { value: "takst", label: "Takstfinansiering" },
            { value: "objektiv", label: "Objektiv finansiering" },
            { value: "delvisObjektiv", label: "Delvis objektiv finansiering" },
            { value: "andet", label: "Anden model" },
          ],
        },
        { key: "i3.finansiering.etableringKr", type: "int", label: "Anslåede etableringsudgifter (kr.)", optional: true },
        { key: "i3.finansiering.driftKrPrAar", type: "int", label: "Anslåede driftsudgifter (kr. pr. år)", optional: true },
      ],
      texts: [
        { id: "i3.finansiering.etablering", label: "Finansiering af etablering" },
        { id: "i3.finansiering.drift", label: "Finansiering af drift (herunder belægningsrisiko)" },
      ],
    },
  ],
};

const i4: ItemDef = {
  id: "i4",
  heading: "4. Tidsperspektiv for etablering af døgnbehandlingstilbud",
  guidance: "Giv et skøn over det tidsmæssige perspektiv for etablering af døgnbehandlingstilbuddet/-afdelingen i regionen.",
  optional: false,
  blocks: [
    {
      id: "i4",
      itemId: "i4",
      heading: "Tidsperspektiv for etablering af døgnbehandlingstilbud",
      fields: [
        { key: "i4.driftsstart", type: "monthYear", label: "Forventet driftsstart (første indskrivning)" },
        { key: "i4.milepaele", type: "rows", label: "Milepæle", columns: MILESTONE_COLUMNS, optional: true },
      ],
      texts: [{ id: "i4.forudsaetninger", label: "Forudsætninger og usikkerheder" }],
    },
  ],
};

const bilag: ItemDef = {
  id: "bilag",
  heading: "Bilag",
  optional: true,
  blocks: [{ id: "bilag", itemId: "bilag", heading: "Bilag", fields: [], texts: [{ id: "bilag.tekst", label: "Bilag" }] }],
};

export const TEMPLATE: TemplateDef = {
  templateId: TEMPLATE_ID,
  version: TEMPLATE_VERSION,
  title: "Svar på anmodning om fornyet behandling af central udmelding",
  items: [hoved, indledning, i1, i2, i3, i4, bilag],
  // The product's numbers (P) in one table: word minimums of text fields, keyed by rule id.
  // "I1.5.HVORDAN" applies to every element rule I1.5.HVORDAN.E01 … E11; "I1.6.BREDDE" is a
  // number of distinct staff groups, not words.
  minimums: {
    "I1.1.KAPACITET": 30,
    "I1.2.TEKST": 40,
    "I1.3.SAMMENHAENG": 40,
    "I1.4.TEKST": 150,
    "I1.5.HVORDAN": 15,
    "I1.6.TEKST": 40,
    "I1.6.BREDDE": 3,
    "I1.7.TILGAENGELIGHED": 40,
    "I1.8.AKTIVPRAKSIS": 40,
    "I1.8.KOMPETENCER": 40,
    "I1.8.SAMARBEJDSFORMER": 40,
    "I1.8.VIDENSDISTRIBUTION": 40,
    "I1.9.TEKST": 60,
    "I1.9.TOVHOLDER": 30,
    "I1.10.TEKST": 40,
    "I2.2.TEKST": 60,
    "I3.1.OVERVEJELSER": 30,
    "I3.2.DELING": 30,
    "I3.3.ETABLERING": 30,
    "I3.3.DRIFT": 30,
    "I4.FORUDSAETNINGER": 30,
  },
};

// ---------------------------------------------------------------------------------------------
// Lookups (built once; the template is immutable data)
// ---------------------------------------------------------------------------------------------

const BLOCKS: readonly BlockDef[] = TEMPLATE.items.flatMap((item) => item.blocks);
const BLOCK_BY_ID = new Map(BLOCKS.map((b) => [b.id, b]));
const TEXT_FIELDS: readonly TextFieldDef[] = BLOCKS.flatMap((b) => b.texts);
const FIELDS: readonly FieldDef[] = BLOCKS.flatMap((b) => [...b.fields, ...b.texts.flatMap((t) => t.fields ?? [])]);
const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));
const TEXT_BY_ID = new Map(TEXT_FIELDS.map((t) => [t.id, t]));
const BLOCK_OF_TEXT = new Map(BLOCKS.flatMap((b) => b.texts.map((t) => [t.id, b.id] as const)));
const BLOCK_INDEX = new Map(BLOCKS.map((b, i) => [b.id, i]));

const PROGRESS_KEYS: Partial<Record<string, ProgressKey>> = { hoved: "hoved", i1: "1", i2: "2", i3: "3", i4: "4" };

/** Every block in template order. */
export function allBlocks(): readonly BlockDef[] {
  return BLOCKS;
}

export function findBlock(id: string): BlockDef | undefined {
  return BLOCK_BY_ID.get(id);
}

/** Position of a block in template order (-1 if unknown); used to order findings. */
export function blockIndex(id: string): number {
  return BLOCK_INDEX.get(id) ?? -1;
}

/** A typed field by its full key, including the fields shown with a text field. */
export function findField(key: string): FieldDef | undefined {
  return FIELD_BY_KEY.get(key);
}

/** Every typed field (including fixed and derived ones) in template order. */
export function allFields(): readonly FieldDef[] {
  return FIELDS;
}

/** Every rich-text field in template order (the order of textField nodes in the document). */
export function allTextFields(): readonly TextFieldDef[] {
  return TEXT_FIELDS;
}

export function findTextField(id: string): TextFieldDef | undefined {
  return TEXT_BY_ID.get(id);
}

/** The block that holds a text field. */
export function blockOfTextField(id: string): string | undefined {
  return BLOCK_OF_TEXT.get(id);
}

/** The progress bucket of a block; the free blocks (indledning, bilag) have none. */
export function progressKeyOfBlock(blockId: string): ProgressKey | undefined {
  const block = BLOCK_BY_ID.get(blockId);
  return block ? PROGRESS_KEYS[block.itemId] : undefined;
}

/** True for the only block of a single-block item: its heading repeats the item heading. */
export function isItemLevelBlock(block: BlockDef): boolean {
  return block.id === block.itemId;
}
