/**
 * Every text a user reads in the client, in Danish, in one place (the glossary of
 * docs/design/domain.md). Template texts (headings, guidance, labels, options) are NOT here:
 * they are data in shared/template/definition.ts. Code and comments stay English.
 */
import type { DocumentSummaryDto } from "../../shared/validation/api.js";
import type { ItemId, ProgressKey } from "../../shared/template/types.js";
import { ROLE_LABELS, STATE_LABELS } from "../../shared/labels.js";

export const da = {
  app: {
    name: "Regionssvar",
    tagline: "Kommunernes fælles svar til Social- og Boligstyrelsen",
    skipLink: "Spring til indhold",
    skipToPanels: "Spring til svarets paneler",
    mainNav: "Hovedmenu",
    myReplies: "Mine svar",
    signOut: "Log ud",
    signingOut: "Logger ud…",
    signedInAs: (name: string, organisation: string) => `Logget ind som ${name}, ${organisation}`,
    loading: "Indlæser…",
  },
  login: {
    title: "Log ind",
    intro: "Log ind med din e-mail og adgangskode for at arbejde på regionens svar.",
    email: "E-mail",
    password: "Adgangskode",
    submit: "Log ind",
    submitting: "Logger ind…",
    missing: "Skriv både e-mail og adgangskode.",
    errorTitle: "Du blev ikke logget ind",
    sessionEnded: "Du er blevet logget ud. Log ind igen for at fortsætte.",
    code: "Kode fra godkendelsesappen",
    codeHelp: "Seks cifre. Koden skifter hvert halve minut.",
    forgot: "Glemt adgangskode?",
    ssoTitle: "Log ind med din organisations login",
    ssoButton: (name: string) => `Log ind med ${name}`,
    orPassword: "Eller log ind med e-mail og adgangskode",
    /** Why a single sign-on was refused (server/routes/auth/oidc.ts), by reason code. */
    ssoRefused: {
      email_missing: "Dit login sendte ikke en e-mailadresse. Kontakt din it-afdeling.",
      email_not_verified: "Din e-mailadresse er ikke bekræftet hos dit login. Kontakt din it-afdeling.",
      unknown_organisation: "Din organisation er ikke sat op til Regionssvar. Kontakt regionens koordinator.",
      other_organisation: "Der findes allerede en konto med din e-mailadresse i en anden organisation. Kontakt regionens koordinator.",
      state_mismatch: "Login-forsøget var udløbet eller blev brugt to gange. Prøv at logge ind igen.",
      token_rejected: "Svaret fra dit login kunne ikke godkendes. Prøv igen, og kontakt din it-afdeling, hvis det sker igen.",
      provider_unreachable: "Dit login svarer ikke lige nu. Prøv igen om lidt.",
      provider_error: "Login blev afbrudt eller afvist hos dit login.",
      unknown_provider: "Det valgte login findes ikke.",
    } as Record<string, string>,
    ssoRefusedFallback: "Du blev ikke logget ind med dit login. Prøv igen.",
  },
  list: {
    title: "Mine svar",
    intro: "De svar, du har adgang til. Vælg et svar for at åbne det.",
    caption: "Svar, du har adgang til",
    colTitle: "Svar",
    colRegion: "Region",
    colState: "Status",
    colRole: "Din rolle",
    colUpdated: "Senest ændret",
    colDeadline: "Svarfrist",
    colCompleteness: "Fuldstændighed",
    completeness: (met: number, total: number) => `${formatNumber(met)} af ${formatNumber(total)} krav opfyldt`,
    findings: (errors: number, warnings: number) =>
      errors === 0 && warnings === 0
        ? "Ingen fejl"
        : [errors > 0 ? (errors === 1 ? "1 fejl" : `${formatNumber(errors)} fejl`) : null, warnings > 0 ? (warnings === 1 ? "1 advarsel" : `${formatNumber(warnings)} advarsler`) : null]
            .filter(Boolean)
            .join(", "),
    emptyTitle: "Ingen svar endnu",
    empty: "Du har endnu ikke adgang til et svar. Kontakt regionens koordinator (KKR-sekretariatet), hvis du skal være med.",
    loadError: "Listen over svar kunne ikke hentes.",
    retry: "Prøv igen",
  },
  states: STATE_LABELS,
  roles: ROLE_LABELS,
  errors: {
    network: "Der er ingen forbindelse til serveren. Tjek din netværksforbindelse, og prøv igen.",
    generic: "Der opstod en uventet fejl. Prøv igen om lidt.",
    unauthenticated: "Du er ikke logget ind.",
    forbidden: "Du har ikke adgang til dette svar.",
    notFound: "Svaret findes ikke.",
    server: "Serveren kunne ikke svare. Prøv igen om lidt.",
  },
  notFound: {
    title: "Siden findes ikke",
    body: "Adressen passer ikke til en side i Regionssvar. Måske er linket forældet.",
    back: "Gå til Mine svar",
  },
  errorPage: {
    title: "Der opstod en fejl",
    reload: "Genindlæs siden",
  },
  editor: {
    panelsLabel: "Paneler for svaret",
    panelCompleteness: "Fuldstændighed",
    panelComments: "Kommentarer",
    panelApproval: "Godkendelse",
    panelPeople: "Personer",
    panelHistory: "Historik",
    loadingReply: "Indlæser svaret…",
    stateLabel: "Status",
    noTemplate:
      "Svaret kunne ikke vises, fordi dokumentet ikke indeholder skabelonen. Der er ikke ændret noget. Kontakt regionens koordinator.",
    templateMismatch: (stored: number, known: number) =>
      `Svaret bruger skabelonversion ${stored}, men denne side kender version ${known}. Genindlæs siden.`,
    readOnlyRole: "Du kan læse svaret, men ikke redigere i det.",
    readOnlyFrozen: "Svaret er låst, fordi det er til godkendelse, godkendt eller indsendt. Teksten kan ikke ændres.",
    structureBlocked: "Skabelonens overskrifter og felter kan ikke slettes eller flyttes. Ret teksten inden for felterne.",
    restored: (name: string) => `Koordinatoren har gendannet versionen »${name}«. Teksten er erstattet, og din markør er flyttet til slutningen af feltet.`,
    restoredDismiss: "OK",
    structureBlockedShort: "Overskrifter og felter kan ikke slettes – ret teksten i feltet.",
    unsavedLeave: "Der er ændringer, som endnu ikke er gemt. Vil du forlade siden?",
    words: (n: number) => (n === 1 ? "1 ord" : `${formatNumber(n)} ord`),
    guidance: "Vejledning",
    unknownItem: "Ukendt punkt",
    unknownBlock: "Ukendt afsnit",
    unknownField: "Ukendt felt",
    placeholder: "Skriv her…",
    ariaLabel: "Svarets indhold",
    asideLabel: "Overblik over svaret",
    toPanels: "Gå til panelerne (fuldstændighed, kommentarer, godkendelse …)",
    backToReply: "Tilbage til svarets tekst",
  },
  outline: {
    label: "Punkter i svaret",
    items: {
      hoved: "Dokumenthoved",
      indledning: "Indledning",
      i1: "1. Løsningsforslag",
      i2: "2. Samarbejdsaftale",
      i3: "3. Finansiering",
      i4: "4. Tidsplan",
      bilag: "Bilag",
    } satisfies Record<ItemId, string>,
  },
  toolbar: {
    label: "Formatering",
    bold: "Fed",
    italic: "Kursiv",
    bulletList: "Punktopstilling",
    orderedList: "Nummereret liste",
    heading: "Mellemrubrik",
    table: "Indsæt tabel",
    tableGroup: "Tabel",
    addRow: "Ny række",
    addRowName: "Ny række i tabellen",
    addColumn: "Ny kolonne",
    addColumnName: "Ny kolonne i tabellen",
    deleteRow: "Slet række",
    deleteRowName: "Slet række i tabellen",
    deleteColumn: "Slet kolonne",
    deleteColumnName: "Slet kolonne i tabellen",
    deleteTable: "Slet tabel",
    link: "Link",
    undo: "Fortryd",
    redo: "Gentag",
    linkDialog: "Indsæt link",
    linkAddress: "Linkadresse",
    linkHelp: "Begynder med https://, http:// eller mailto:",
    linkInvalid: "Linket skal begynde med https://, http:// eller mailto:",
    linkApply: "Indsæt link",
    linkRemove: "Fjern link",
    linkCancel: "Annuller",
  },
  fields: {
    choose: "Vælg…",
    chooseKommune: "Vælg kommune…",
    chooseRegion: "Vælg region…",
    clearChoice: "Ryd valg",
    selectAllIn: (region: string) => `Vælg alle i ${region}`,
    selectNoneIn: (region: string) => `Fravælg alle i ${region}`,
    otherSelected: "Andre valgte kommuner",
    addRow: "Tilføj række",
    removeRow: (n: number) => `Fjern række ${n}`,
    remove: "Fjern",
    rowCell: (column: string, n: number) => `${column}, række ${n}`,
    actions: "Handlinger",
    noRows: "Ingen rækker endnu.",
    optional: "(valgfri)",
    invalidInt: "Skriv et helt tal (0 eller større), fx 25 eller 12.000.000.",
    invalidNumber: "Skriv et tal (0 eller større) med højst én decimal, fx 4,5.",
    invalidMonth: "Skriv måned og år som ÅÅÅÅ-MM, fx 2026-03.",
    monthPlaceholder: "ÅÅÅÅ-MM",
    notSetYet: "Ikke valgt endnu",
    dateSetAtSubmission: "Sættes, når svaret indsendes",
    uncertain: "(oplysningen er usikker – kontrollér navnet)",
    goTo: (what: string) => `Gå til ${what}`,
  },
  save: {
    connecting: "Forbinder…",
    saving: "Gemmer…",
    saved: "Alle ændringer er gemt",
    offline: "Offline – dine ændringer gemmes lokalt og sendes, når forbindelsen er tilbage",
    waiting: (n: number) => (n === 0 ? "Ingen ændringer venter." : n === 1 ? "1 ændring venter." : `${formatNumber(n)} ændringer venter.`),
    /** Changes that reached a frozen reply: kept for their author, never sent later. */
    notSaved: (n: number) =>
      `${n === 1 ? "1 ændring" : `${formatNumber(n)} ændringer`} blev ikke gemt, fordi svaret er låst. Du kan se og kopiere ${n === 1 ? "den" : "dem"} under Godkendelse.`,
    unhealthy: "Serveren har problemer med at gemme. Dine ændringer er ikke tabt – vi prøver igen.",
    reload: "Genindlæs siden",
    signInAgain: "Log ind igen",
    terminal: {
      schemaOutdated: "Siden skal genindlæses, fordi Regionssvar er blevet opdateret.",
      forbidden: "Du har ikke adgang til at redigere i dette svar.",
      frozen: "Svaret er låst og kan ikke ændres.",
      invalidContent: "En ændring blev afvist, fordi den ville ændre skabelonens opbygning. Genindlæs siden.",
      tooLarge: "Svaret er blevet for stort til at blive gemt. Genindlæs siden, og fjern noget indhold.",
      tooManyConnections: "Du har Regionssvar åben i for mange faner. Luk nogle af dem, og genindlæs siden.",
      unauthenticated: "Du er blevet logget ud.",
      unknown: "Forbindelsen blev lukket af serveren.",
    },
  },
  presence: {
    title: "I dokumentet nu",
    you: "(dig)",
    nobody: "Ingen andre er i dokumentet lige nu.",
  },
  completeness: {
    title: "Tjek af svaret",
    progress: "Fremdrift",
    progressOf: (ok: number, total: number) => `${formatNumber(ok)} af ${formatNumber(total)} krav opfyldt`,
    items: {
      hoved: "Dokumenthoved",
      "1": "Punkt 1",
      "2": "Punkt 2",
      "3": "Punkt 3",
      "4": "Punkt 4",
    } satisfies Record<ProgressKey, string>,
    errors: "Fejl, der skal rettes",
    warnings: "Advarsler",
    noErrors: "Ingen fejl. Svaret kan sendes til godkendelse.",
    noWarnings: "Ingen advarsler.",
    summaryOk: "Svaret er komplet.",
    summary: (errors: number, warnings: number) =>
      `${errors === 1 ? "1 fejl" : `${formatNumber(errors)} fejl`} og ${warnings === 1 ? "1 advarsel" : `${formatNumber(warnings)} advarsler`}.`,
    status: { mangler: "Mangler", ugyldig: "Ugyldig" },
    severity: { fejl: "Fejl", advarsel: "Advarsel" },
    failed: "Tjekket kunne ikke gennemføres.",
    hint: "Vælg en linje for at gå til feltet.",
  },
};

// ---------------------------------------------------------------------------------------------
// Danish formatting (Intl 'da-DK'; dates in Europe/Copenhagen)
// ---------------------------------------------------------------------------------------------

const TIME_ZONE = "Europe/Copenhagen";
const dateFormat = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE });
const monthYearFormat = new Intl.DateTimeFormat("da-DK", { month: "long", year: "numeric", timeZone: "UTC" });
const isoDayFormat = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TIME_ZONE });

/** "2025-05-31" (a calendar date) → "31. maj 2025". Other strings are returned unchanged. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  // Noon UTC is the same calendar day in Copenhagen all year round.
  return dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)));
}

/** An ISO timestamp → "3. maj 2025 kl. 14.05" in Copenhagen time. */
export function formatDateTime(isoTimestamp: string): string {
  const d = new Date(isoTimestamp);
  return Number.isNaN(d.getTime()) ? isoTimestamp : dateTimeFormat.format(d);
}

/** "2026-03" → "marts 2026". */
export function formatMonthYear(monthYear: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(monthYear);
  if (!m) return monthYear;
  return monthYearFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

/** Today's date in Copenhagen as YYYY-MM-DD (the completeness check's `today`). */
export function copenhagenToday(now: Date = new Date()): string {
  return isoDayFormat.format(now);
}

/** Same rule as the PDF/DOCX (shared/export/format.ts): "12.000.000", "4,5". */
const numberFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 1 });

/** A number with Danish separators: thousands with ".", decimals with ",". */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
