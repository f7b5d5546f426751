/**
 * The workflow's texts in Danish: the approval panel, version history, the national overview and
 * the deadline. The state names follow docs/design/reply-template.md §6. Code stays English.
 */
import type { DocumentSummaryDto } from "../../shared/validation/api.js";
import { formatNumber } from "./da.js";

type WorkflowState = DocumentSummaryDto["state"];

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const wf = {
  remind: {
    title: "Påmind kommunerne",
    intro: (n: number) =>
      n === 1 ? "1 kommune mangler at godkende. Send en mail til dens redaktører." : `${n} kommuner mangler at godkende. Send en mail til deres redaktører.`,
    note: "Kort besked (valgfri)",
    send: "Send påmindelse",
    sending: "Sender…",
    sent: (n: number) =>
      n === 0
        ? "Der er ingen redaktører i de kommuner, der mangler. Invitér dem under Personer."
        : n === 1
          ? "Påmindelsen er sendt til 1 person."
          : `Påmindelsen er sendt til ${n} personer.`,
  },
  states: {
    udkast: "Udkast",
    til_godkendelse: "Til godkendelse",
    godkendt: "Godkendt af alle kommuner",
    indsendt: "Indsendt",
  } satisfies Record<WorkflowState, string>,
  stepsLabel: "Svarets forløb",
  stepDone: "(gennemført)",
  stepCurrent: "(nu)",

  deadline: {
    label: "Tid til fristen",
    daysLeft: (n: number) => (n === 1 ? "1 dag tilbage" : `${formatNumber(n)} dage tilbage`),
    today: "Fristen er i dag",
    overdue: (n: number) => `Overskredet med ${formatNumber(n)} ${plural(n, "dag", "dage")}`,
    submitted: "Svaret er indsendt",
  },

  common: {
    cancel: "Annuller",
    close: "Luk",
    retry: "Prøv igen",
    loadError: "Oplysningerne kunne ikke hentes.",
    copy: "Kopiér tekst",
    copied: "Kopieret",
    copyFailed: "Kunne ikke kopiere. Markér teksten, og kopiér den selv.",
    hashShort: (hash: string) => `${hash.slice(0, 12)}…`,
    showFullHash: "Vis hele fingeraftrykket",
    required: "(skal udfyldes)",
  },

  approval: {
    title: "Godkendelse",
    intro: {
      udkast: "Svaret er et udkast. Når det er komplet, sender koordinatoren det til godkendelse, og teksten låses.",
      til_godkendelse: "Teksten er låst. Alle kommuner i regionen skal godkende præcis denne tekst.",
      godkendt: "Alle kommuner har godkendt den låste tekst. Koordinatoren kan nu indsende svaret.",
      indsendt: "Svaret er indsendt til Social- og Boligstyrelsen og forseglet. Det kan ikke ændres.",
    } satisfies Record<WorkflowState, string>,
    waitingForCoordinator: "Koordinatoren sender svaret til godkendelse, når det er komplet.",
    kommunerMustApprove: (n: number) => `${formatNumber(n)} ${plural(n, "kommune", "kommuner")} skal godkende svaret.`,

    // Send til godkendelse
    request: "Send til godkendelse",
    requestChecking: "Tjekker svaret…",
    incompleteTitle: "Svaret kan ikke sendes til godkendelse endnu",
    incompleteIntro: (n: number) => `Ret ${n === 1 ? "fejlen" : `de ${formatNumber(n)} fejl`}, og prøv igen. Vælg en fejl for at gå til feltet.`,
    requestDialogTitle: "Send svaret til godkendelse?",
    requestDialogBody: (n: number) =>
      `Teksten låses for alle, og alle ${formatNumber(n)} kommuner i regionen skal godkende præcis den låste tekst. Skal der rettes bagefter, skal svaret sendes tilbage til udkast, og så bortfalder alle godkendelser.`,
    openThreads: (n: number) =>
      n === 1
        ? "Der er stadig 1 åben kommentartråd. Du kan fortsætte alligevel; tråden forbliver åben og kan læses, men teksten er låst."
        : `Der er stadig ${formatNumber(n)} åbne kommentartråde. Du kan fortsætte alligevel; trådene forbliver åbne og kan læses, men teksten er låst.`,
    warningsTitle: "Advarsler",
    warningsIntro: "Svaret kan sendes med advarsler, men bekræft, at du har set hver enkelt.",
    warningsChanged: "Serveren fandt advarsler, som ikke var bekræftet. Se dem igen.",
    acknowledge: "Jeg har set advarslen",
    acknowledgeAll: "Sæt kryds ved alle advarsler for at fortsætte.",
    goToField: "Gå til feltet",
    requestConfirm: "Lås teksten og send til godkendelse",
    requested: "Svaret er sendt til godkendelse. Teksten er låst.",

    // Frozen text
    frozenHash: "Den låste teksts fingeraftryk (SHA-256)",
    frozenAt: (when: string) => `Låst ${when}`,
    progress: (given: number, total: number) => `${formatNumber(given)} af ${formatNumber(total)} kommuner har godkendt`,
    kommunerTitle: "Kommunernes godkendelser",
    approved: "Godkendt",
    approvedWithReservation: "Godkendt med forbehold",
    rejected: "Ikke godkendt",
    notApproved: "Mangler godkendelse",
    approvedBy: (name: string, when: string) => `registreret af ${name}, ${when}`,
    grundlagShown: (g: string) => `Beslutning: ${g}`,
    remark: (text: string) => `Bemærk: ${text}`,

    // Internal deadline
    internalDeadline: "Intern frist for godkendelse",
    internalDeadlineInput: "Dato for den interne frist",
    internalDeadlineNone: "Der er ikke sat en intern frist.",
    internalDeadlineSet: "Gem frist",
    internalDeadlineClear: "Fjern frist",
    internalDeadlineSaved: "Den interne frist er gemt.",
    internalDeadlineCleared: "Den interne frist er fjernet.",
    internalDeadlineInvalid: "Vælg en dato.",

    // Approve on behalf of a kommune
    approveTitle: (kommune: string) => `Godkend på vegne af ${kommune}`,
    approveIntro: "Du godkender den låste tekst med dette fingeraftryk. Godkendelsen gælder kun præcis denne tekst.",
    grundlag: "Grundlag",
    grundlagHelp: "Fx »Byrådsbeslutning 12.05.2025, pkt. 7«",
    approveDialogTitle: (kommune: string) => `Godkend svaret på vegne af ${kommune}?`,
    approveDialogBody: "En godkendelse kan ikke trækkes tilbage. Den gælder kun den låste tekst med fingeraftrykket nedenfor.",
    approveConfirm: "Godkend",
    approvedOwn: (kommune: string) => `${kommune} har godkendt svaret.`,
    hashMismatch: "Teksten er blevet ændret, siden du åbnede den. Læs den gældende tekst, og godkend igen.",

    // Back to draft
    reopen: "Send tilbage til udkast",
    reopenReason: "Begrundelse",
    reopenHelp: "Fortæl kommunerne, hvorfor svaret skal ændres.",
    reopenWarning: (n: number) =>
      n === 0
        ? "Teksten låses op, så den kan ændres. Bagefter skal svaret sendes til godkendelse igen."
        : `Teksten låses op, og ${n === 1 ? "den ene godkendelse" : `alle ${formatNumber(n)} godkendelser`}, der er givet, bortfalder. Alle kommuner skal godkende igen.`,
    reopenDialogTitle: "Send svaret tilbage til udkast?",
    reopenConfirm: "Send tilbage til udkast",
    reopened: "Svaret er sendt tilbage til udkast.",

    // Submit
    submit: "Indsend svaret",
    submitDialogTitle: "Indsend svaret til Social- og Boligstyrelsen?",
    submitDialogBody: "Svaret forsegles med dato og alle kommuners godkendelser og kan ikke ændres bagefter. En rettelse kræver et nyt, supplerende svar.",
    submitConfirm: "Indsend og forsegl",
    submitted: "Svaret er indsendt og forseglet.",
    notSubmittable: "Svaret kan ikke indsendes endnu:",

    // Sealed
    sealTitle: "Det forseglede svar",
    sealedAt: "Indsendt",
    indholdsHash: "Indholdets fingeraftryk (SHA-256)",
    forseglingsHash: "Forseglingens fingeraftryk (SHA-256)",
    sealVerified: "Forseglingen er kontrolleret ✓",
    sealChecking: "Kontrollerer forseglingen…",
    sealBroken: "Forseglingen kunne ikke bekræftes. Kontakt Regionssvars support.",
    downloads: "Hent det indsendte svar",
    downloadPdf: "Hent PDF",
    downloadDocx: "Hent Word (DOCX)",
    downloadZip: "Hent hele indsendelsen med bilag (zip)",

    // Refused changes
    rejectedTitle: "Ændringer, der ikke blev gemt",
    rejectedIntro: "Svaret var låst, da disse ændringer nåede frem. De er ikke en del af svaret, men her er din tekst, så du kan kopiere den.",
    rejectedAt: (when: string) => `Afvist ${when}, fordi svaret var låst`,
    /** The banner reads "Nogle af dine ændringer … låst — se dem her"; the last words are the link. */
    presentNow: "I svaret lige nu:",
    nobodyElse: "Ingen andre er i svaret lige nu.",
    typingNow: "skriver nu",
    waitingForPause: (names: string[]) =>
      `Venter på, at ${names.join(" og ")} holder en pause, så ingen sætning bliver skåret over. Teksten låses, så snart der er stille.`,
    freezeAnyway: "Lås nu alligevel",
    rejectedLimit: "Der er ikke plads til at gemme flere af dine afviste ændringer. Kopiér teksten herunder, og kontakt koordinatoren, før du skriver mere.",
    rejectedBanner: "Nogle af dine ændringer blev ikke gemt, fordi svaret var låst",
    rejectedShow: "se dem her",
    rejectedHide: "Skjul",
    yourText: "Din tekst",
  },

  history: {
    title: "Historik",
    intro: "Versioner af svaret. Systemet gemmer selv en version ved hvert skridt i godkendelsen.",
    empty: "Der er ingen versioner endnu.",
    listLabel: "Versioner",
    saveTitle: "Gem en version",
    name: "Navn på versionen",
    nameHelp: "Fx »Efter KKR-mødet 5. maj«",
    save: "Gem version",
    saved: (name: string) => `Versionen »${name}« er gemt.`,
    by: (name: string) => `af ${name}`,
    bySystem: "gemt automatisk",
    view: "Vis",
    viewName: (name: string) => `Vis versionen »${name}«`,
    viewTitle: (name: string) => `Version: ${name}`,
    viewFrame: (name: string) => `Versionen »${name}« (kun læsning)`,
    select: (name: string) => `Vælg »${name}« til sammenligning`,
    selectHint: "Vælg to versioner for at sammenligne dem.",
    compare: "Sammenlign valgte",
    compareTitle: (from: string, to: string) => `Fra »${from}« til »${to}«`,
    compareLegend: "Tilføjet tekst er understreget og markeret »Tilføjet«. Fjernet tekst er gennemstreget og markeret »Fjernet«.",
    added: "Tilføjet",
    removed: "Fjernet",
    noChanges: "Der er ingen forskel på de to versioner.",
    changedFields: (n: number) => `${formatNumber(n)} ${plural(n, "felt er ændret", "felter er ændret")}.`,
    restore: "Gendan",
    restoreName: (name: string) => `Gendan versionen »${name}«`,
    restoreDialogTitle: (name: string) => `Gendan versionen »${name}«?`,
    restoreDialogBody:
      "Svarets nuværende tekst gemmes først som en version, så intet går tabt. Derefter erstattes teksten med den valgte version for alle, der arbejder i svaret.",
    restoreConfirm: "Gendan versionen",
    restored: (name: string) => `Versionen »${name}« er gendannet.`,
    restoreOnlyDraft: "Versioner kan kun gendannes, mens svaret er et udkast.",
    loadingVersion: "Henter versionen…",
  },

  agencySharing: {
    title: "Deling med Social- og Boligstyrelsen",
    notShared: "Styrelsen ser svarets trin, hvor langt det er, og fristen. Teksten kan styrelsen læse, når svaret er indsendt.",
    sharedNow: "Udkastet er delt: styrelsen kan læse teksten nu. Kommentarerne og personerne ser styrelsen aldrig.",
    share: "Del udkastet med styrelsen",
    stop: "Stop delingen",
    started: "Udkastet er delt med styrelsen.",
    stopped: "Delingen er stoppet. Styrelsen kan ikke længere læse udkastet.",
  },
  overview: {
    title: "Nationalt overblik",
    nav: "Nationalt overblik",
    intro: "Regionernes svar på Social- og Boligstyrelsens anmodning: status, fremdrift, godkendelser og den tilbudte kapacitet.",
    forbidden: "Det nationale overblik er kun for Social- og Boligstyrelsen.",
    loadError: "Overblikket kunne ikke hentes.",
    emptyTitle: "Ingen svar endnu",
    empty: "Der er endnu ingen regioner med et svar.",
    caption: "Regionernes svar",
    colRegion: "Region",
    colState: "Status",
    colProgress: "Fremdrift",
    colErrors: "Fejl",
    colApprovals: "Godkendelser",
    colCapacity: "Kapacitet",
    colSealed: "Indsendt",
    progressItem: (label: string, ok: number, total: number) => `${label}: ${formatNumber(ok)} af ${formatNumber(total)}`,
    items: { hoved: "Hoved", "1": "Punkt 1", "2": "Punkt 2", "3": "Punkt 3", "4": "Punkt 4" },
    errors: (n: number) => (n === 0 ? "Ingen fejl" : `${formatNumber(n)} fejl`),
    approvals: (given: number, total: number) => `${formatNumber(given)} af ${formatNumber(total)}`,
    capacity: (n: number) => `${formatNumber(n)} ${plural(n, "kvinde", "kvinder")} om året`,
    capacityMissing: "Ikke angivet",
    capacityHidden: "Vises ved indsendelse",
    notSealed: "Ikke indsendt",
    late: "Indsendt efter fristen",
    sealedHash: "Forsegling",
    downloadPdf: (region: string) => `Hent PDF for ${region}`,
    downloadDocx: (region: string) => `Hent DOCX for ${region}`,
    openReply: (region: string) => `Åbn svaret fra ${region}`,
    textAfterSubmission: "Teksten kan læses, når svaret er indsendt.",
    superseded: "Erstattet af et supplerende svar",
    total: "Hele landet",
    capacityTitle: "Kapacitet på landsplan",
    capacitySubmittedOnly: "Kun indsendte svar tæller. En enhed, som to regioner deler, tælles én gang.",
    capacityDrafts: (n: number) => `Svar, der endnu ikke er indsendt, angiver ${formatNumber(n)} ${plural(n, "kvinde", "kvinder")} om året mere.`,
    capacitySum: (sum: number, min: number, max: number) =>
      `${formatNumber(sum)} ${plural(sum, "kvinde", "kvinder")} om året i alt. Behovet er ${formatNumber(min)}–${formatNumber(max)} kvinder om året.`,
    capacityBelow: (missing: number) => `Under behovet: der mangler mindst ${formatNumber(missing)} ${plural(missing, "plads", "pladser")} om året.`,
    capacityWithin: "Inden for behovet.",
    capacityAbove: "Over det skønnede behov.",
    capacityMeter: "Kapacitet i forhold til behovet",
    deadlineTitle: "Svarfrist",
    submittedCount: (n: number, total: number) => `${formatNumber(n)} af ${formatNumber(total)} regioner har indsendt.`,
    today: (date: string) => `Opgjort ${date}`,
    refresh: "Opdater",
  },
};
