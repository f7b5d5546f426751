/**
 * A realistic, complete reply of one region (every rule of the template satisfied, no findings at
 * all on CHECK_TODAY) and small helpers to change exactly one piece of it.
 */
import type { CheckContext, FieldValue, PMNodeJSON, ReplyContent, RowValue } from "../../shared/template/types.js";
import { CONFIRMED_FAMILIEAMBULATORIUM, TEMPLATE } from "../../shared/template/definition.js";
import { initialFieldValues } from "../../shared/template/seed.js";
import { REGIONS, findRegion, municipalitiesOf } from "../../shared/regions.js";

/** The drafting date the fixtures are complete on (reply month: May 2025, before the deadline). */
export const CHECK_TODAY = "2025-05-20";

export function checkContext(regionId = "nordjylland", today = CHECK_TODAY): CheckContext {
  return { regionId, regions: REGIONS, today };
}

/** The kommune that hosts the unit and its partner in the shared operation, per region. */
const HOST_KOMMUNER: Record<string, [string, string]> = {
  hovedstaden: ["101", "147"], // København, Frederiksberg
  sjaelland: ["265", "259"], // Roskilde, Køge
  syddanmark: ["461", "561"], // Odense, Esbjerg
  midtjylland: ["751", "615"], // Aarhus, Horsens
  nordjylland: ["851", "860"], // Aalborg, Hjørring
};

export function paragraphs(...texts: string[]): PMNodeJSON[] {
  return texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] }));
}

function bulletList(...items: string[]): PMNodeJSON {
  return { type: "bulletList", content: items.map((text) => ({ type: "listItem", content: paragraphs(text) })) };
}

/** A text of exactly `n` words. */
export function wordsText(n: number): string {
  return Array.from({ length: n }, (_, i) => `ord${i + 1}`).join(" ");
}

const ELEMENT_TEXTS: Record<string, string> = {
  E01: "Afdelingen indrettes med fem selvstændige familieboliger med eget køkken og adgang til en skærmet have, så hver familie har ro, stabilitet og privatliv.",
  E02: "Forældreforberedelsen og familiebehandlingen gives af familiebehandlere uddannet i mentaliseringsbaseret og traumebevidst behandling med ugentlige samtaler og daglig støtte i samspillet med barnet.",
  E03: "Rusmiddel- og alkoholbehandlingen gives af afdelingens egne behandlere, mens substitutionsbehandling tilkøbes hos den kommunale misbrugslæge. Kvinden kan indskrives med et aktivt rusmiddelbrug.",
  E04: "Tilbageholdelse kan aftales skriftligt ved indskrivningen efter reglerne i lov om tilbageholdelse af stofmisbrugere i behandling, og afdelingen har faste procedurer for opfølgning.",
  E05: "Familieambulatoriet deltager i indskrivningen, i månedlige statusmøder og i planlægningen af fødslen, og der er faste kontaktpersoner i begge enheder.",
  E06: "Ved indskrivningen gennemføres en helhedsorienteret afdækning af helbred, rusmiddelbrug, psykiske vanskeligheder, økonomi, bolig og netværk sammen med handlekommunen.",
  E07: "Partneren kan bo i afdelingen og modtage støtte, familiebehandling og rusmiddelbehandling efter en individuel plan, der koordineres med partnerens egen kommune.",
  E08: "Eventuelle andre børn kan bo sammen med familien, og afdelingen samarbejder med dagtilbud og skole i nærområdet om den nødvendige støtte til børnene.",
  E09: "Psykologsamtaler tilkøbes hos en fast tilknyttet psykolog med erfaring i traumer og rusmiddelbrug, så kvinden kan få samtaler efter behov.",
  E10: "Medarbejderne ledsager kvinden til psykiatrisk behandling, møder i kommunen og konsultationer i familieambulatoriet og hjælper med at forberede og følge op på aftalerne.",
  E11: "Familien kan fortsætte opholdet efter fødslen, typisk i op til tolv måneder, med gradvis udslusning til eget hjem og opfølgning fra afdelingen.",
};

function texts(regionName: string, fa: string, host: string, partner: string): Record<string, PMNodeJSON[]> {
  const t: Record<string, PMNodeJSON[]> = {
    "indledning.tekst": paragraphs(
      `Kommunalbestyrelserne i ${regionName} takker for anmodningen og fremsender hermed en koordineret løsning, som er drøftet i KKR og i de enkelte kommuner.`,
    ),
    "i1.organisering.kapacitetTekst": paragraphs(
      "Tilbuddet dimensioneres, så kapaciteten dækker det skønnede behov i hver af de deltagende regioner. Fordelingen af pladser aftales årligt i en fælles styregruppe på baggrund af den faktiske belægning, og ved ventetid prioriteres kvinder tidligt i graviditeten uanset bopælsregion. Kapaciteten vurderes igen efter to års drift.",
    ),
    "i1.hjemmel.tekst": paragraphs(
      "Tilbuddet etableres som et botilbud efter servicelovens § 107 kombineret med døgnbehandling for stofmisbrug efter servicelovens § 101 og alkoholbehandling efter sundhedslovens § 141.",
      "Ophold for partner og eventuelle andre børn sker som familiebehandling efter barnets lov § 32, stk. 1, nr. 6. Tilbageholdelse i behandlingen sker efter lov om tilbageholdelse af stofmisbrugere i behandling § 1 og sundhedslovens § 141 b på grundlag af en forudgående skriftlig aftale med kvinden.",
    ),
    "i1.tilknytning.sammenhaeng": paragraphs(
      `Afdelingen etableres på Familiecentret i ${host}, der i dag driver familiebehandling og døgnbehandling for stofmisbrug. Dermed bygger løsningen på eksisterende faglige miljøer og bygninger. Afdelingen indgår i rammeaftalen for ${regionName} og supplerer de kommunale ambulante tilbud, familieambulatoriet og de eksisterende familiepladser, så kvinderne kan visiteres videre uden brud i forløbet.`,
    ),
    "i1.indsats.tekst": [
      ...paragraphs(
        "Indsatsen bygger på Social- og Boligstyrelsens forløbsbeskrivelse for udsatte gravide med skadeligt rusmiddelbrug og kombinerer familiebehandling og rusmiddelbehandling i ét samlet døgnforløb. Kvinden kan indskrives fra det tidspunkt i graviditeten, hvor behovet opstår, og forløbet fortsætter efter fødslen, så længe familien har brug for det.",
        "Ved indskrivningen udarbejdes en samlet plan sammen med kvinden, partneren, handlekommunen og familieambulatoriet. Planen beskriver mål for rusmiddelbehandlingen, forberedelsen til forældrerollen og barnets trivsel. Indsatsen består af:",
      ),
      bulletList(
        "rusmiddelbehandling med motiverende samtaler, kognitiv behandling og abstinensbehandling i samarbejde med læge",
        "familiebehandling med en mentaliserings- og traumebaseret tilgang, video-feedback og tilknytningsarbejde",
        "praktisk støtte i hverdagen og hjælp til kontakt med myndigheder",
      ),
      ...paragraphs(
        "Personalet er til stede døgnet rundt og arbejder efter fælles faglige metoder, som følges op med supervision. Efter fødslen observeres samspillet mellem forældre og barn tæt, og der arbejdes målrettet med overgangen til eget hjem, herunder netværk, bolig, beskæftigelse og et fortsat ambulant forløb i hjemkommunen. Indsatsen evalueres løbende med fælles redskaber, så resultaterne kan sammenlignes med de øvrige regioners tilbud.",
      ),
    ],
    "i1.kompetencer.tekst": paragraphs(
      "Afdelingen normeres med i alt 22 årsværk fordelt på socialfaglige, sundhedsfaglige og pædagogiske faggrupper, og der er personale til stede hele døgnet. Læge, psykolog og psykiater tilkøbes efter faste aftaler, mens jordemoderfaglig rådgivning ydes af familieambulatoriet. Alle medarbejdere gennemgår et fælles introduktionsforløb om målgruppen og forløbsbeskrivelsen.",
    ),
    "i1.placering.tilgaengelighed": paragraphs(
      `${host} er regionens trafikale knudepunkt med gode tog- og busforbindelser fra hele regionen. Placeringen tæt på ${fa} giver korte afstande til svangreomsorgen. Partner og netværk kan besøge familien, og afdelingen dækker transportudgifter for familier med lang rejsetid, så kvinderne kan få indsatsen inden for en rimelig afstand af deres lokalområde.`,
    ),
    "i1.specialisering.aktivPraksis": paragraphs(
      "Med 14 pladser og et forventet optag på omkring 25 kvinder om året opnår afdelingen en volumen, der giver løbende erfaring med målgruppen. Medarbejderne samles i ét team, og sager fra hele regionen visiteres hertil, så erfaringen ikke spredes på mange små tilbud med få forløb hver.",
    ),
    "i1.specialisering.kompetencer": paragraphs(
      "Alle faste medarbejdere gennemgår inden for det første driftsår uddannelse i mentaliseringsbaseret familiebehandling og traumebevidst praksis. Der udarbejdes en kompetenceplan for hver faggruppe, og nye medarbejdere introduceres af erfarne kolleger. Afdelingen samarbejder med professionshøjskolen om efteruddannelse og praksisnær forskning. Kompetenceplanerne følges op hvert halve år i ledelsen.",
    ),
    "i1.specialisering.samarbejdsformer": paragraphs(
      "Samarbejdet med familieambulatoriet, handlekommunerne, psykiatrien og almen praksis beskrives i faste procedurer med kontaktpersoner, mødefrekvens og ansvarsfordeling. Ved hvert forløb afholdes netværksmøder ved indskrivning, før fødslen og før udslusning, så alle parter kender planen og deres egen rolle i den. Procedurerne evalueres årligt med alle parter.",
    ),
    "i1.specialisering.vidensdistribution": paragraphs(
      "Afdelingen anvender forløbsbeskrivelsen og deltager i det nationale netværk af højt specialiserede tilbud. Erfaringer formidles gennem årlige temadage for kommunerne i regionen, undervisning af sagsbehandlere og en fælles dataopgørelse, som deles med Social- og Boligstyrelsen og de øvrige regioners tilbud. Afdelingen bidrager desuden til nye udgaver af forløbsbeskrivelsen.",
    ),
    "i1.familieambulatorium.tekst": paragraphs(
      `${fa} og afdelingen indgår et tæt samarbejde om den kombinerede familie- og rusmiddelbehandling. Familieambulatoriet varetager den specialiserede svangreomsorg og opfølgningen af barnet, mens afdelingen varetager døgnbehandlingen. Parterne holder fælles indskrivningsmøder, udveksler behandlingsplaner med kvindens samtykke og mødes hver måned om de aktuelle forløb. Der udpeges faste kontaktpersoner i begge enheder, og en jordemoder fra familieambulatoriet kommer i afdelingen hver uge. Samarbejdet evalueres årligt af ledelserne.`,
    ),
    "i1.familieambulatorium.tovholderTekst": paragraphs(
      "Afdelingen er tovholder for kvindens samlede forløb. Kontaktpersonen indkalder til netværksmøder, sikrer at aftaler med handlekommunen, familieambulatoriet og psykiatrien overholdes, og bygger bro til de ambulante tilbud i hjemkommunen, når familien udsluses. Funktionen er beskrevet i afdelingens procedurer og i samarbejdsaftalen.",
    ),
    "i1.vidensmiljoe.tekst": paragraphs(
      "Vi foreslår, at de fem regioners højt specialiserede tilbud danner et nationalt netværk med to årlige fagdage, fælles kompetenceudvikling og en fælles model for dokumentation af resultater. Netværket koordineres på skift af de deltagende tilbud med faglig støtte fra Social- og Boligstyrelsen, og erfaringerne deles med kommunerne og familieambulatorierne.",
    ),
    "i2.plan.tekst": paragraphs(
      `Rammeaftalesekretariatet nedsætter en arbejdsgruppe med repræsentanter for kommunerne, ${fa} og afdelingen. Arbejdsgruppen udarbejder et udkast til én fælles skriftlig samarbejdsaftale, der beskriver roller, kontaktpersoner og procedurer for opsporing, henvisning, visitation, udveksling af oplysninger og fælles planlægning af fødsel og udslusning for den enkelte gravide. Aftalen behandles i KKR og godkendes af kommunalbestyrelserne og regionsrådet, hvorefter den evalueres hvert andet år. Sekretariatet følger op på fremdriften over for KKR.`,
    ),
    "i3.form.overvejelser": paragraphs(
      "Kommunerne har valgt en afdeling på et eksisterende tilbud, fordi tilbuddet allerede har godkendelse, fagligt miljø og bygninger, der kan udvides. Det giver lavere etableringsudgifter og hurtigere opstart end et nyt selvstændigt tilbud. Et nyt tilbud ville desuden kræve en længere godkendelsesproces.",
    ),
    "i3.driftsansvar.deling": paragraphs(
      `${host} Kommune og ${partner} Kommune deler driftsansvaret efter en skriftlig driftsaftale. ${host} Kommune er driftsherre for tilbuddet og ansætter personalet, mens ${partner} Kommune deltager i ledelsen gennem en fælles styregruppe og deler et eventuelt underskud efter en fast fordelingsnøgle. Aftalen godkendes af begge kommunalbestyrelser.`,
    ),
    "i3.finansiering.etablering": paragraphs(
      "Etableringen finansieres af kommunerne i regionen efter indbyggertal som et engangsbidrag, der dækker ombygning af familieboliger, inventar og kompetenceudvikling i det første år. Der søges desuden om midler fra relevante statslige puljer. Bidragene opkræves i to rater i 2026.",
    ),
    "i3.finansiering.drift": paragraphs(
      "Driften finansieres som en kombination af objektiv finansiering og takst. Halvdelen af driftsudgifterne betales af alle kommuner i regionen efter indbyggertal, og resten opkræves som takst pr. belagt plads. Den objektive andel reducerer belægningsrisikoen for den enkelte kommune og sikrer, at tilbuddet kan holdes åbent, selv om belægningen svinger.",
    ),
    "i4.forudsaetninger": paragraphs(
      "Tidsplanen forudsætter politisk tilslutning i alle kommunalbestyrelser i efteråret 2025, godkendelse fra Socialtilsynet uden væsentlige bemærkninger, og at det lykkes at rekruttere sygeplejersker og familiebehandlere. Ombygningen kan blive forsinket, hvis der skal udarbejdes en ny lokalplan.",
    ),
    "bilag.tekst": paragraphs("Bilag 1: Udkast til samarbejdsaftale med familieambulatoriet."),
  };
  for (const [id, text] of Object.entries(ELEMENT_TEXTS)) t[`i1.elementer.${id}.hvordan`] = paragraphs(text);
  return t;
}

function fields(regionId: string, host: string, partner: string, hostName: string): Record<string, FieldValue> {
  const region = findRegion(regionId)!;
  const f: Record<string, FieldValue> = {
    ...initialFieldValues(regionId),
    "hoved.kontakt.navn": "Mette Nielsen",
    "hoved.kontakt.organisation": region.coordinatingSecretariat.name,
    "hoved.kontakt.email": "mette.nielsen@rammeaftale.example.dk",
    "hoved.kontakt.telefon": "+45 99 31 31 31",
    "i1.organisering.omfang": "regional",
    "i1.organisering.pladser": 14,
    "i1.organisering.kapacitet": 25,
    "i1.tilknytning.form": "afdeling",
    "i1.tilknytning.tilbud": `Familiecentret i ${hostName}`,
    "i1.tilknytning.tilbudKommune": host,
    "i1.kompetencer.tabel": [
      { id: "k1", faggruppe: "Socialrådgiver", aarsvaerk: 3, levering: "egen" },
      { id: "k2", faggruppe: "Sygeplejerske", aarsvaerk: 4, levering: "egen" },
      { id: "k3", faggruppe: "Familiebehandler", aarsvaerk: 10, levering: "egen" },
      { id: "k4", faggruppe: "Misbrugsbehandler", aarsvaerk: 4.5, levering: "egen" },
      { id: "k5", faggruppe: "Psykolog", aarsvaerk: 0.5, levering: "tilkoeb" },
    ],
    "i1.placering.lokationer": [{ id: "l1", kommune: host, stednavn: `${hostName} Øst` }],
    "i1.specialisering.senest": "2027-09",
    "i1.familieambulatorium.tovholder": true,
    "i2.parter.aftaleform": "faelles",
    "i2.parter.doegntilbudPart": true,
    "i2.tidsplan.status": "planlagt",
    "i2.tidsplan.maaned": "2025-12",
    "i2.tidsplan.milepaele": [
      { id: "s1", betegnelse: "Udkast til samarbejdsaftale drøftet med familieambulatoriet", maaned: "2025-09" },
      { id: "s2", betegnelse: "Behandling i KKR", maaned: "2025-11" },
    ],
    "i3.driftsansvar.driftsherre": "kommunalDelt",
    "i3.driftsansvar.driftskommuner": [host, partner].sort(),
    "i3.finansiering.modeller": ["objektiv", "takst"],
    "i3.finansiering.etableringKr": 12_000_000,
    "i3.finansiering.driftKrPrAar": 28_000_000,
    "i4.driftsstart": "2026-09",
    "i4.milepaele": [
      { id: "m1", betegnelse: "Politisk behandling i kommunalbestyrelserne", maaned: "2025-10" },
      { id: "m2", betegnelse: "Godkendelse af tilbuddet i Socialtilsynet", maaned: "2026-06" },
      { id: "m3", betegnelse: "Rekruttering og kompetenceudvikling", maaned: "2026-08" },
      { id: "m4", betegnelse: "Fuld kapacitet", maaned: "2027-06" },
    ],
  };
  for (const id of Object.keys(ELEMENT_TEXTS)) {
    f[`i1.elementer.${id}.status`] = "indgaar";
    f[`i1.elementer.${id}.levering`] = id === "E09" ? "tilkoeb" : "egen";
  }
  f["i1.elementer.E03.aktivt"] = true;
  // Where regions.json is unsure of the familieambulatorium, the region has confirmed its name.
  if (region.familieambulatorium.uncertain) f[CONFIRMED_FAMILIEAMBULATORIUM] = `Familieambulatoriet, ${region.name} (bekræftet)`;
  return f;
}

/** A complete reply of `regionId` with a regional solution: no findings on CHECK_TODAY. */
export function completeReplyContent(regionId = "nordjylland"): ReplyContent {
  const region = findRegion(regionId);
  if (!region) throw new Error(`unknown region ${regionId}`);
  const own = municipalitiesOf(regionId);
  const [host, partner] = HOST_KOMMUNER[regionId] ?? [own[0]!.code, own[1]!.code];
  const name = (code: string) => own.find((m) => m.code === code)?.name ?? code;
  return {
    templateId: TEMPLATE.templateId,
    templateVersion: TEMPLATE.version,
    texts: texts(region.name, region.familieambulatorium.name, name(host), name(partner)),
    fields: fields(regionId, host, partner, name(host)),
  };
}

/** The same reply with a cross-regional solution shared with `partnerRegion`: no findings either. */
export function crossRegionalReplyContent(regionId = "nordjylland", partnerRegion = "midtjylland"): ReplyContent {
  const behov: RowValue[] = [
    { id: "b1", region: regionId, kvinderPrAar: 12 },
    { id: "b2", region: partnerRegion, kvinderPrAar: 18 },
  ];
  return withFields(completeReplyContent(regionId), {
    "i1.organisering.omfang": "tvaerregional",
    "i1.organisering.regioner": [partnerRegion],
    "i1.organisering.behov": behov,
    "i1.organisering.pladser": 16,
    "i1.organisering.kapacitet": 30,
  });
}

/** A copy with some fields set (undefined deletes the key). */
export function withFields(content: ReplyContent, changes: Record<string, FieldValue | undefined | unknown>): ReplyContent {
  const copy = structuredClone(content);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy.fields[key];
    else copy.fields[key] = value as FieldValue;
  }
  return copy;
}

export function withField(content: ReplyContent, key: string, value: FieldValue | undefined | unknown): ReplyContent {
  return withFields(content, { [key]: value });
}

/** A copy with one text field replaced by plain paragraphs (or removed with undefined). */
export function withText(content: ReplyContent, id: string, text: string | PMNodeJSON[] | undefined): ReplyContent {
  const copy = structuredClone(content);
  if (text === undefined) delete copy.texts[id];
  else copy.texts[id] = typeof text === "string" ? paragraphs(text) : text;
  return copy;
}

/** A copy with one cell of one row changed (undefined deletes the cell). */
export function withRowCell(content: ReplyContent, key: string, rowIndex: number, column: string, value: RowValue[string] | undefined): ReplyContent {
  const copy = structuredClone(content);
  const rows = copy.fields[key] as RowValue[];
  const row = rows[rowIndex]!;
  if (value === undefined) delete row[column];
  else row[column] = value;
  return copy;
}

/**
 * The complete reply with its months moved forward so that it is valid on `today` (the fixture
 * is written for a reply in May 2025; the completeness check wants start dates after today).
 */
export function completeReplyContentAsOf(regionId = "nordjylland", today = new Date()): ReplyContent {
  const shift = today.getFullYear() - 2025 + 1;
  const move = (v: unknown): unknown => {
    if (typeof v === "string" && /^\d{4}-\d{2}$/.test(v)) return `${Number(v.slice(0, 4)) + shift}${v.slice(4)}`;
    if (Array.isArray(v)) return v.map(move);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x)]));
    return v;
  };
  const content = completeReplyContent(regionId);
  return { ...content, fields: move(content.fields) as ReplyContent["fields"] };
}

/** A complete reply of `regionId` (dates valid today) offering one unit with `partner`: 16 places, 30 women a year. */
export function sharedUnitReply(regionId: string, partner: string, changes: Record<string, unknown> = {}): ReplyContent {
  return withFields(completeReplyContentAsOf(regionId), {
    "i1.organisering.omfang": "tvaerregional",
    "i1.organisering.regioner": [partner],
    "i1.organisering.behov": [
      { id: "b1", region: regionId, kvinderPrAar: 12 },
      { id: "b2", region: partner, kvinderPrAar: 18 },
    ],
    "i1.organisering.pladser": 16,
    "i1.organisering.kapacitet": 30,
    ...changes,
  });
}
