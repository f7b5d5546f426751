/**
 * Texts of the comment threads (the "Kommentarer" panel, the "Kommentér" button, the highlights
 * in the text and the counts in the completeness panel), in Danish. Code stays English.
 */
import type { ItemId } from "../../shared/template/types.js";
import { formatNumber } from "./da.js";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const cm = {
  title: "Kommentarer",
  loading: "Henter kommentarer…",
  loadError: "Kommentarerne kunne ikke hentes.",
  refreshError: "Kommentarerne kunne ikke opdateres. Det viste kan være forældet.",
  retry: "Prøv igen",

  /** Why the panel is read-only or cannot start new threads. */
  readOnly: {
    locked: "Svaret er indsendt. Kommentarerne kan læses, men ikke ændres.",
    reader: "Du kan læse kommentarerne, men din rolle kan ikke skrive kommentarer.",
    frozen: "Teksten er låst, så der kan ikke startes nye tråde. Du kan stadig svare på tråde og løse dem.",
    commenter: "Du kan ikke ændre teksten, men du kan markere en tekst og kommentere den, svare på tråde og løse dem.",
  },

  toolbar: {
    comment: "Kommentér",
    commentName: "Kommentér den markerede tekst",
    needsSelection: "Markér tekst i ét felt for at kommentere",
    notAllowed: "Du kan ikke starte nye kommentarer her",
  },

  filters: {
    label: "Vis tråde",
    open: "Åbne",
    resolved: "Løste",
    mine: "Til mig",
    all: "Alle",
  },
  filterHelp: {
    mine: "Tråde, hvor du eller din organisation er nævnt.",
  },

  empty: {
    start: "Markér tekst i svaret, og vælg Kommentér (eller tryk Ctrl+Alt+M) for at starte en tråd.",
    none: "Der er ingen kommentarer endnu.",
    open: "Der er ingen åbne tråde.",
    resolved: "Der er ingen løste tråde endnu.",
    mine: "Ingen tråde nævner dig eller din organisation.",
  },

  /** Short names of the template's items, for the group headings. */
  items: {
    hoved: "Dokumenthoved",
    indledning: "Indledning",
    i1: "Punkt 1",
    i2: "Punkt 2",
    i3: "Punkt 3",
    i4: "Punkt 4",
    bilag: "Bilag",
  } satisfies Record<ItemId, string>,
  noPlace: "Uden placering",
  groupCount: (n: number) => plural(n, "1 tråd", `${formatNumber(n)} tråde`),

  draft: {
    title: "Ny kommentar",
    quote: "Markeret tekst",
    body: "Kommentar",
    submit: "Send kommentar",
    submitting: "Sender…",
    cancel: "Annuller",
  },

  thread: {
    status: { open: "Åben", resolved: "Løst" },
    unread: "Ny",
    unreadLong: "ulæst",
    orphaned: "Teksten er slettet",
    orphanedHelp: "Den kommenterede tekst er slettet. Tråden er bevaret med den oprindelige tekst.",
    originalQuote: "Oprindelig tekst",
    quote: "Kommenteret tekst",
    messages: (n: number) => plural(n, "1 kommentar", `${formatNumber(n)} kommentarer`),
    startedBy: (name: string, organisation: string) => `Startet af ${name}, ${organisation}`,
    resolvedBy: (name: string, organisation: string, when: string) => `Løst af ${name}, ${organisation}, ${when}`,
    show: "Vis i teksten",
    showBlock: "Gå til afsnittet",
    resolve: "Markér som løst",
    reopen: "Genåbn",
    keptInView: "Vises, fordi du har tråden åben.",
    messagesLabel: "Kommentarer i tråden",
  },

  message: {
    edited: "(redigeret)",
    deleted: "Kommentaren er slettet.",
    edit: "Redigér",
    editLabel: "Ret kommentar",
    save: "Gem",
    saving: "Gemmer…",
    cancel: "Annuller",
    remove: "Slet",
    removeConfirm: "Vil du slette kommentaren? Det kan ikke fortrydes.",
    removeYes: "Ja, slet",
    removeNo: "Behold",
    mentions: "Nævner",
    you: "(dig)",
    actionsFor: (name: string) => `Handlinger for kommentaren fra ${name}`,
  },

  reply: {
    label: "Svar",
    submit: "Send svar",
    submitting: "Sender…",
  },

  mention: {
    toggle: "Nævn",
    toggleName: "Nævn en organisation eller person",
    select: "Organisation eller person",
    choose: "Vælg…",
    add: "Tilføj",
    organisations: "Organisationer",
    people: "Personer",
    remove: (name: string) => `Fjern nævnelse af ${name}`,
    loadError: "Listen over organisationer og personer kunne ikke hentes.",
    chosen: "Nævnes",
  },

  /** Said by the screen reader when something new arrives from someone else. */
  announce: {
    newComment: (name: string, organisation: string, text: string) => `Ny kommentar fra ${name}, ${organisation}: ${text}`,
    newComments: (n: number) => `${formatNumber(n)} nye kommentarer`,
    resolved: (name: string, quote: string) => `${name} har løst tråden om "${quote}"`,
    reopened: (quote: string) => `Tråden om "${quote}" er genåbnet`,
  },

  /** Described by the highlighted text when the reply is read-only (it is then a button). */
  anchorHelp: "Kommenteret tekst. Tryk Enter for at åbne tråden i panelet Kommentarer.",
  badge: (n: number) => plural(n, "1 ulæst tråd", `${formatNumber(n)} ulæste tråde`),

  completeness: {
    title: "Kommentarer",
    open: (n: number) => plural(n, "1 åben kommentartråd", `${formatNumber(n)} åbne kommentartråde`),
    none: "Ingen åbne kommentartråde.",
    summary: (n: number) => plural(n, "1 åben kommentartråd i alt.", `${formatNumber(n)} åbne kommentartråde i alt.`),
  },
};
